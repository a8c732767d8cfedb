import { buildClientBundle } from '@returns-pack/pipedream/harness';

/**
 * The Pipedream components import the shared client as a generated bundle (dist/returns-client.mjs,
 * not committed): build it with the package's own script. esbuild takes well under a second, so it
 * is simply rebuilt on every tour and can never be stale.
 */
export function buildPipedreamBundle(): Promise<void> {
  return buildClientBundle();
}
