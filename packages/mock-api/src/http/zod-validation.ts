import type { FastifySchemaCompiler } from 'fastify';
import type { z } from 'zod';
import type { ErrorDetail } from '@returns-pack/shared-client';
import { DomainError } from '../domain/errors';

const PART_NAMES: Record<string, string> = {
  body: 'body',
  querystring: 'query',
  params: 'params',
  headers: 'headers',
};

/**
 * Fastify's validator compiler for zod schemas: the parsed value (defaults, coercions) replaces the
 * raw one, and a failure becomes `validation_failed` naming every bad or unknown field.
 */
export const zodValidatorCompiler: FastifySchemaCompiler<z.ZodType> = ({ schema, httpPart }) => {
  const part = PART_NAMES[httpPart ?? 'body'] ?? 'body';
  return (data: unknown) => {
    const result = schema.safeParse(data);
    return result.success ? { value: result.data } : { error: validationError(result.error, part) };
  };
};

export function validationError(error: z.ZodError, part: string): DomainError {
  const details = issueDetails(error, part);
  const summary = details
    .slice(0, 5)
    .map((d) => `${d.path} ${d.message}`)
    .join('; ');
  const more = details.length > 5 ? ` (and ${details.length - 5} more)` : '';
  return new DomainError('validation_failed', `Invalid ${part}: ${summary}${more}`, details);
}

/** One detail per problem, an unknown field each on its own, paths dotted (`items.0.sku`). */
export function issueDetails(error: z.ZodError, part: string): ErrorDetail[] {
  const details: ErrorDetail[] = [];
  for (const issue of error.issues) {
    const path = issue.path.map(String);
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys)
        details.push({ path: [...path, key].join('.'), message: 'is not a known field' });
    } else {
      const missing = issue.code === 'invalid_type' && / received undefined$/.test(issue.message);
      details.push({
        path: path.length > 0 ? path.join('.') : part,
        message: missing ? 'is required' : issue.message,
      });
    }
  }
  return details;
}
