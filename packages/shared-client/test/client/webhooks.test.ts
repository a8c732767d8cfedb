import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { NotFoundError, ValidationError, collect, verifyWebhook } from '../../src';
import { startWithClient, tradeReturnBody } from './mock-server';
import type { MockServer } from './mock-server';
import type { ReturnsClient } from '../../src';

let server: MockServer;
let client: ReturnsClient;
const received: { headers: Record<string, string | string[] | undefined>; body: string }[] = [];
let receiverUrl: string;
const receiver = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
    res.writeHead(204).end();
  });
});

beforeAll(async () => {
  ({ server, client } = await startWithClient());
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
});
afterAll(async () => {
  await server.close();
  await new Promise((resolve) => receiver.close(resolve));
});
beforeEach(() => {
  received.length = 0;
});

it('subscribes, receives a delivery it can verify with the secret shown once, and unsubscribes', async () => {
  const sub = await client.webhooks.create({
    url: receiverUrl,
    events: ['return.created'],
    scheme: 'hmac-sha256',
  });
  expect(sub.secret).toEqual(expect.any(String));
  const read = await client.webhooks.get(sub.id);
  expect(read).not.toHaveProperty('secret');
  expect((await client.webhooks.list()).data.map((s) => s.id)).toContain(sub.id);

  const rma = await client.tradeReturns.create(tradeReturnBody(1));
  await server.delivery.settled();
  expect(received).toHaveLength(1);
  const event = await verifyWebhook(
    { headers: received[0]!.headers, rawBody: received[0]!.body },
    { scheme: 'hmac-sha256', secret: sub.secret },
  );
  expect(event).toMatchObject({ type: 'return.created', subject: { id: rma.id } });

  const attempts = await collect(client.webhooks.iterateDeliveries(sub.id));
  expect(attempts).toEqual([
    expect.objectContaining({ event_id: event.id, outcome: 'delivered', attempt: 1 }),
  ]);

  await expect(client.webhooks.delete(sub.id)).resolves.toEqual({ id: sub.id, deleted: true });
  await expect(client.webhooks.get(sub.id)).rejects.toBeInstanceOf(NotFoundError);
});

it('updates a subscription, sends a test event and replays a window with the same event ids', async () => {
  const sub = await client.webhooks.create({
    url: receiverUrl,
    events: ['return.created'],
    scheme: 'bearer',
  });
  const updated = await client.webhooks.update(sub.id, { events: ['*'], description: 'everything' });
  expect(updated).toMatchObject({ events: ['*'], description: 'everything' });

  const { event: testEvent } = await client.webhooks.test(sub.id, { type: 'rma.breach' });
  await server.delivery.settled();
  expect(testEvent).toMatchObject({ type: 'rma.breach', test: true });
  const start = new Date(server.clock.now()).toISOString();
  const rma = await client.offlineRepairs.create({
    serial: 'SN-R',
    fault_description: 'Hinge broken',
    customer_email: 'replay@example.com',
  });
  await server.delivery.settled();
  const end = new Date(server.clock.now()).toISOString();
  const live = received.map((r) => JSON.parse(r.body) as { id: string; test: boolean; replay: boolean });
  expect(live.map((e) => e.test)).toEqual([true, false]);

  const { replayed } = await client.webhooks.replay(sub.id, { start_time: start, end_time: end });
  await server.delivery.settled();
  expect(replayed).toBe(1);
  const again = JSON.parse(received.at(-1)!.body) as { id: string; replay: boolean; subject: { id: string } };
  expect(again).toMatchObject({ id: live[1]!.id, replay: true, subject: { id: rma.id } });
  await client.webhooks.delete(sub.id);
});

it('refuses a bad subscription locally, naming the field', async () => {
  const error = await client.webhooks
    .create({ url: 'not a url', events: ['return.exploded' as never] })
    .catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ValidationError);
  expect((error as ValidationError).fields).toEqual(expect.arrayContaining(['url', 'events.0']));
  await expect(
    client.webhooks.replay('wh_x', { start_time: '2026-01-02T00:00:00Z', end_time: '2026-01-01T00:00:00Z' }),
  ).rejects.toThrow(/end_time/);
});
