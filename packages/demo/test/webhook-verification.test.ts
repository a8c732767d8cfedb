import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { startMockServer } from '@returns-pack/mock-api';
import type { MockServer } from '@returns-pack/mock-api';
import {
  REDO_SAMPLE_PAYLOAD,
  createReturnsClient,
  generateWebhookSecret,
  sampleEvent,
  signWebhook,
} from '@returns-pack/shared-client';
import type {
  EventEnvelope,
  ReturnsClient,
  SignatureScheme,
  SignedWebhook,
  VerifyWebhookOptions,
} from '@returns-pack/shared-client';
import { webhookReceiver } from '../../../docs/webhook-verification/receiver';
import * as schemes from '../../../docs/webhook-verification/schemes';

const docs = path.resolve(__dirname, '..', '..', '..', 'docs');
const read = (file: string) => readFileSync(path.join(docs, file), 'utf8');

describe('docs/webhook-verification.md', () => {
  const guide = read('webhook-verification.md');
  const included = [...guide.matchAll(/<!-- include: (\S+?)(?:#(\S+))? -->\n```ts\n([\s\S]*?)```/g)].map(
    ([, file, region, code]) => ({ file: file!, region, code: code! }),
  );

  /** A snippet file, or the part of it between `// #region <name>` and `// #endregion`. */
  function snippet(file: string, region?: string): string {
    const text = read(file);
    if (!region) return text;
    const match = new RegExp(`// #region ${region}\\n([\\s\\S]*?)// #endregion`).exec(text);
    if (!match) throw new Error(`${file} has no region ${region}`);
    return match[1]!;
  }

  test('shows every snippet that is tested here, each exactly as it is', () => {
    const regions = [...read('webhook-verification/schemes.ts').matchAll(/\/\/ #region (\S+)/g)].map(
      (m) => m[1],
    );
    expect(included.map((i) => `${i.file}#${i.region ?? ''}`).sort()).toEqual(
      [
        'webhook-verification/receiver.ts#',
        ...regions.map((r) => `webhook-verification/schemes.ts#${r}`),
      ].sort(),
    );
    for (const { file, region, code } of included) expect(code).toBe(snippet(file, region));
  });
});

let mock: MockServer;
let api: ReturnsClient;
const servers: Server[] = [];
beforeAll(async () => {
  mock = await startMockServer({ rateLimit: false });
  const client = await mock.createApiClient({ name: 'verification guide' });
  api = createReturnsClient({ baseUrl: mock.url, apiKey: client.api_key });
});
afterAll(async () => {
  for (const server of servers) server.close();
  await mock.close();
});

/** The guide's receiver on a loopback port, with what it handled. */
async function receiver(options: VerifyWebhookOptions) {
  const handled: EventEnvelope[] = [];
  const server = webhookReceiver(options, (event) => handled.push(event));
  servers.push(server);
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  const post = async ({ headers, body }: SignedWebhook) => {
    const answer = await fetch(url, { method: 'POST', headers, body });
    return { status: answer.status, body: (await answer.json().catch(() => null)) as unknown };
  };
  return { url, handled, post };
}

const newReturn = () =>
  api.tradeReturns.create({
    customer: { email: 'guide@example.com' },
    items: [{ sku: 'GUIDE-1', quantity: 1 }],
  });

describe.each<[SignatureScheme, (secret: string) => VerifyWebhookOptions]>([
  ['hmac-sha256', schemes.hmacSha256],
  ['bearer', schemes.bearer],
  ['jwt', schemes.jwt],
  ['standard-webhooks', (secret) => schemes.standardWebhooks(secret)],
])('%s: the receiver with its snippet', (scheme, options) => {
  test("accepts the mock's real delivery once, replays included, and refuses a forged one", async () => {
    const secret = generateWebhookSecret(scheme);
    const { url, handled, post } = await receiver(options(secret));
    const subscription = await api.webhooks.create({ url, events: ['return.created'], scheme, secret });
    const rma = await newReturn();
    await mock.delivery.settled();
    expect(handled.map((e) => [e.type, e.subject.id])).toEqual([['return.created', rma.id]]);

    const window = {
      start_time: rma.created_at,
      end_time: new Date(Date.parse(rma.created_at) + 1000).toISOString(),
    };
    expect((await api.webhooks.replay(subscription.id, window)).replayed).toBe(1);
    await mock.delivery.settled();
    expect(handled).toHaveLength(1);

    const forged = await signWebhook({ scheme, secret: generateWebhookSecret(scheme), event: handled[0]! });
    expect(await post(forged)).toEqual({
      status: 401,
      body: { error: expect.stringMatching(/^bad_signature$/) },
    });
    await api.webhooks.delete(subscription.id);
  });
});

test('returnflows: the HMAC in its own header and base64; the default header is not enough', async () => {
  const secret = generateWebhookSecret('hmac-sha256');
  const { handled, post } = await receiver(schemes.returnflows(secret));
  const event = sampleEvent('shipment.delivered');
  const signed = { scheme: 'hmac-sha256' as const, secret, event };
  const theirs = await signWebhook({ ...signed, header: 'X-Returnflows-Signature', encoding: 'base64' });
  expect((await post(theirs)).status).toBe(200);
  expect((await post(await signWebhook(signed))).body).toEqual({ error: 'missing_signature' });
  expect(handled.map((e) => e.id)).toEqual([event.id]);
});

test("bearer: a Redo payload is handled as the contract's event envelope", async () => {
  const secret = generateWebhookSecret('bearer');
  const { handled, post } = await receiver(schemes.bearer(secret));
  expect(
    (await post(await signWebhook({ scheme: 'bearer', secret, event: REDO_SAMPLE_PAYLOAD }))).status,
  ).toBe(200);
  expect(handled).toEqual([expect.objectContaining({ type: 'return.created', api_version: 'v1' })]);
  expect(handled[0]!.data.source?.vendor).toBe('redo');
});

test('jwt: the same signed delivery a second time is refused as replayed', async () => {
  const secret = generateWebhookSecret('jwt');
  const { post } = await receiver(schemes.jwt(secret));
  const captured = await signWebhook({ scheme: 'jwt', secret, event: sampleEvent('return.processed') });
  expect((await post(captured)).status).toBe(200);
  expect(await post(captured)).toEqual({ status: 401, body: { error: 'replayed' } });
});

test('standard-webhooks: during a rotation the old secret still verifies, and alone the new one does not', async () => {
  const [current, previous] = [
    generateWebhookSecret('standard-webhooks'),
    generateWebhookSecret('standard-webhooks'),
  ];
  const byOld = await signWebhook({
    scheme: 'standard-webhooks',
    secret: previous,
    event: sampleEvent('rma.breach'),
  });
  expect((await (await receiver(schemes.standardWebhooks(current, previous))).post(byOld)).status).toBe(200);
  expect((await (await receiver(schemes.standardWebhooks(current))).post(byOld)).status).toBe(401);
});

test("test-clock: after the mock's clock jumps, timestamped deliveries verify against mockClock only", async () => {
  await fetch(`${mock.url}/admin/v1/clock/advance`, {
    method: 'POST',
    headers: { authorization: `Bearer ${mock.adminToken}`, 'content-type': 'application/json' },
    body: JSON.stringify({ seconds: 14 * 86_400 }),
  });
  const secret = generateWebhookSecret('standard-webhooks');
  const now = await schemes.mockClock(mock.url, mock.adminToken);
  const onWallTime = await receiver(schemes.standardWebhooks(secret));
  const onMockTime = await receiver({ ...schemes.standardWebhooks(secret), now });
  for (const { url } of [onWallTime, onMockTime]) {
    await api.webhooks.create({ url, events: ['return.created'], scheme: 'standard-webhooks', secret });
  }
  const rma = await newReturn();
  await mock.delivery.settled();
  expect(onMockTime.handled.map((e) => e.subject.id)).toEqual([rma.id]);
  expect(onWallTime.handled).toEqual([]);
});
