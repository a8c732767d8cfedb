// Builds dist/ as n8n loads it, with no dependencies to install (n8n's rule for community nodes):
// each node and credential file that package.json names is one bundle made by the repository's
// bundling helper, which points the shared client at its runtime entry (no test fixtures); the
// icons and codex files are copied beside them. Type checking is tsc's job (`tsc --noEmit`).
//
//   node scripts/bundle.mjs [--outdir <dir>]   (default: dist)
import { cp, mkdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { bundleConnector } from '../../../scripts/bundle-connector.mjs';

const packageDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({ options: { outdir: { type: 'string', default: 'dist' } } });
const outdir = path.resolve(packageDir, values.outdir);

const pkg = JSON.parse(await readFile(path.join(packageDir, 'package.json'), 'utf8'));
// "dist/nodes/X/X.node.js" → in: nodes/X/X.node.ts, out: nodes/X/X.node
const entryPoints = [...pkg.n8n.nodes, ...pkg.n8n.credentials].map((file) => {
  const out = file.replace(/^dist\//, '').replace(/\.js$/, '');
  return { in: path.join(packageDir, `${out}.ts`), out };
});

await rm(outdir, { recursive: true, force: true });
await bundleConnector({
  entryPoints,
  outdir,
  format: 'cjs',
  external: ['n8n-workflow'],
  // n8n forbids node code to touch the global object or timers. zod keeps its config and registry
  // on globalThis: give each bundle its own scope object instead. Timers run on n8n's `sleep`.
  define: { globalThis: '__returnsPackScope' },
  banner: { js: 'var __returnsPackScope = {};' },
  inject: [path.join(packageDir, 'scripts', 'n8n-timers.mjs')],
});

// What n8n reads beside a node file: its codex (categories, docs links) and the icons it names.
for (const { out } of entryPoints.filter((e) => e.out.endsWith('.node'))) {
  await cp(path.join(packageDir, `${out}.json`), path.join(outdir, `${out}.json`));
}
await mkdir(path.join(outdir, 'icons'), { recursive: true });
await cp(path.join(packageDir, 'icons'), path.join(outdir, 'icons'), { recursive: true });
console.log(`Bundled ${entryPoints.length} n8n entries into ${path.relative(process.cwd(), outdir) || '.'}`);
