import type { IDataObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';
import { createReturnsClient, createTradeReturn } from '@returns-pack/shared-client';
import type { Rma } from '@returns-pack/shared-client';
import { execute, ReturnsPack } from '../../harness';
import { startMock } from '../mock';

/** The #18 actions, rendered from the catalogue, run through the node's execute against the mock. */
const node = new ReturnsPack();
let mock: Awaited<ReturnType<typeof startMock>>;
beforeAll(async () => {
  mock = await startMock();
});
afterAll(() => mock.server.close());

const run = (parameters: IDataObject) => execute(node, { credentials: mock.credentials, parameters });
/** A fresh trade return in REQUESTED, made from the catalogue's own example form. */
const newReturn = async () =>
  (
    (await createTradeReturn.run(
      createReturnsClient({ baseUrl: mock.server.url, apiKey: mock.credentials.apiKey }),
      createTradeReturn.example,
    )) as Rma
  ).id;

describe('RMA → Update Status', () => {
  test('approves with a note and pairs the result with its item', async () => {
    const id = await newReturn();
    const { output } = await run({
      resource: 'rma',
      operation: 'updateStatus',
      rmaId: id,
      to: 'APPROVED',
      options: { note: 'Approved by n8n' },
    });
    const [item] = output[0]!;
    expect(item!.pairedItem).toEqual({ item: 0 });
    expect(item!.json).toMatchObject({ id, status: 'APPROVED' });
  });

  test('an invalid move is a NodeApiError naming the current status and the allowed ones', async () => {
    const id = await newReturn();
    const error = await run({ resource: 'rma', operation: 'updateStatus', rmaId: id, to: 'PROCESSED' }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(NodeApiError);
    expect((error as NodeApiError).httpCode).toBe('409');
    expect((error as NodeApiError).message).toContain(
      'from REQUESTED to PROCESSED; allowed next states: APPROVED, CANCELED, PAUSED',
    );
  });
});

describe('Trade Return → Generate Label', () => {
  test('labels the return with the carrier given', async () => {
    const id = await newReturn();
    const { output } = await run({
      resource: 'tradeReturn',
      operation: 'generateLabel',
      rmaId: id,
      options: { carrier: 'DHL' },
    });
    expect(output[0]![0]!.json).toMatchObject({ id, status: 'LABEL_CREATED', label: { carrier: 'DHL' } });
  });
});

describe('Webhook → Send Test and Get Deliveries', () => {
  test('a test event is attempted at the subscription, and the attempt is in its delivery log', async () => {
    const api = createReturnsClient({ baseUrl: mock.server.url, apiKey: mock.credentials.apiKey });
    // Nothing listens on port 9: the one attempt (no retries) is logged as given up, with its error.
    const sub = await api.webhooks.create({ url: 'http://127.0.0.1:9/hook', events: ['*'] });
    const sent = await run({
      resource: 'webhook',
      operation: 'sendTest',
      webhookId: sub.id,
      options: { type: 'label.generated' },
    });
    const event = sent.output[0]![0]!.json as { id: string; type: string; test: boolean };
    expect(event).toMatchObject({ type: 'label.generated', test: true });
    await mock.server.delivery.settled();

    const { output } = await run({
      resource: 'webhook',
      operation: 'getDeliveries',
      webhookId: sub.id,
      returnAll: false,
      limit: 10,
      filters: { outcome: 'given_up', eventId: event.id },
    });
    expect(output[0]!.map((item) => item.json)).toEqual([
      expect.objectContaining({ event_id: event.id, outcome: 'given_up', error: expect.any(String) }),
    ]);
  });
});
