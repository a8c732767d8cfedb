/**
 * What a new user starts from: a fresh clone of this repository in a clean environment. Shared by
 * the demo's fresh-clone test and the mock's install bench, so that both measure the same thing.
 */
import { execFile } from 'node:child_process';
import { cpSync, existsSync, lstatSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const exec = promisify(execFile);

export const REPO_ROOT = path.resolve(__dirname, '..');

/**
 * The folder holding the headers of the Node running this (`include/node`), for node-gyp to build a
 * native module (better-sqlite3) against instead of downloading them from nodejs.org; undefined if
 * this Node was installed without them.
 */
export function localNodeHeaders(): string | undefined {
  const dir = process.env.npm_config_nodedir ?? path.resolve(path.dirname(process.execPath), '..');
  return existsSync(path.join(dir, 'include', 'node', 'node_version.h')) ? dir : undefined;
}

/** A command's end: its exit code (0 when it succeeded), output, and how long it ran. */
export interface Finished {
  code: number;
  stdout: string;
  stderr: string;
  ms: number;
}

export interface FreshClone {
  /** The clone's root. */
  dir: string;
  /**
   * A fresh HOME and TMPDIR (so an empty npm cache and no user npm config) and PATH; no inherited
   * npm_* variables but npm_config_nodedir, set to this Node's headers when it has them, so that
   * building better-sqlite3 needs no download from nodejs.org.
   */
  env: NodeJS.ProcessEnv;
  /** Runs a command in the clone with that environment; throws only if it could not run or timed out. */
  run(command: string, args: string[], timeoutMs: number): Promise<Finished>;
  /** The same, and throws with the end of its output if it exits with an error. */
  succeed(command: string, args: string[], timeoutMs: number): Promise<Finished>;
  /** Deletes the clone, its HOME and its TMPDIR. */
  remove(): void;
}

/**
 * The repository's files as `git clone` would bring them: the tracked and not-ignored files of this
 * working tree, copied (so the clone holds the change being made, before it is committed), without
 * node_modules or any build output, in a new folder under the system's temporary one. `extraEnv` is
 * added to the clean environment (npm_config_* settings a caller needs said on purpose).
 */
export async function makeFreshClone({
  repoRoot = REPO_ROOT,
  extraEnv = {},
}: { repoRoot?: string; extraEnv?: NodeJS.ProcessEnv } = {}): Promise<FreshClone> {
  const scratch = mkdtempSync(path.join(tmpdir(), 'returns-pack-clone-'));
  const dir = path.join(scratch, 'repo');
  const home = path.join(scratch, 'home');
  const tmp = path.join(scratch, 'tmp');
  mkdirSync(home);
  mkdirSync(tmp);
  const remove = () => rmSync(scratch, { recursive: true, force: true });
  try {
    const { stdout } = await exec('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], {
      cwd: repoRoot,
      maxBuffer: 64 * 1024 * 1024,
    });
    for (const file of stdout.split('\0').filter(Boolean)) {
      const from = path.join(repoRoot, file);
      // A file deleted in the working tree is not in the clone either.
      if (!existsSync(from) || !lstatSync(from).isFile()) continue;
      mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      cpSync(from, path.join(dir, file), { preserveTimestamps: true });
    }
  } catch (error) {
    remove();
    throw error;
  }
  const headers = localNodeHeaders();
  const env = {
    PATH: process.env.PATH ?? '',
    HOME: home,
    TMPDIR: tmp,
    NO_COLOR: '1',
    ...(headers ? { npm_config_nodedir: headers } : {}),
    ...extraEnv,
  };
  const run = async (command: string, args: string[], timeoutMs: number): Promise<Finished> => {
    const started = Date.now();
    try {
      const { stdout, stderr } = await exec(command, args, {
        cwd: dir,
        env,
        timeout: timeoutMs,
        maxBuffer: 64 * 1024 * 1024,
      });
      return { code: 0, stdout, stderr, ms: Date.now() - started };
    } catch (error) {
      const failed = error as { code?: number | string; stdout?: string; stderr?: string; message: string };
      if (typeof failed.code !== 'number') throw new Error(`${command} ${args.join(' ')}: ${failed.message}`);
      return {
        code: failed.code,
        stdout: failed.stdout ?? '',
        stderr: failed.stderr ?? '',
        ms: Date.now() - started,
      };
    }
  };
  const succeed = async (command: string, args: string[], timeoutMs: number): Promise<Finished> => {
    const result = await run(command, args, timeoutMs);
    if (result.code !== 0) {
      const output = `${result.stdout}\n${result.stderr}`.slice(-4000);
      throw new Error(`${[command, ...args].join(' ')} exited ${result.code}:\n${output}`);
    }
    return result;
  };
  return { dir, env, run, succeed, remove };
}
