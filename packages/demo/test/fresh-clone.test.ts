/**
 * What a new user types on a fresh clone, in a clean environment (a fresh HOME, TMPDIR and so an empty
 * npm cache and no user npm config, no inherited npm_* variables): `npm ci`, `npm run build`, then the
 * mock's CLI through `npx`, as docs/mock.md says. The clone is the repository's files as `git clone`
 * would bring them: the tracked and not-ignored files of this working tree, copied (so the test checks
 * the change being made, before it is committed), without node_modules or any build output.
 */
import { execFile, execFileSync, spawn } from 'node:child_process';
import { cpSync, existsSync, lstatSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

// npm ci from an empty cache downloads the whole tree: minutes, not seconds.
jest.setTimeout(60_000);
const exec = promisify(execFile);
const repoRoot = path.resolve(__dirname, '..', '..', '..');

let scratch: string;
let clone: string;
let env: NodeJS.ProcessEnv;
const timings: Record<string, number> = {};

interface Finished {
  code: number;
  stdout: string;
  stderr: string;
}

async function sh(command: string, args: string[], timeoutMs: number): Promise<Finished> {
  try {
    const { stdout, stderr } = await exec(command, args, {
      cwd: clone,
      env,
      timeout: timeoutMs,
      maxBuffer: 64 * 1024 * 1024,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number | string; stdout?: string; stderr?: string; message: string };
    if (typeof failed.code !== 'number') throw new Error(`${command} ${args.join(' ')}: ${failed.message}`);
    return { code: failed.code, stdout: failed.stdout ?? '', stderr: failed.stderr ?? '' };
  }
}

async function step(name: string, command: string, args: string[], timeoutMs: number): Promise<Finished> {
  const started = Date.now();
  const result = await sh(command, args, timeoutMs);
  timings[name] = Date.now() - started;
  if (result.code !== 0) {
    throw new Error(`${name} exited ${result.code}:\n${`${result.stdout}\n${result.stderr}`.slice(-4000)}`);
  }
  return result;
}

beforeAll(async () => {
  scratch = mkdtempSync(path.join(tmpdir(), 'returns-pack-clone-'));
  clone = path.join(scratch, 'repo');
  const home = path.join(scratch, 'home');
  const tmp = path.join(scratch, 'tmp');
  mkdirSync(home);
  mkdirSync(tmp);
  env = { PATH: process.env.PATH ?? '', HOME: home, TMPDIR: tmp, NO_COLOR: '1', ...machineBuildSettings() };
  const { stdout } = await exec('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], {
    cwd: repoRoot,
    maxBuffer: 64 * 1024 * 1024,
  });
  for (const file of stdout.split('\0').filter(Boolean)) {
    const from = path.join(repoRoot, file);
    // A file deleted in the working tree is not in the clone either.
    if (!existsSync(from) || !lstatSync(from).isFile()) continue;
    mkdirSync(path.dirname(path.join(clone, file)), { recursive: true });
    cpSync(from, path.join(clone, file), { preserveTimestamps: true });
  }
}, 120_000);

/**
 * The one setting of this machine's own npm config that a fresh HOME would drop and a new user here
 * still has: where the Node headers are, so that native addons (better-sqlite3) compile against them
 * instead of downloading them from nodejs.org, which this network cannot reach.
 */
function machineBuildSettings(): NodeJS.ProcessEnv {
  const nodedir = execFileSync('npm', ['config', 'get', 'nodedir'], {
    cwd: repoRoot,
    encoding: 'utf8',
  }).trim();
  return nodedir && nodedir !== 'undefined' && nodedir !== 'null' ? { npm_config_nodedir: nodedir } : {};
}

afterAll(() => {
  process.stderr.write(`fresh clone timings (ms): ${JSON.stringify(timings)}\n`);
  if (scratch) rmSync(scratch, { recursive: true, force: true });
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
  const dataDir = path.join(scratch, 'sandbox');
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
