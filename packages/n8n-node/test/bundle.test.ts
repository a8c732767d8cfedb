import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { GOLDEN_VECTORS, REDO_SAMPLE_PAYLOAD, SWAP_SAMPLE_PAYLOAD } from '@returns-pack/shared-client';
import { ReturnsPack, ReturnsPackPollTrigger, ReturnsPackTrigger } from '../harness';

const packageDir = path.resolve(__dirname, '..');
const outdir = mkdtempSync(path.join(tmpdir(), 'n8n-bundle-'));
const files = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(path.join(dir, e.name)) : [path.join(dir, e.name)],
  );

beforeAll(() => {
  execFileSync(process.execPath, ['scripts/bundle.mjs', '--outdir', outdir], { cwd: packageDir });
}, 120_000);
afterAll(() => rmSync(outdir, { recursive: true, force: true }));

test('holds no golden-vector secret, signature or vendor seed identifier', () => {
  const bundled = files(outdir)
    .filter((f) => f.endsWith('.js'))
    .map((f) => readFileSync(f, 'utf8'))
    .join('\n');
  const seedIds = [REDO_SAMPLE_PAYLOAD, SWAP_SAMPLE_PAYLOAD].flatMap((seed) => [
    ...seed.matchAll(/"(?:id|return_id|order_id)"\s*:\s*"([^"]{8,})"/g),
  ]);
  const forbidden = [
    ...Object.values(GOLDEN_VECTORS).flatMap((v) => [v.secret, v.signature]),
    ...seedIds.map((m) => m[1]!),
  ];
  expect(forbidden.length).toBeGreaterThan(8);
  for (const needle of forbidden) expect(bundled.includes(needle) ? needle : null).toBeNull();
});

test('each node is one self-contained file that n8n can load: only n8n-workflow is required', () => {
  const entries = files(outdir).filter((f) => f.endsWith('.js'));
  for (const file of entries) {
    const required = [...readFileSync(file, 'utf8').matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1]);
    expect(required.filter((name) => name !== 'n8n-workflow' && !name!.startsWith('node:'))).toEqual([]);
  }
  // Loaded by a plain Node, as n8n loads it, with n8n-workflow found where n8n provides it.
  const script = `for (const f of process.argv.slice(1)) { const m = require(f); const C = Object.values(m)[0]; process.stdout.write(JSON.stringify(new C().description) + "\\n"); }`;
  const nodes = [
    'nodes/ReturnsPack/ReturnsPack.node.js',
    'nodes/ReturnsPackTrigger/ReturnsPackTrigger.node.js',
    'nodes/ReturnsPackPollTrigger/ReturnsPackPollTrigger.node.js',
  ];
  const loaded = execFileSync(process.execPath, ['-e', script, ...nodes.map((n) => path.join(outdir, n))], {
    env: { ...process.env, NODE_PATH: path.join(packageDir, '..', '..', 'node_modules') },
    encoding: 'utf8',
  })
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as object);
  const sources = [ReturnsPack, ReturnsPackTrigger, ReturnsPackPollTrigger];
  expect(loaded).toEqual(sources.map((Node) => JSON.parse(JSON.stringify(new Node().description)) as object));
  for (const asset of ['icons/returnsPack.svg', 'nodes/ReturnsPack/ReturnsPack.node.json']) {
    expect(files(outdir)).toContain(path.join(outdir, asset));
  }
});
