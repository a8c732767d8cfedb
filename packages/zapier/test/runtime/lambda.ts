import { fork } from 'node:child_process';
import { join } from 'node:path';
import type { ZapierBackend } from './zapier-backend';

/** A warm Lambda container running the unzipped build's `zapierwrapper.js` handler. */
export interface Lambda {
  /** One invocation: `{ command: 'execute', method, bundle }` plus what Zapier's backend adds. */
  invoke<T>(method: string, bundle: Record<string, unknown>): Promise<T>;
  stop(): Promise<void>;
}

interface Reply {
  id?: number;
  ready?: true;
  result?: { results: unknown };
  error?: { message: string };
}

/** Loads the wrapper in a process of its own (`lambda-host.cjs`), with the backend's endpoints. */
export function startLambda(dir: string, env: NodeJS.ProcessEnv, backend: ZapierBackend): Promise<Lambda> {
  const child = fork(join(__dirname, 'lambda-host.cjs'), [], {
    cwd: dir,
    // The runtime streams each invocation's log lines here (it would be Zapier's log service).
    env: { ...env, LOGGING_ENDPOINT: backend.logUrl },
    stdio: 'pipe',
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const pending = new Map<number, (reply: Reply) => void>();
  let nextId = 0;
  child.on('message', (reply: Reply) => {
    const waiter = reply.id === undefined ? undefined : pending.get(reply.id);
    pending.delete(reply.id!);
    waiter?.(reply);
  });

  const lambda: Lambda = {
    invoke<T>(method: string, bundle: Record<string, unknown>) {
      const id = ++nextId;
      const event = {
        command: 'execute',
        method,
        bundle: { inputData: {}, meta: {}, ...bundle },
        rpc_base: backend.rpcUrl,
        token: backend.token,
      };
      return new Promise<T>((resolve, reject) => {
        const timer = setTimeout(() => {
          pending.delete(id);
          reject(new Error(`${method}: no answer from the handler within 20 s\n${output.slice(-2000)}`));
        }, 20_000);
        pending.set(id, (reply) => {
          clearTimeout(timer);
          if (reply.error) reject(new Error(`${method}: ${reply.error.message}`));
          else resolve(reply.result!.results as T);
        });
        child.send({ id, event });
      });
    },
    async stop() {
      // Disconnecting ends the host (it exits on 'disconnect'); a host that hangs is killed after 10 s.
      if (child.connected) child.disconnect();
      const hung = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(hung);
    },
  };

  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void lambda.stop();
      reject(new Error(`the handler did not load within 20 s:\n${output}`));
    }, 20_000);
    child.once('message', () => (clearTimeout(timer), resolve(lambda)));
    child.once(
      'exit',
      (code) => (clearTimeout(timer), reject(new Error(`the host exited (${code}):\n${output}`))),
    );
  });
}
