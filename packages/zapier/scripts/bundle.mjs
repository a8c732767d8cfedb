// Bundles src/ into dist/index.js with the repository's one bundling helper: the shared client's
// runtime entry (zod and jose included, no test fixtures) inlined, so the package installs and runs
// on Zapier without workspace links. Only zapier-platform-core stays external: Zapier supplies the
// runtime that loads it, pinned in package.json.
import { statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import process from 'node:process';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { bundleConnector } from '../../../scripts/bundle-connector.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
// `--outfile` (or `--outdir`) lets the packaging test build into a scratch folder instead of dist/.
const { values } = parseArgs({ options: { outfile: { type: 'string' }, outdir: { type: 'string' } } });
const outfile = values.outfile
  ? resolve(values.outfile)
  : join(values.outdir ? resolve(values.outdir) : join(root, 'dist'), 'index.js');

await bundleConnector({
  absWorkingDir: root,
  entryPoints: ['src/index.ts'],
  outfile,
  format: 'cjs',
  external: ['zapier-platform-core'],
});

const kib = (statSync(outfile).size / 1024).toFixed(1);
process.stdout.write(`${outfile}: ${kib} KiB\n`);
