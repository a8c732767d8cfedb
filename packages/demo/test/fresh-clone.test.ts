/**
 * What a new user types on a fresh clone, in a clean environment (a fresh HOME, TMPDIR and so an empty
 * npm cache and no user npm config, no inherited npm_* variables): `npm ci`, `npm run build`, then the
 * mock's CLI through `npx`, as docs/mock.md says. The clone (scripts/fresh-clone.ts) is the working
 * tree's tracked and not-ignored files, so the test checks the change being made, before it is committed.
 */
import { spawn } from 'node:child_process';
import { lstatSync, statSync } from 'node:fs';
import path from 'node:path';
import { makeFreshClone } from '../../../scripts/fresh-clone';
import type { Finished, FreshClone } from '../../../scripts/fresh-clone';

// npm ci from an empty cache downloads the whole tree: minutes, not seconds.
jest.setTimeout(60_000);

let fresh: FreshClone | undefined;
let clone: string;
let env: NodeJS.ProcessEnv;
const timings: Record<string, number> = {};

async function step(name: string, command: string, args: string[], timeoutMs: number): Promise<Finished> {
  const started = Date.now();
  try {
    return await fresh!.succeed(command, args, timeoutMs);
  } finally {
    timings[name] = Date.now() - started;
  }
}

beforeAll(async () => {
  fresh = await makeFreshClone();
  clone = fresh.dir;
  env = fresh.env;
}, 120_000);

afterAll(() => {
  process.stderr.write(`fresh clone timings (ms): ${JSON.stringify(timings)}\n`);
  fresh?.remove();
}, 120_000);

test(
  'npm ci installs from the lockfile and links returns-mock, which runs at once',
  async () => {
    await step('npm ci', 'npm', ['ci', '--no-audit', '--no-fund'], 15 * 60_000);
    // The bin is a committed file, so npm links it during `npm ci`; `prepare` has built what it loads.
    expect(lstatSync(path.join(clone, 'node_modules', '.bin', 'returns-mock')).isSymbolicLink()).toBe(true);
    const help = await step(
      'npx returns-mock --help (after npm ci)',
      'npx',
      ['returns-mock', '--help'],
      60_000,
    );
    expect(help.stdout).toContain('Usage: returns-mock');
  },
  16 * 60_000,
);

test(
  'npm run build succeeds on the clone',
  async () => {
    await step('npm run build', 'npm', ['run', 'build'], 10 * 60_000);
  },
  11 * 60_000,
);

test.each([
  'returns-mock --help',
  'returns-mock serve --help',
  'returns-mock listen --help',
  'returns-mock trigger --help',
])('npx %s', async (line) => {
  const args = line.split(' ');
  const help = await step(`npx ${line}`, 'npx', args, 60_000);
  expect(help.stderr).not.toMatch(/npm error/);
  expect(help.stdout).toContain(`Usage: ${args.slice(0, -1).join(' ')} [options]`);
});

// With --data-dir, so the durable store's native addon, compiled by this clone's npm ci, is loaded too.
test('npx returns-mock serve --data-dir answers on the port it prints, and stops on Ctrl-C', async () => {
  const dataDir = path.join(clone, '.returns-mock');
  const child = spawn('npx', ['returns-mock', 'serve', '--port', '0', '--seed', '1', '--data-dir', dataDir], {
    cwd: clone,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
    // Its own process group, so Ctrl-C reaches npx and the mock under it, as in a terminal.
    detached: true,
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  try {
    const deadline = Date.now() + 30_000;
    let url: string | undefined;
    while (!(url = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output)?.[1])) {
      if (child.exitCode !== null || Date.now() > deadline)
        throw new Error(`serve did not start:\n${output}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const response = await fetch(`${url}/openapi.json`);
    expect(response.status).toBe(200);
    expect(((await response.json()) as { openapi: string }).openapi).toMatch(/^3\./);
    const file = path.join(dataDir, 'returns-mock.sqlite');
    expect(output).toContain(`data: ${file} (new)`);
    expect(statSync(file).mode & 0o777).toBe(0o600);
  } finally {
    const signal = (name: NodeJS.Signals) => {
      try {
        process.kill(-child.pid!, name);
      } catch {
        // The group is gone already.
      }
    };
    signal('SIGINT');
    const killed = setTimeout(() => signal('SIGKILL'), 10_000);
    await exited;
    clearTimeout(killed);
  }
  expect(output).not.toMatch(/npm error/);
});
