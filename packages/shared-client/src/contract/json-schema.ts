import { z } from 'zod';

/**
 * JSON Schema (draft 2020-12, the dialect of OpenAPI 3.1) for a contract schema. `io: 'input'`
 * describes what a caller sends (defaults optional), `'output'` what the server answers.
 */
export function toJsonSchema(schema: z.ZodType, io: 'input' | 'output' = 'output'): Record<string, unknown> {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as Record<
    string,
    unknown
  >;
  return rest;
}
