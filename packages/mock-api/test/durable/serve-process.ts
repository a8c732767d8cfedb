import { spawn } from 'node:child_process';
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { join } from 'node:path';

const MAIN = join(__dirname, '../../src/cli/main.ts');
// tsx resolves @returns-pack/* to the sources through this config's `paths`: the process runs the
// code under test, not a dist/ that may predate it.
const env = { ...process.env, TSX_TSCONFIG_PATH: join(__dirname, '../../../../tsconfig.tests.json') };

export interface ServeProcess {
  url: string;
  adminToken: string;
  /** Everything the process has written to stdout so far. */
  stdout(): string;
  stderr(): string;
  /** `kill -9`: no shutdown hook runs, nothing is flushed; resolves once the process is gone. */
  crash(): Promise<void>;
  /** SIGTERM, the orderly stop; resolves with the exit code. */
  stop(): Promise<number | null>;
}

/**
 * `returns-mock serve <args>` as a child process, resolved once it has printed its start-up block
 * (`ready` matches the block's last line).
 */
export async function serve(args: string[], ready: RegExp): Promise<ServeProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN, 'serve', ...args], { env });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  await new Promise<void>((resolve, reject) => {
    const check = () => {
      if (ready.test(stdout)) resolve();
    };
    child.stdout.on('data', check);
    void exited.then((code) => reject(new Error(`serve exited with ${code} before ready: ${stderr}`)));
  });
  const field = (label: string) => new RegExp(`^${label}: (\\S+)$`, 'm').exec(stdout)?.[1];
  return {
    url: /listening on (http:\/\/\S+)/.exec(stdout)![1]!,
    adminToken: field('admin token')!,
    stdout: () => stdout,
    stderr: () => stderr,
    crash: () => signal(child, 'SIGKILL', exited).then(() => undefined),
    stop: () => signal(child, 'SIGTERM', exited),
  };
}

function signal(
  child: ChildProcessWithoutNullStreams,
  name: NodeJS.Signals,
  exited: Promise<number | null>,
): Promise<number | null> {
  if (child.exitCode === null && child.signalCode === null) child.kill(name);
  return exited;
}
