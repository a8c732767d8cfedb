import { execFileSync } from 'node:child_process';
import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  GOLDEN_VECTORS,
  REDO_SAMPLE_PAYLOAD,
  SWAP_SAMPLE_JWT,
  SWAP_SAMPLE_PAYLOAD,
} from '@returns-pack/shared-client';
import { buildClientBundle } from '../harness';

/**
 * Each component loads as Pipedream publishes it, under plain Node (not jest's module loader):
 * - the registry publishes an app folder, components/returns_pack/, holding exactly the package's
 *   `files` (what `npm pack` lists); no component may reach outside it;
 * - `pd publish` takes one file: the single-file build must load alone in an empty folder.
 * Neither may carry a fixture: golden-vector secrets and vendor seed payloads stay in tests.
 */
const packageDir = path.join(__dirname, '..');
const platformDir = path.dirname(
  require.resolve('@pipedream/platform/package.json', { paths: [packageDir] }),
);
let scratch: string;

beforeAll(() => {
  scratch = mkdtempSync(path.join(os.tmpdir(), 'pipedream-publish-'));
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** `@pipedream/platform` is the one npm package Pipedream installs for the components. */
function withPlatform(dir: string): void {
  mkdirSync(path.join(dir, 'node_modules', '@pipedream'), { recursive: true });
  symlinkSync(platformDir, path.join(dir, 'node_modules', '@pipedream', 'platform'), 'dir');
}

/** Imports each file with Node in a child process; answers each default export's key and type. */
function importEach(files: string[]): { file: string; key?: string; type?: string; error?: string }[] {
  const script = path.join(scratch, `import-each-${Date.now()}.mjs`);
  writeFileSync(
    script,
    `import { pathToFileURL } from 'node:url';
const out = [];
for (const file of JSON.parse(process.argv[2])) {
  try {
    const { default: c } = await import(pathToFileURL(file));
    out.push({ file, key: c.key, type: c.type });
  } catch (error) {
    out.push({ file, error: String(error) });
  }
}
console.log(JSON.stringify(out));`,
  );
  const printed = execFileSync(process.execPath, [script, JSON.stringify(files)], {
    cwd: scratch,
    encoding: 'utf8',
    timeout: 60_000,
  });
  return JSON.parse(printed) as { file: string; key?: string; type?: string; error?: string }[];
}

const componentFiles = (root: string) =>
  ['actions', 'sources'].flatMap((kind) =>
    readdirSync(path.join(root, kind), { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && entry.name !== 'common')
      .map((entry) => path.join(root, kind, entry.name, `${entry.name}.mjs`)),
  );

const expectComponent = (loaded: ReturnType<typeof importEach>[number]) => {
  const folder = path.basename(loaded.file, '.mjs');
  expect(loaded).toEqual({
    file: loaded.file,
    key: `returns_pack-${folder}`,
    type: loaded.file.includes(`${path.sep}actions${path.sep}`) ? 'action' : 'source',
  });
};

/** What must never ship: the golden vectors' secrets and the vendors' seed identifiers. */
const FIXTURE_MARKERS = [
  ...new Set(Object.values(GOLDEN_VECTORS).map((vector) => vector.secret)),
  JSON.parse(REDO_SAMPLE_PAYLOAD).return.id as string,
  SWAP_SAMPLE_JWT.split('.')[2]!,
  String((JSON.parse(SWAP_SAMPLE_PAYLOAD) as { return?: { return_id?: string } }).return?.return_id),
];

function expectNoFixtures(file: string): void {
  const text = readFileSync(file, 'utf8');
  for (const marker of FIXTURE_MARKERS)
    expect([path.basename(file), text.includes(marker)]).toEqual([path.basename(file), false]);
}

describe('the registry layout (components/returns_pack/)', () => {
  let appDir: string;

  beforeAll(async () => {
    const build = path.join(scratch, 'build');
    await buildClientBundle(['--outdir', path.join(build, 'dist')]);
    const packed = JSON.parse(
      execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
        cwd: packageDir,
        encoding: 'utf8',
        timeout: 60_000,
      }),
    ) as { files: { path: string }[] }[];
    appDir = path.join(scratch, 'registry', 'components', 'returns_pack');
    for (const { path: file } of packed[0]!.files) {
      const from = file.startsWith('dist/') ? path.join(build, file) : path.join(packageDir, file);
      mkdirSync(path.dirname(path.join(appDir, file)), { recursive: true });
      cpSync(from, path.join(appDir, file));
    }
    withPlatform(appDir);
  }, 60_000);

  it("loads the package's main file, the app, as the registry's import check does", () => {
    const { main } = JSON.parse(readFileSync(path.join(appDir, 'package.json'), 'utf8')) as { main: string };
    expect(importEach([path.join(appDir, main)])).toEqual([
      { file: path.join(appDir, main), key: undefined, type: 'app' },
    ]);
  });

  it('loads every component with plain Node', () => {
    const loaded = importEach(componentFiles(appDir));
    expect(loaded.length).toBeGreaterThan(0);
    loaded.forEach(expectComponent);
  });

  it('imports nothing outside the app folder but @pipedream/platform and Node built-ins', () => {
    const shipped = readdirSync(appDir, { recursive: true, encoding: 'utf8' }).filter(
      (file) => file.endsWith('.mjs') && !file.startsWith('node_modules'),
    );
    for (const file of shipped.filter((f) => !f.startsWith('dist'))) {
      const text = readFileSync(path.join(appDir, file), 'utf8');
      for (const [, specifier] of text.matchAll(/^import[^"']*["']([^"']+)["']/gm)) {
        if (specifier!.startsWith('.')) {
          const target = path.resolve(path.dirname(path.join(appDir, file)), specifier!);
          expect([file, specifier, target.startsWith(appDir + path.sep)]).toEqual([file, specifier, true]);
          expect(shipped).toContain(path.relative(appDir, target));
        } else {
          expect([file, specifier]).toEqual([
            file,
            expect.stringMatching(/^(@pipedream\/platform|node:.+)$/),
          ]);
        }
      }
    }
  });

  it('ships a client bundle without fixtures', () => {
    expectNoFixtures(path.join(appDir, 'dist', 'returns-client.mjs'));
  });
});

describe('the single-file build for `pd publish`', () => {
  let outdir: string;

  beforeAll(async () => {
    outdir = path.join(scratch, 'single');
    await buildClientBundle(['--outdir', path.join(scratch, 'single-client'), '--components', outdir]);
  }, 60_000);

  it('loads each component alone in an empty folder, with only @pipedream/platform installed', () => {
    const alone = componentFiles(outdir).map((file) => {
      const dir = mkdtempSync(path.join(scratch, 'alone-'));
      withPlatform(dir);
      const copy = path.join(dir, path.relative(outdir, file));
      mkdirSync(path.dirname(copy), { recursive: true });
      cpSync(file, copy);
      return copy;
    });
    const loaded = importEach(alone);
    expect(loaded).toHaveLength(componentFiles(packageDir).length);
    loaded.forEach(expectComponent);
  });

  it('keeps each file free of fixtures and of imports but @pipedream/platform', () => {
    for (const file of componentFiles(outdir)) {
      expectNoFixtures(file);
      const imports = [...readFileSync(file, 'utf8').matchAll(/^import[^"']*["']([^"']+)["']/gm)].map(
        (m) => m[1],
      );
      expect(imports).toContain('@pipedream/platform');
      for (const specifier of imports)
        expect([file, specifier]).toEqual([file, expect.stringMatching(/^(@pipedream\/platform|node:.+)$/)]);
    }
  });
});
