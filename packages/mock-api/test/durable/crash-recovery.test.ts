/**
 * Issue #20's crash test: the real CLI on a data folder, killed with SIGKILL in the middle of a
 * burst of creations and transitions while every receiver is down, then started again on the same
 * folder and port. Whatever the API had confirmed (a 2xx) must survive: its events in the log, and
 * delivered at least once, in order per subject, correctly signed, once the receiver is up; every
 * key and subscription must still work. Deliveries are driven by the test clock, not by waiting.
 */
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { collect, createReturnsClient, verifyWebhook } from '@returns-pack/shared-client';
import type {
  CreatedWebhookSubscription,
  EventEnvelope,
  EventType,
  SignatureScheme,
} from '@returns-pack/shared-client';
import { adminApi } from './admin-api';
import { startBurst } from './burst';
import type { Committed } from './burst';
import { freePort } from './free-port';
import { serve } from './serve-process';
import type { ServeProcess } from './serve-process';
import { startReceiver } from './webhook-receiver';
import type { Arrival, WebhookReceiver } from './webhook-receiver';

const SEEDED_RMAS = 3;
/** Short, so that however many attempts the crash cost, a few clock advances bring the next one. */
const RETRY_SCHEDULE = [1, 2, 4, 8, 16, 30, 30, 30, 30, 30];
const CLOCK_STEP_SECONDS = 30;
/** Confirmed requests before the kill: enough subjects and transitions to be in the middle of things. */
const COMMITTED_BEFORE_CRASH = 80;
const DELIVERY_DEADLINE_MS = 30_000;

interface SubscriptionSpec {
  /** Where on the receiver its deliveries arrive: how the receiver tells the subscriptions apart. */
  path: string;
  /** Which of the test's API clients owns it. */
  owner: number;
  scheme: SignatureScheme;
  events: EventType[] | ['*'];
}

/** Three schemes over two API clients; one subscription takes two event types only. */
const SUBSCRIPTIONS: SubscriptionSpec[] = [
  { path: '/hmac', owner: 0, scheme: 'hmac-sha256', events: ['*'] },
  { path: '/standard', owner: 1, scheme: 'standard-webhooks', events: ['*'] },
  { path: '/bearer', owner: 1, scheme: 'bearer', events: ['return.created', 'shipment.delivered'] },
];

interface Subscribed extends Omit<SubscriptionSpec, 'events'> {
  events: readonly string[];
  apiKey: string;
  created: CreatedWebhookSubscription;
  /** First arrivals by event id, in arrival order. */
  seen: Map<string, EventEnvelope>;
}

let dataDir: string;
const processes: ServeProcess[] = [];
let receiver: WebhookReceiver | undefined;

beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'returns-mock-crash-'));
});

afterEach(async () => {
  await receiver?.close();
  for (const server of processes.splice(0)) await server.crash();
  receiver = undefined;
  rmSync(dataDir, { recursive: true, force: true });
});

test('killed mid-burst and restarted on the same folder: every confirmed event arrives, in order, signed', async () => {
  const port = await freePort();
  let receiverPort = await freePort();
  while (receiverPort === port) receiverPort = await freePort();
  const flags = `--port ${port} --rate-limit 0 --seed ${SEEDED_RMAS}`.split(' ');
  const args = [...flags, '--data-dir', dataDir];

  // The first life: clients, subscriptions to a receiver that is down, then the burst and the kill.
  const first = await serve(args, /^seeded \d+ RMAs$/m);
  processes.push(first);
  const demoKey = /^ {2}api key: (\S+)$/m.exec(first.stdout())![1]!;
  const demoSecret = /^ {2}webhook secret: (\S+)$/m.exec(first.stdout())![1]!;
  const admin = adminApi(first.url, first.adminToken);
  const owners = [await admin.createApiClient('crash A'), await admin.createApiClient('crash B')];
  const subscribed: Subscribed[] = [];
  for (const spec of SUBSCRIPTIONS) {
    const apiKey = owners[spec.owner]!.api_key;
    const created = await createReturnsClient({ baseUrl: first.url, apiKey }).webhooks.create({
      url: `http://127.0.0.1:${receiverPort}${spec.path}`,
      events: spec.events,
      scheme: spec.scheme,
      retry_policy: 'exponential',
      retry_schedule: RETRY_SCHEDULE,
    });
    subscribed.push({ ...spec, apiKey, created, seen: new Map() });
  }
  const reader = createReturnsClient({ baseUrl: first.url, apiKey: owners[0]!.api_key });
  const seededEvents = new Set((await collect(reader.events.iterate())).map((e) => e.id));
  // Time advanced before the crash stays advanced: retries and SLAs are on this clock.
  await admin.advanceClock(CLOCK_STEP_SECONDS);

  const burst = startBurst({
    baseUrl: first.url,
    admin,
    apiKeys: owners.map((o) => o.api_key),
    workers: 12,
  });
  await Promise.race([
    until(() => burst.committed.length >= COMMITTED_BEFORE_CRASH, 20_000, 'the burst to get going'),
    burst.finished.then(() => Promise.reject(new Error('the burst stopped before the crash'))),
  ]);
  await first.crash();
  await burst.finished;
  // Requests were on the wire when the process died: the crash was mid-burst, not after it.
  expect(burst.unanswered).toBeGreaterThan(0);
  expectOwnerOnly(dataDir);

  // The second life, on the same folder and port, with the same command.
  const second = await serve(args, /^data: .+$/m);
  processes.push(second);
  expect(second.url).toBe(first.url);
  // The generated admin token is kept, and the folder is resumed, not seeded again.
  expect(second.adminToken).toBe(first.adminToken);
  const resumed = /^data: \S+ \(resumed: .*, (\d+) deliver(?:y|ies) waiting\)$/m.exec(second.stdout());
  expect(resumed).not.toBeNull();
  expect(Number(resumed![1])).toBeGreaterThan(0);
  expect(second.stdout()).not.toMatch(/demo API client/);
  const secondAdmin = adminApi(second.url, second.adminToken);
  expect((await secondAdmin.clock()).offset_seconds).toBe(CLOCK_STEP_SECONDS);

  // The log as the restarted server holds it: every confirmed change is in it.
  const log = await collect(createReturnsClient({ baseUrl: second.url, apiKey: demoKey }).events.iterate());
  expect(unlogged(burst.committed, log)).toEqual([]);
  const burstEvents = log.filter((e) => !seededEvents.has(e.id));
  const logged = new Map(burstEvents.map((e) => [e.id, e]));
  const expected = subscribed.map((sub) =>
    burstEvents.filter((e) => sub.events.includes('*') || sub.events.includes(e.type)).map((e) => e.id),
  );

  // The receiver comes up; retries waiting on the clock are brought on by advancing it.
  receiver = await startReceiver(receiverPort);
  const problems: string[] = [];
  let offsetSeconds = CLOCK_STEP_SECONDS;
  let taken = 0;
  const missing = () => subscribed.flatMap((sub, i) => expected[i]!.filter((id) => !sub.seen.has(id)));
  const deadline = Date.now() + DELIVERY_DEADLINE_MS;
  while (missing().length > 0 && Date.now() < deadline) {
    const before = receiver.arrivals.length;
    await receiver.nextArrival(250);
    if (receiver.arrivals.length === before) {
      offsetSeconds = (await secondAdmin.advanceClock(CLOCK_STEP_SECONDS)).offset_seconds;
    }
    // Verified as they come, against the server's clock then (Standard Webhooks signs a timestamp).
    for (; taken < receiver.arrivals.length; taken++) {
      await take(receiver.arrivals[taken]!, subscribed, logged, Date.now() + offsetSeconds * 1000, problems);
    }
  }
  expect(problems).toEqual([]);
  expect(missing()).toEqual([]);
  for (const sub of subscribed) expect(outOfOrder(sub.seen)).toEqual([]);

  // Every API key and every subscription works on the restarted server.
  for (const apiKey of [demoKey, ...owners.map((o) => o.api_key)]) {
    const client = createReturnsClient({ baseUrl: second.url, apiKey });
    expect((await client.rmas.list({ limit: 100 })).data.length).toBeGreaterThan(SEEDED_RMAS);
    for (const id of new Set(burst.committed.map((c) => c.rmaId))) {
      expect((await client.rmas.get(id)).id).toBe(id);
    }
  }
  for (const owner of owners) {
    const client = createReturnsClient({ baseUrl: second.url, apiKey: owner.api_key });
    const own = subscribed.filter((sub) => sub.apiKey === owner.api_key);
    const listed = (await client.webhooks.list()).data.map((s) => s.id);
    expect(listed.sort()).toEqual(own.map((sub) => sub.created.id).sort());
    for (const sub of own) {
      const { secret: _secret, ...view } = sub.created;
      expect(await client.webhooks.get(sub.created.id)).toEqual(view);
    }
  }

  expect(await second.stop()).toBe(0);
  expectOwnerOnly(dataDir);

  // Only what the CLI prints by design carries a secret: the admin token and the demo client's key
  // and secret, each on its own line; no created client's key or secret, no subscription's secret.
  const output = processes.map((p) => `${p.stdout()}\n${p.stderr()}`).join('\n');
  const secrets = [
    ...owners.flatMap((o) => [o.api_key, o.webhook_secret]),
    ...subscribed.map((sub) => sub.created.secret),
  ];
  for (const secret of secrets) expect(output).not.toContain(secret);
  const otherLines = output
    .split('\n')
    .filter((line) => !/^(admin token|developer console| {2}api key| {2}webhook secret): /.test(line))
    .join('\n');
  for (const secret of [first.adminToken, demoKey, demoSecret]) expect(otherLines).not.toContain(secret);
}, 90_000);

/** One delivery: whose it is, whether its signature verifies with that subscription's secret, and
 * whether it is an event of the log, unchanged; the first arrival of each event id is kept. */
async function take(
  arrival: Arrival,
  subscribed: Subscribed[],
  logged: Map<string, EventEnvelope>,
  nowMs: number,
  problems: string[],
): Promise<void> {
  const sub = subscribed.find((s) => s.path === arrival.path);
  if (!sub) return void problems.push(`a delivery to ${arrival.path}, which no subscription names`);
  let event: EventEnvelope;
  try {
    event = await verifyWebhook(
      { headers: arrival.headers, rawBody: arrival.body },
      { scheme: sub.scheme, secret: sub.created.secret, now: () => nowMs },
    );
  } catch (error) {
    return void problems.push(`${sub.path}: ${String(error)}`);
  }
  if (!logged.has(event.id)) return void problems.push(`${sub.path}: ${event.id} is not a burst event`);
  if (!sub.events.includes('*') && !sub.events.includes(event.type)) {
    problems.push(`${sub.path}: ${event.type} was not subscribed to`);
  }
  if (!isDeepStrictEqual(event, logged.get(event.id))) {
    problems.push(`${sub.path}: ${event.id} differs from the logged event`);
  }
  if (!sub.seen.has(event.id)) sub.seen.set(event.id, event);
}

/** Confirmed changes with no event in the log for the RMA as that answer reported it. */
function unlogged(committed: Committed[], log: EventEnvelope[]): Committed[] {
  return committed.filter(
    (c) =>
      !log.some(
        (e) =>
          e.subject.id === c.rmaId &&
          e.data.rma.status === c.status &&
          e.data.rma.history.length === c.historyLength,
      ),
  );
}

/** Per subject, first arrivals whose `sequence` does not rise. */
function outOfOrder(seen: Map<string, EventEnvelope>): string[] {
  const last = new Map<string, number>();
  const wrong: string[] = [];
  for (const event of seen.values()) {
    const previous = last.get(event.subject.id) ?? 0;
    if (event.sequence <= previous) wrong.push(`${event.subject.id}: ${event.sequence} after ${previous}`);
    last.set(event.subject.id, event.sequence);
  }
  return wrong;
}

/** The database and its journal hold webhook secrets in clear: readable by their owner only. */
function expectOwnerOnly(dir: string): void {
  const modes = Object.fromEntries(
    readdirSync(dir).map((name) => [name, (statSync(join(dir, name)).mode & 0o777).toString(8)]),
  );
  expect(Object.keys(modes)).toContain('returns-mock.sqlite');
  expect(modes).toEqual(Object.fromEntries(Object.keys(modes).map((name) => [name, '600'])));
}

async function until(condition: () => boolean, ms: number, what: string): Promise<void> {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
