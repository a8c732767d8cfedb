// zapier-platform-core ships no types for its schema tools; these are the two the tests use.
declare module 'zapier-platform-core/src/tools/schema' {
  /** Compiles resources into triggers/creates/searches and freezes the result, as Zapier does. */
  export function prepareApp(app: object): Record<string, unknown>;
  /** zapier-platform-schema's errors for a prepared app; empty when it is valid. */
  export function validateApp(app: object): unknown[];
  export function serializeApp(app: object): Record<string, unknown>;
}
