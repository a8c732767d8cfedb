import { spawn } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '../../../../..');

export interface LoggedServer {
  url: string;
  /** Everything the server wrote so far, stdout and stderr. */
  output(): string;
  stop(): Promise<void>;
}

/** Starts helpers/logged-server.ts under tsx and waits for its URL. */
export function startLoggedServer(adminToken: string): Promise<LoggedServer> {
  const child = spawn(
    join(ROOT, 'node_modules/.bin/tsx'),
    ['--tsconfig', join(ROOT, 'tsconfig.tests.json'), join(__dirname, 'logged-server.ts')],
    {
      cwd: ROOT,
      env: { ...process.env, LOGGED_SERVER_ADMIN_TOKEN: adminToken },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let out = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return new Promise((resolve, reject) => {
    const collect = (chunk: Buffer) => {
      out += chunk.toString('utf8');
      const url = /listening (http:\/\/\S+)/.exec(out)?.[1];
      if (url) {
        resolve({
          url,
          output: () => out,
          stop: async () => {
            child.kill('SIGTERM');
            await exited;
          },
        });
      }
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    child.once('exit', (code) =>
      reject(new Error(`logged server exited (${code}) before listening:\n${out}`)),
    );
  });
}
