// The one way a connector bundles the shared client: esbuild from the shared client's TypeScript
// sources, with the package name pointed at its `runtime` entry, so that test fixtures (vendor seeds,
// golden vectors and their secrets) can never reach a shipped bundle, whatever a connector imports.
import { build } from 'esbuild';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const SHARED_RUNTIME = join(
  dirname(fileURLToPath(import.meta.url)),
  '..',
  'packages',
  'shared-client',
  'src',
  'runtime.ts',
);

/**
 * Bundles `entryPoints` for Node 20 (the oldest runtime the connectors meet; Zapier and Pipedream
 * run newer ones). Everything but `external` is inlined. Returns esbuild's result (with
 * `outputFiles` when `write` is false).
 */
export function bundleConnector({ external = [], ...options }) {
  return build({
    bundle: true,
    platform: 'node',
    target: 'node20',
    minify: true,
    // Error classes name themselves after their class (`new.target.name`): minified names would leak.
    keepNames: true,
    legalComments: 'none',
    logLevel: 'warning',
    external,
    ...options,
    alias: {
      '@returns-pack/shared-client': SHARED_RUNTIME,
      '@returns-pack/shared-client/runtime': SHARED_RUNTIME,
      ...options.alias,
    },
  });
}
