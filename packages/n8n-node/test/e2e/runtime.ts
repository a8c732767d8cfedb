import { execFile, spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
export const PACKAGE_DIR = path.resolve(__dirname, '../..');
const REPO_ROOT = path.resolve(PACKAGE_DIR, '../..');
export const RUNTIME_DIR = process.env.N8N_RUNTIME_DIR ?? path.join(REPO_ROOT, '.n8n-runtime');
const N8N_BIN = path.join(RUNTIME_DIR, 'node_modules', 'n8n', 'bin', 'n8n');
const DIST = path.join(PACKAGE_DIR, 'dist');

/**
 * The environment for child processes, without jest's NODE_ENV=test: n8n's lint plugin swaps real
 * file names for test fixtures' under it, and n8n itself should run as it would in production.
 */
function childEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const { NODE_ENV: _testMode, JEST_WORKER_ID: _worker, ...rest } = process.env;
  return { ...rest, ...extra };
}

/** Installs the pinned n8n into .n8n-runtime when it is not there yet (minutes once, then instant). */
export async function ensureN8nInstalled(): Promise<void> {
  await run(path.join(PACKAGE_DIR, 'scripts', 'install-n8n.sh'), [], {
    env: childEnv({ N8N_RUNTIME_DIR: RUNTIME_DIR }),
    maxBuffer: 64 * 1024 * 1024,
  });
}

async function newestMtime(dir: string): Promise<number> {
  let newest = 0;
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) newest = Math.max(newest, statSync(path.join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}

/** Builds the package when dist/ is missing or older than the sources it is made of. */
export async function ensureBuilt(): Promise<void> {
  const marker = path.join(DIST, 'vendor', 'shared-client.js');
  if (existsSync(marker)) {
    const built = statSync(marker).mtimeMs;
    const sources = ['nodes', 'credentials', '../shared-client/src'].map((d) => path.join(PACKAGE_DIR, d));
    const newest = Math.max(...(await Promise.all(sources.map(newestMtime))));
    if (newest <= built) return;
  }
  await run('npm', ['run', 'build'], {
    cwd: PACKAGE_DIR,
    env: childEnv(),
    maxBuffer: 64 * 1024 * 1024,
  }).catch((error: { stdout?: string; stderr?: string }) => {
    throw new Error(
      `Building the package failed:\n${`${error.stdout ?? ''}${error.stderr ?? ''}`.slice(-4000)}`,
    );
  });
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** `npm pack` of the built package, as a publisher would publish it: the tarball's path. */
export async function packPackage(destination: string): Promise<string> {
  const { stdout } = await run('npm', ['pack', '--json', '--pack-destination', destination], {
    cwd: PACKAGE_DIR,
    env: childEnv(),
    maxBuffer: 16 * 1024 * 1024,
  });
  const [packed] = JSON.parse(stdout) as Array<{ filename: string }>;
  return path.join(destination, packed!.filename);
}

type Role = 'main' | 'worker' | 'webhook';

export interface N8nInstance {
  url: string;
  userFolder: string;
  /** n8n's own CLI against this instance's database (run it only while the server is stopped). */
  cli(...args: string[]): Promise<string>;
  /** `n8n start`, ready once its editor URL is logged (after start-up activated the workflows). */
  start(): Promise<void>;
  /** `n8n worker` on the same database and user folder (queue mode only). */
  startWorker(): Promise<void>;
  /** `n8n webhook`, a process that only serves production webhooks (queue mode only): its base URL. */
  startWebhookProcess(): Promise<string>;
  stop(): Promise<void>;
  logs(role?: Role): string;
  dispose(): Promise<void>;
}

export interface N8nOptions {
  /** The packed package, installed into the user folder's nodes/ as n8n's community-node installer does. */
  tarball: string;
  /** More environment: queue mode, a PostgreSQL database. */
  env?: NodeJS.ProcessEnv;
}

/** A headless n8n on a loopback port, with a throwaway user folder holding our package as a community node. */
export async function createN8n(options: N8nOptions): Promise<N8nInstance> {
  const userFolder = mkdtempSync(path.join(tmpdir(), 'n8n-e2e-'));
  const [port, workerPort, webhookPort] = await Promise.all([freePort(), freePort(), freePort()]);
  const url = `http://127.0.0.1:${port}`;
  const env = childEnv({
    N8N_USER_FOLDER: userFolder,
    N8N_PORT: String(port),
    N8N_LISTEN_ADDRESS: '127.0.0.1',
    N8N_HOST: '127.0.0.1',
    WEBHOOK_URL: `${url}/`,
    N8N_ENCRYPTION_KEY: randomBytes(24).toString('hex'),
    N8N_DIAGNOSTICS_ENABLED: 'false',
    N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
    N8N_TEMPLATES_ENABLED: 'false',
    N8N_PERSONALIZATION_ENABLED: 'false',
    N8N_RUNNERS_ENABLED: 'false',
    N8N_SECURE_COOKIE: 'false',
    N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'false',
    N8N_COMMUNITY_PACKAGES_ENABLED: 'true',
    DB_SQLITE_POOL_SIZE: '2',
    QUEUE_HEALTH_CHECK_PORT: String(workerPort),
    N8N_LOG_LEVEL: process.env.N8N_LOG_LEVEL ?? 'info',
    N8N_LOG_OUTPUT: 'console',
    ...options.env,
  });
  try {
    await run(
      path.join(PACKAGE_DIR, 'scripts', 'install-community-package.sh'),
      [options.tarball, userFolder],
      {
        env,
        maxBuffer: 16 * 1024 * 1024,
      },
    );
  } catch (error) {
    rmSync(userFolder, { recursive: true, force: true });
    throw error;
  }

  const children = new Map<Role, { child: ChildProcess; exited: Promise<void> }>();
  const logFile = (role: Role) => path.join(userFolder, `n8n-${role}.log`);
  const logs = (role: Role = 'main') =>
    existsSync(logFile(role)) ? readFileSync(logFile(role), 'utf8') : '';

  async function spawnRole(role: Role, command: string, readyLine: string, extra: NodeJS.ProcessEnv = {}) {
    const log = createWriteStream(logFile(role), { flags: 'a' });
    const child = spawn(process.execPath, [N8N_BIN, command], {
      env: { ...env, ...extra },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout!.pipe(log);
    child.stderr!.pipe(log);
    children.set(role, { child, exited: new Promise((resolve) => child.once('exit', () => resolve())) });
    const deadline = Date.now() + 180_000;
    while (Date.now() < deadline) {
      if (child.exitCode !== null) throw new Error(`n8n ${command} exited during start-up:\n${logs(role)}`);
      if (logs(role).includes(readyLine)) return;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    throw new Error(`n8n ${command} did not finish starting within 180 s:\n${logs(role)}`);
  }

  async function stopRole(role: Role): Promise<void> {
    const running = children.get(role);
    if (!running || running.child.exitCode !== null || running.child.signalCode !== null) return;
    running.child.kill('SIGTERM');
    const killed = setTimeout(() => running.child.kill('SIGKILL'), 20_000);
    await running.exited;
    clearTimeout(killed);
  }

  const instance: N8nInstance = {
    url,
    userFolder,
    async cli(...args) {
      const { stdout } = await run(process.execPath, [N8N_BIN, ...args], {
        env,
        maxBuffer: 16 * 1024 * 1024,
      });
      return stdout;
    },
    // /healthz/readiness answers before start-up has activated the workflows; this line comes after.
    start: () => spawnRole('main', 'start', 'Editor is now accessible via'),
    startWorker: () => spawnRole('worker', 'worker', 'n8n worker is now ready'),
    async startWebhookProcess() {
      await spawnRole('webhook', 'webhook', 'Webhook listener waiting for requests', {
        N8N_PORT: String(webhookPort),
      });
      return `http://127.0.0.1:${webhookPort}`;
    },
    async stop() {
      // Webhook process and worker first: the worker may be finishing a job main waits for.
      await stopRole('webhook');
      await stopRole('worker');
      await stopRole('main');
    },
    logs,
    async dispose() {
      await instance.stop();
      rmSync(userFolder, { recursive: true, force: true });
    },
  };
  return instance;
}
