import { createReturnsClient, createTradeReturn } from '@returns-pack/shared-client';
import type { Rma } from '@returns-pack/shared-client';
import { operationOf } from '../harness';
import type { Connected } from './helpers/mock';
import { connectToMock, rejectionOf } from './helpers/mock';

/** The v1.1 actions, rendered as Zapier creates from the catalogue, run by core against the mock. */
let mock: Connected;
beforeAll(async () => {
  mock = await connectToMock();
});
afterAll(() => mock.server.close());

const updateRmaStatus = operationOf('creates', 'update_rma_status').perform;
const generateReturnLabel = operationOf('creates', 'generate_return_label').perform;
const api = () => createReturnsClient({ baseUrl: mock.server.url, apiKey: mock.apiKey });
/** A fresh trade return in REQUESTED, made from the catalogue's own example form. */
const newReturn = async () =>
  (
    (await createTradeReturn.run(
      createReturnsClient({ baseUrl: mock.server.url, apiKey: mock.apiKey }),
      createTradeReturn.example,
    )) as Rma
  ).id;

describe('Update RMA Status', () => {
  test('approves with a note; the API then holds the new status', async () => {
    const id = await newReturn();
    const rma = await mock.run<Rma>(updateRmaStatus, {
      authData: mock.authData,
      inputData: { rma_id: id, to: 'APPROVED', note: 'Under the credit threshold' },
    });
    expect(rma).toMatchObject({ id, status: 'APPROVED' });
    expect(rma.history.at(-1)).toMatchObject({ status: 'APPROVED', note: 'Under the credit threshold' });
    await expect(api().rmas.get(id)).resolves.toEqual(rma);
  });

  test('an invalid move fails naming the current status and the allowed ones', async () => {
    const id = await newReturn();
    const error = await rejectionOf(
      mock.run(updateRmaStatus, { authData: mock.authData, inputData: { rma_id: id, to: 'CLOSED' } }),
    );
    expect(error.message).toContain(
      'from REQUESTED to CLOSED; allowed next states: APPROVED, CANCELED, PAUSED',
    );
  });

  test('a status an integration may not set is not offered, and refused naming the field when typed', async () => {
    const field = operationOf('creates', 'update_rma_status').inputFields?.find((f) => f.key === 'to');
    const offered = JSON.stringify(field);
    for (const status of ['LABEL_CREATED', 'IN_TRANSIT', 'DELIVERED'])
      expect(offered).not.toContain(`"${status}"`);
    const error = await rejectionOf(
      mock.run(updateRmaStatus, {
        authData: mock.authData,
        inputData: { rma_id: await newReturn(), to: 'IN_TRANSIT' },
      }),
    );
    expect(error.message).toMatch(/\bto\b/);
  });
});

describe('Generate Return Label', () => {
  test('labels a requested return with the carrier given', async () => {
    const id = await newReturn();
    const rma = await mock.run<Rma>(generateReturnLabel, {
      authData: mock.authData,
      inputData: { rma_id: id, carrier: 'DHL' },
    });
    expect(rma).toMatchObject({ id, status: 'LABEL_CREATED', label: { carrier: 'DHL' } });
    const again = await rejectionOf(
      mock.run(generateReturnLabel, { authData: mock.authData, inputData: { rma_id: id } }),
    );
    expect(again.message).toContain('already has a label');
  });
});

describe('the transition budget (120 a minute)', () => {
  test('a 429 from it says which budget ran out, not the creation one', async () => {
    const limited = await connectToMock({ transitionRateLimit: 1 });
    try {
      const api = createReturnsClient({ baseUrl: limited.server.url, apiKey: limited.apiKey });
      const id = (
        await api.tradeReturns.create({
          customer: { email: 'z@example.com' },
          items: [{ sku: 'Z', quantity: 1 }],
        })
      ).id;
      const move = (to: string) =>
        limited.run(updateRmaStatus, { authData: limited.authData, inputData: { rma_id: id, to } });
      await move('PAUSED');
      const error = await rejectionOf(move('REQUESTED'));
      expect(error.name).toBe('ThrottledError');
      expect(error.message).toContain('Too many status transition requests: at most 1 per window');
      expect(error.message).not.toContain('creations');
    } finally {
      await limited.server.close();
    }
  });
});
