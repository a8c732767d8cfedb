import { spawn } from 'node:child_process';
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { join } from 'node:path';
import type { Rma } from '@returns-pack/shared-client';
import { serverOptions } from '../src/cli/commands/serve';
import { buildProgram } from '../src/cli/program';
import { startHarness } from './helpers/harness';

const MAIN = join(__dirname, '../src/cli/main.ts');
// tsx resolves @returns-pack/* to the sources through this config's `paths`: no build needed.
const env = { ...process.env, TSX_TSCONFIG_PATH: join(__dirname, '../../../tsconfig.tests.json') };

function cli(args: string[], extraEnv: Record<string, string> = {}): ChildProcessWithoutNullStreams {
  return spawn(process.execPath, ['--import', 'tsx', MAIN, ...args], { env: { ...env, ...extraEnv } });
}

/** Collects stdout until `done` says the output is complete. */
function output(child: ChildProcessWithoutNullStreams, done: (text: string) => boolean): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = '';
    let errors = '';
    child.stdout.on('data', (chunk: Buffer) => {
      text += chunk.toString();
      if (done(text)) resolve(text);
    });
    child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    child.once('exit', (code) => reject(new Error(`exited with ${code} before ready: ${errors}`)));
  });
}

function exited(child: ChildProcessWithoutNullStreams): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('exit', (code) => resolve({ code, stderr }));
  });
}

const field = (text: string, label: string) => new RegExp(`${label}: (\\S+)`).exec(text)?.[1];

test.concurrent(
  'serve --seed prints the URL, admin token, a demo client, and serves the seeded RMAs',
  async () => {
    const child = cli(['serve', '--port', '0', '--seed', '12', '--admin-token', 'cli-admin-token']);
    try {
      const text = await output(child, (t) => t.includes('seeded 12 RMAs'));
      const url = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(text)![1]!;
      expect(field(text, 'admin token')).toBe('cli-admin-token');
      const apiKey = field(text, 'api key')!;
      expect(field(text, 'webhook secret')).toMatch(/^[0-9a-f]{64}$/);

      const res = await fetch(`${url}/external/v1/rmas?limit=100`, { headers: { 'x-api-key': apiKey } });
      const page = (await res.json()) as { data: Rma[] };
      expect(page.data).toHaveLength(12);
      // Varied statuses of both kinds.
      expect(new Set(page.data.map((r) => r.kind))).toEqual(new Set(['trade_return', 'offline_repair']));
      expect(new Set(page.data.map((r) => r.status)).size).toBeGreaterThanOrEqual(8);
      const clock = await fetch(`${url}/admin/v1/clock`, {
        headers: { authorization: 'Bearer cli-admin-token' },
      });
      expect(clock.status).toBe(200);
    } finally {
      const stopped = exited(child);
      child.kill('SIGTERM');
      expect((await stopped).code).toBe(0);
    }
  },
);

test('the admin token: the flag, else RETURNS_MOCK_ADMIN_TOKEN, else random; --rate-limit 0 is no limit', () => {
  const flags = { port: 0, host: '127.0.0.1', rateLimit: 30, webhookLoopback: true };
  const env = { RETURNS_MOCK_ADMIN_TOKEN: 'token-from-the-env' };
  expect(serverOptions({ ...flags, adminToken: 'from-the-flag' }, env).adminToken).toBe('from-the-flag');
  expect(serverOptions(flags, env).adminToken).toBe('token-from-the-env');
  expect(serverOptions(flags, {}).adminToken).toBeUndefined();
  expect(serverOptions(flags, { RETURNS_MOCK_ADMIN_TOKEN: '' }).adminToken).toBeUndefined();
  expect(serverOptions({ ...flags, rateLimit: 0 }, {}).rateLimit).toBe(false);
});

test('the webhook flags reach delivery: --no-webhook-loopback refuses a loopback URL, --webhook-allow admits an internal host', async () => {
  const flags = { port: 0, host: '127.0.0.1', rateLimit: 30 };
  const strict = serverOptions(
    { ...flags, webhookLoopback: false, webhookAllow: ['10.1.2.3'], webhookTimeout: 2000 },
    {},
  );
  expect(strict.webhooks).toEqual({
    timeoutMs: 2000,
    urlPolicy: { allowLoopback: false, allowedHosts: ['10.1.2.3'] },
  });
  const harness = await startHarness(strict);
  try {
    const subscribe = (url: string) => harness.api.post('/external/v1/webhooks', { url, events: ['*'] });
    const refused = await subscribe('http://127.0.0.1:9/hook');
    expect(refused.status).toBe(400);
    expect(JSON.stringify(refused.body)).toMatch(/loopback/);
    expect((await subscribe('https://10.1.2.3/hook')).status).toBe(201);
    expect((await subscribe('https://10.1.2.4/hook')).status).toBe(400);
  } finally {
    await harness.close();
  }
});

describe('bad input fails with a clear message and no stack', () => {
  // In process: commander's parsing and the server's option checks, without a process start each.
  test.each([
    [['serve', '--rate-limit', 'lots'], /--rate-limit must be a whole number/],
    [['serve', '--port', '70000'], /--port must be a whole number from 0 to 65535/],
    [['serve', '--seed', '-1'], /unknown option '-1'|--seed must be a whole number/],
    [['serve', '--colour'], /unknown option '--colour'/],
    [['serve', '--port', '0', '--admin-token', 'short'], /Invalid mock server option adminToken/],
    [['serve', '--webhook-allow', 'not a host!'], /--webhook-allow takes a host name/],
    [['serve', '--webhook-timeout', '0'], /--webhook-timeout must be a whole number from 1 to 60000/],
  ])('%j', async (args, message) => {
    let stderr = '';
    const program = buildProgram()
      .exitOverride()
      .configureOutput({ writeErr: (text) => (stderr += text) });
    for (const command of program.commands) {
      command.exitOverride().configureOutput({ writeErr: (text) => (stderr += text) });
    }
    const failure = await program.parseAsync(['node', 'returns-mock', ...args]).then(
      () => undefined,
      (error: Error) => error,
    );
    expect(failure).toBeInstanceOf(Error);
    expect(`${stderr}${failure!.message}`).toMatch(message);
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  test.concurrent('the real entry point exits non-zero with the message only', async () => {
    const { code, stderr } = await exited(cli(['serve', '--rate-limit', 'lots']));
    expect(code).not.toBe(0);
    expect(stderr).toMatch(/--rate-limit must be a whole number/);
    expect(stderr).not.toMatch(/\n\s+at /);
  });
});
