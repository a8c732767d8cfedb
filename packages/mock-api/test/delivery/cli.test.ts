import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { generateWebhookSecret } from '@returns-pack/shared-client';
import { startMockServer } from '@returns-pack/mock-api';
import type { MockServer } from '@returns-pack/mock-api';
import { triggerEvent } from '../../src/cli/commands/trigger';
import { buildProgram } from '../../src/cli/program';
import { startWebhookListener } from '../../src/delivery/webhook-listener';
import type { WebhookListener } from '../../src/delivery/webhook-listener';
import { startReceiver } from './helpers/receiver';
import type { Receiver } from './helpers/receiver';

/** A listener line's columns after its timestamp: type, id, subject, flags, verdict. */
const columns = (line: string) => line.split('  ').slice(1);
const EVENT_ID = expect.stringMatching(/^evt_\w+$/);
const SUBJECT = expect.stringMatching(/^subject rma_\w+$/);

let server: MockServer;
const closers: (() => Promise<void>)[] = [];

beforeEach(async () => {
  server = await startMockServer({ rateLimit: false });
});

afterEach(async () => {
  await Promise.all(closers.splice(0).map((close) => close()));
  await server.close();
});

async function receiver(): Promise<Receiver> {
  const r = await startReceiver();
  closers.push(() => r.close());
  return r;
}

async function listener(scheme: Parameters<typeof startWebhookListener>[0]['scheme'], secret: string) {
  const lines: string[] = [];
  let notify = () => {};
  const l: WebhookListener = await startWebhookListener({
    scheme,
    secret,
    print: (text) => {
      lines.push(text);
      notify();
    },
  });
  closers.push(() => l.close());
  const waitForLines = (n: number) =>
    new Promise<string[]>((resolve) => {
      notify = () => lines.length >= n && resolve(lines);
      notify();
    });
  return { url: l.url, lines, waitForLines };
}

describe('triggerEvent (returns-mock trigger)', () => {
  it('creates an RMA when none is given and emits the event through the real pipeline', async () => {
    const r = await receiver();
    await server.createApiClient({ name: 'watcher', webhook_url: r.url });
    const result = await triggerEvent({
      baseUrl: server.url,
      adminToken: server.adminToken,
      type: 'label.generated',
    });

    expect(result.createdRmaId).toMatch(/^rma_/);
    expect(result.event).toMatchObject({
      type: 'label.generated',
      subject: { id: result.createdRmaId },
      sequence: 2,
    });
    const received = await r.waitFor(2);
    expect(received.map((x) => x.event.type)).toEqual(['return.created', 'label.generated']);
    expect(received[1]!.event.id).toBe(result.event.id);
  });

  it('emits for a given RMA', async () => {
    const first = await triggerEvent({
      baseUrl: server.url,
      adminToken: server.adminToken,
      type: 'return.created',
    });
    const again = await triggerEvent({
      baseUrl: server.url,
      adminToken: server.adminToken,
      type: 'rma.breach',
      rmaId: first.createdRmaId!,
    });
    expect(again).toMatchObject({
      createdRmaId: null,
      event: { type: 'rma.breach', subject: { id: first.createdRmaId } },
    });
  });

  it('says what is wrong: an unknown type, a bad token, an unknown RMA, no server', async () => {
    const base = { baseUrl: server.url, adminToken: server.adminToken };
    await expect(triggerEvent({ ...base, type: 'return.exploded' })).rejects.toThrow(
      /"return.exploded" is not an event type; known: return.created/,
    );
    await expect(
      triggerEvent({ ...base, adminToken: 'wrong-token', type: 'return.created' }),
    ).rejects.toThrow(/answered 401 .*unauthorized/);
    await expect(triggerEvent({ ...base, type: 'return.created', rmaId: 'rma_missing' })).rejects.toThrow(
      /answered 404/,
    );
    const r = await receiver();
    await expect(
      triggerEvent({
        ...base,
        baseUrl: r.url.replace('/hooks', '').replace(/:\d+/, ':9'),
        type: 'return.created',
      }),
    ).rejects.toThrow(/could not reach the mock/);
  });
});

describe('startWebhookListener (returns-mock listen)', () => {
  it('verifies each delivery with the shared verifier and prints it; a wrong secret is refused with 401', async () => {
    const secret = generateWebhookSecret('standard-webhooks');
    const l = await listener('standard-webhooks', secret);
    const client = await server.createApiClient();
    const events = ['return.resumed' as const];
    const good = await server.delivery.createSubscription(client.id, {
      url: l.url,
      events,
      scheme: 'standard-webhooks',
      secret,
    });
    const bad = await server.delivery.createSubscription(client.id, {
      url: l.url,
      events,
      scheme: 'standard-webhooks',
      secret: generateWebhookSecret('standard-webhooks'),
    });

    const { event } = await triggerEvent({
      baseUrl: server.url,
      adminToken: server.adminToken,
      type: 'return.resumed',
      apiKey: client.api_key,
    });
    const lines = await l.waitForLines(2);
    await server.delivery.settled();

    expect(lines).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          new RegExp(`  return\\.resumed  ${event.id}  subject ${event.subject.id}  verified: yes$`),
        ),
        expect.stringMatching(
          new RegExp(
            `  return\\.resumed  ${event.id}  subject ${event.subject.id}  verified: no \\(bad_signature: `,
          ),
        ),
      ]),
    );
    expect(lines.join('\n')).not.toContain(secret);
    const attempts = (id: string) => server.delivery.listDeliveries(client.id, id, { limit: 5 }).data;
    expect(attempts(good.id)).toEqual([expect.objectContaining({ outcome: 'delivered', status_code: 200 })]);
    expect(attempts(bad.id)).toEqual([expect.objectContaining({ outcome: 'given_up', status_code: 401 })]);
  });

  it('answers 401 to an unsigned or unreadable delivery and prints why', async () => {
    const l = await listener('hmac-sha256', generateWebhookSecret('hmac-sha256'));
    const unsigned = await fetch(l.url, {
      method: 'POST',
      body: '{"id":"evt_forged","type":"return.created"}',
    });
    const garbage = await fetch(l.url, { method: 'POST', body: 'not json at all' });
    expect([unsigned.status, garbage.status]).toEqual([401, 401]);
    const lines = await l.waitForLines(2);
    expect(columns(lines[0]!)).toEqual([
      'return.created',
      'evt_forged',
      'subject ?',
      expect.stringMatching(/^verified: no \(missing_signature: /),
    ]);
    expect(columns(lines[1]!)).toEqual(['?', '?', 'subject ?', expect.stringMatching(/^verified: no \(/)]);
  });

  it('marks test and replayed events', async () => {
    const secret = generateWebhookSecret('jwt');
    const l = await listener('jwt', secret);
    const client = await server.createApiClient();
    const sub = await server.delivery.createSubscription(client.id, {
      url: l.url,
      events: ['*'],
      scheme: 'jwt',
      secret,
    });
    server.delivery.sendTest(client.id, sub.id, { type: 'shipment.delivered' });
    const [line] = await l.waitForLines(1);
    expect(columns(line!)).toEqual(['shipment.delivered', EVENT_ID, SUBJECT, '[test]', 'verified: yes']);

    const { event } = await triggerEvent({
      baseUrl: server.url,
      adminToken: server.adminToken,
      type: 'return.paused',
    });
    await l.waitForLines(3);
    server.delivery.replay(client.id, sub.id, { start_time: event.created_at, end_time: event.created_at });
    const lines = await l.waitForLines(4);
    expect(lines[3]).toMatch(
      new RegExp(`  return\\.paused  ${event.id}  subject rma_\\w+  \\[replay\\]  verified: yes$`),
    );
  });
});

/** The CLI as a user runs it: a child process on the TypeScript sources. */
function cli(args: string[]): ChildProcess {
  const packageDir = path.resolve(__dirname, '../..');
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], {
    cwd: packageDir,
    // The tests' tsconfig maps the workspace packages to their sources, as jest does; the caller's
    // RETURNS_MOCK_* settings stay out, so that only the arguments given count.
    env: {
      ...Object.fromEntries(
        Object.entries(process.env).filter(([name]) => !name.startsWith('RETURNS_MOCK_')),
      ),
      TSX_TSCONFIG_PATH: path.resolve(packageDir, '../../tsconfig.tests.json'),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  closers.push(async () => void child.kill());
  return child;
}

function stdoutLines(child: ChildProcess): AsyncIterator<string> {
  return createInterface({ input: child.stdout! })[Symbol.asyncIterator]();
}

/** Each child compiles the CLI from source first: seconds on a busy machine. */
const CHILD_PROCESS_TIMEOUT = 30_000;

describe('the returns-mock CLI', () => {
  it(
    'listen prints verified deliveries that trigger makes the server send',
    async () => {
      const secret = generateWebhookSecret('hmac-sha256');
      const listen = cli(['listen', '--port', '0', '--scheme', 'hmac-sha256', '--secret', secret]);
      const lines = stdoutLines(listen);
      const banner = (await lines.next()).value as string;
      const url = /on (http:\S+)$/.exec(banner)?.[1];
      expect(url).toBeDefined();
      const client = await server.createApiClient();
      await server.delivery.createSubscription(client.id, { url: url!, events: ['return.paused'], secret });

      const trigger = cli([
        'trigger',
        'return.paused',
        '--url',
        server.url,
        '--admin-token',
        server.adminToken,
      ]);
      const out: string[] = [];
      for await (const text of createInterface({ input: trigger.stdout! })) out.push(text);
      expect(out.at(-1)).toMatch(/^triggered return\.paused evt_\w+ for rma_\w+ \(sequence 2\)$/);

      const printed = (await lines.next()).value as string;
      expect(columns(printed)).toEqual(['return.paused', EVENT_ID, SUBJECT, 'verified: yes']);
    },
    CHILD_PROCESS_TIMEOUT,
  );

  it('trigger refuses to run without an admin token, saying where to find one', async () => {
    const saved = process.env.RETURNS_MOCK_ADMIN_TOKEN;
    delete process.env.RETURNS_MOCK_ADMIN_TOKEN;
    closers.push(async () => void (saved === undefined || (process.env.RETURNS_MOCK_ADMIN_TOKEN = saved)));
    const program = buildProgram().exitOverride();
    await expect(
      program.parseAsync(['trigger', 'return.created', '--url', server.url], { from: 'user' }),
    ).rejects.toThrow('--admin-token is required (or set RETURNS_MOCK_ADMIN_TOKEN): `serve` prints it');
  });
});
