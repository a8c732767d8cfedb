import { execFile } from 'node:child_process';
import { closeSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
export const PACKAGE_DIR = join(__dirname, '..', '..');
const CLI_DIR = dirname(require.resolve('zapier-platform-cli/package.json'));
/** Zapier's CLI, run by the Node that runs the tests. */
export const ZAPIER_BIN = join(CLI_DIR, 'src', 'bin', 'run');

export interface ZapierDefinition {
  triggers: Record<string, { operation: { type?: string } }>;
  creates: Record<string, unknown>;
  searches: Record<string, unknown>;
}

/**
 * The environment Zapier's CLI and runtime get: a scratch HOME (no ~/.zapierrc, so nothing can rely on a
 * Zapier login), no analytics call, and none of jest's variables (NODE_ENV=test switches core's checks
 * from logging to throwing; production does not run so).
 */
export function zapierEnv(home: string): NodeJS.ProcessEnv {
  return { PATH: process.env.PATH ?? '', HOME: home, DISABLE_ZAPIER_ANALYTICS: '1', NO_COLOR: '1' };
}

/** One `zapier build` at a time: it always writes packages/zapier/build/, and jest runs files in parallel. */
async function withBuildLock<T>(work: () => Promise<T>): Promise<T> {
  mkdirSync(join(PACKAGE_DIR, 'build'), { recursive: true });
  const lock = join(PACKAGE_DIR, 'build', '.runtime-test.lock');
  const deadline = Date.now() + 180_000;
  for (;;) {
    try {
      closeSync(openSync(lock, 'wx'));
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      // A lock older than any build is one a killed run left behind.
      if (Date.now() - statSync(lock, { throwIfNoEntry: false })!.mtimeMs > 120_000)
        rmSync(lock, { force: true });
      if (Date.now() > deadline) throw new Error(`${lock} held for more than 180 s`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  try {
    return await work();
  } finally {
    rmSync(lock, { force: true });
  }
}

export interface Staged {
  /** The unzipped build.zip: what Zapier's Lambda runs (zapierwrapper.js, index.js, node_modules). */
  dir: string;
  /** The app definition `zapier build` serialised into the zip (functions as `$func$` strings). */
  definition: ZapierDefinition;
  /** A scratch HOME for the CLI. */
  home: string;
  dispose(): void;
}

/**
 * `zapier build` exactly as the package's `package` script runs it (offline: no npm install in a temp
 * folder, no call to Zapier's validation service), then the zip unzipped into a clean folder with the
 * same library the CLI's own post-build self-test uses.
 */
export async function stageBuild(): Promise<Staged> {
  const root = mkdtempSync(join(tmpdir(), 'returns-zapier-runtime-'));
  const dir = join(root, 'app');
  const home = join(root, 'home');
  mkdirSync(home);
  try {
    await withBuildLock(async () => {
      await run(process.execPath, [ZAPIER_BIN, 'build', '--skip-npm-install', '--skip-validation'], {
        cwd: PACKAGE_DIR,
        env: zapierEnv(home),
        maxBuffer: 16 * 1024 * 1024,
        timeout: 240_000,
      }).catch((error: { stdout?: string; stderr?: string; message: string }) => {
        throw new Error(`zapier build failed: ${error.message}\n${error.stdout ?? ''}${error.stderr ?? ''}`);
      });
      const { default: decompress } = (await import(require.resolve('decompress', { paths: [CLI_DIR] }))) as {
        default: (zip: string, to: string) => Promise<unknown>;
      };
      await decompress(join(PACKAGE_DIR, 'build', 'build.zip'), dir);
      for (const zip of ['build.zip', 'source.zip']) rmSync(join(PACKAGE_DIR, 'build', zip), { force: true });
    });
  } catch (error) {
    rmSync(root, { recursive: true, force: true });
    throw error;
  }
  return {
    dir,
    home,
    definition: JSON.parse(readFileSync(join(dir, 'definition.json'), 'utf8')) as ZapierDefinition,
    dispose: () => rmSync(root, { recursive: true, force: true }),
  };
}

export const hookTriggerKeys = (definition: ZapierDefinition) =>
  Object.keys(definition.triggers).filter((key) => definition.triggers[key]!.operation.type === 'hook');
export const pollingTriggerKeys = (definition: ZapierDefinition) =>
  Object.keys(definition.triggers).filter((key) => definition.triggers[key]!.operation.type !== 'hook');
