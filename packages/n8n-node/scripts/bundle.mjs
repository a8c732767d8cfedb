// Makes dist/ installable without dependencies, as n8n requires of community nodes: the shared
// client (with zod and jose) is bundled once into dist/vendor/shared-client.js, and the compiled
// nodes require that file instead of the workspace package.
import { build } from 'esbuild';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const packageDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(packageDir, 'dist');
const vendorFile = path.join(dist, 'vendor', 'shared-client.js');
const SHARED_CLIENT = '@returns-pack/shared-client';

// The TypeScript sources, as ES modules: esbuild can then leave out the parts of zod nobody uses.
const sharedClientDir = path.dirname(createRequire(import.meta.url).resolve(`${SHARED_CLIENT}/package.json`));

// Everything but the test fixtures: golden vectors hold sample secrets, which have no place in a node.
const RUNTIME_MODULES = ['contract', 'client', 'platform', 'webhooks'];

await build({
  stdin: {
    contents: RUNTIME_MODULES.map((m) => `export * from './src/${m}';`).join('\n'),
    resolveDir: sharedClientDir,
    loader: 'ts',
    sourcefile: 'shared-client-runtime.ts',
  },
  outfile: vendorFile,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  external: ['n8n-workflow'],
  // n8n forbids node code to touch the global object or timers. zod keeps its config and registry
  // on globalThis: give the bundle its own scope object instead. The client's default sleep (used
  // only when none is injected) runs on n8n's `sleep` helper.
  define: { globalThis: '__returnsPackScope' },
  banner: { js: 'var __returnsPackScope = {};' },
  inject: [path.join(packageDir, 'scripts', 'n8n-timers.mjs')],
  legalComments: 'none',
  logLevel: 'warning',
});

async function* javascriptFiles(dir) {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* javascriptFiles(file);
    else if (entry.name.endsWith('.js') && file !== vendorFile) yield file;
  }
}

const pattern = new RegExp(`require\\((["'])${SHARED_CLIENT.replace('/', '\\/')}\\1\\)`, 'g');
let rewritten = 0;
for await (const file of javascriptFiles(dist)) {
  const source = await readFile(file, 'utf8');
  if (!pattern.test(source)) continue;
  let relative = path.relative(path.dirname(file), vendorFile).replace(/\\/g, '/').replace(/\.js$/, '');
  if (!relative.startsWith('.')) relative = `./${relative}`;
  await writeFile(file, source.replace(pattern, `require("${relative}")`));
  rewritten++;
}
console.log(`Bundled ${SHARED_CLIENT} into dist/vendor; ${rewritten} compiled files now require it.`);
