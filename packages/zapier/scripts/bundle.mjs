// Bundles src/ into dist/index.js, the shared client (with zod and jose) inlined, so the package
// installs and runs on Zapier without workspace links. Only zapier-platform-core stays external: Zapier
// supplies the runtime that loads it, pinned in package.json.
import { build } from 'esbuild';
import { statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import process from 'node:process';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
// `--outfile` lets the packaging test build into a scratch folder instead of this package's dist.
const { values } = parseArgs({ options: { outfile: { type: 'string' } } });
const outfile = values.outfile ? resolve(values.outfile) : join(root, 'dist', 'index.js');

await build({
  absWorkingDir: root,
  entryPoints: ['src/index.ts'],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  // Zapier runs Node 22; this repo's tests and tools run Node 20.
  target: 'node20',
  external: ['zapier-platform-core'],
  // Build from the shared client's sources: no prior build of it needed, and one compile of the types.
  alias: { '@returns-pack/shared-client': join(root, '..', 'shared-client', 'src', 'index.ts') },
  minify: true,
  keepNames: true,
  legalComments: 'none',
  logLevel: 'warning',
});

const kib = (statSync(outfile).size / 1024).toFixed(1);
process.stdout.write(`${outfile}: ${kib} KiB\n`);
