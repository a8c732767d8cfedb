import Ajv2020 from 'ajv/dist/2020';
import type { ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';

interface Operation {
  responses?: Record<string, { content?: { 'application/json'?: { schema?: object } } }>;
}

interface PathMatcher {
  template: string;
  pattern: RegExp;
  params: number;
}

/**
 * Checks answers against the response schemas of the server's own OpenAPI document (ajv, draft
 * 2020-12): every status a test sees must be documented for its operation, and its body must match.
 */
export class OpenApiResponses {
  private readonly ajv = new Ajv2020({ strict: false, allErrors: true });
  private readonly validators = new Map<string, ValidateFunction>();
  private readonly matchers: PathMatcher[];

  constructor(private readonly document: { paths: Record<string, Record<string, Operation>> }) {
    addFormats(this.ajv);
    this.matchers = Object.keys(document.paths)
      .map((template) => ({
        template,
        pattern: new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]+')}$`),
        params: (template.match(/\{/g) ?? []).length,
      }))
      // A literal segment wins over a parameter in the same place.
      .sort((a, b) => a.params - b.params);
  }

  /** The documented path template a concrete URL path belongs to, if any. */
  templateOf(path: string): string | undefined {
    return this.matchers.find((m) => m.pattern.test(path))?.template;
  }

  check(method: string, url: string, status: number, body: unknown): void {
    const path = new URL(url, 'http://x').pathname;
    const template = this.templateOf(path);
    if (!template) throw new Error(`${method} ${path} is not in the OpenAPI document`);
    const id = `${method.toLowerCase()} ${template} ${status}`;
    let validate = this.validators.get(id);
    if (!validate) {
      const operation = this.document.paths[template]?.[method.toLowerCase()];
      if (!operation) throw new Error(`${method} ${template} is not in the OpenAPI document`);
      const schema = operation.responses?.[String(status)]?.content?.['application/json']?.schema;
      if (!schema) throw new Error(`${method} ${template} does not document a ${status} answer`);
      validate = this.ajv.compile(schema);
      this.validators.set(id, validate);
    }
    if (!validate(body)) {
      throw new Error(
        `${method} ${path} → ${status} does not match its documented schema: ${this.ajv.errorsText(validate.errors)}`,
      );
    }
  }
}
