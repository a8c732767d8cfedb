import { createReturnsClient, createTradeReturn } from '@returns-pack/shared-client';
import type { Rma } from '@returns-pack/shared-client';
import { loadComponent, runAction } from '../harness';
import { startBackend } from './support/backend';
import type { Backend } from './support/backend';
import { errorOf } from './support/errors';

/** The v1.1 actions' component files, run through the harness against the mock. */
const updateRmaStatus = loadComponent('actions/update-rma-status/update-rma-status.mjs');
const generateReturnLabel = loadComponent('actions/generate-return-label/generate-return-label.mjs');

let backend: Backend;
beforeAll(async () => {
  backend = await startBackend();
});
afterAll(() => backend.close());

/** A fresh trade return in REQUESTED, made from the catalogue's own example form. */
const newReturn = async () =>
  (
    (await createTradeReturn.run(
      createReturnsClient({ baseUrl: backend.auth.base_url, apiKey: backend.auth.api_key }),
      createTradeReturn.example,
    )) as Rma
  ).id;

describe('Update RMA Status', () => {
  it('approves with a note and exports a summary', async () => {
    const id = await newReturn();
    const { value, summary } = await runAction(updateRmaStatus, {
      auth: backend.auth,
      props: { rmaId: id, to: 'APPROVED', note: 'Approved by Pipedream' },
    });
    expect(value).toMatchObject({ id, status: 'APPROVED' });
    expect(summary).toBe(`Moved RMA ${id} to APPROVED`);
  });

  it('an invalid move is a ConfigurationError naming the current status and the allowed ones', async () => {
    const id = await newReturn();
    const error = await errorOf(() =>
      runAction(updateRmaStatus, { auth: backend.auth, props: { rmaId: id, to: 'CREDITED' } }),
    );
    expect(error).toMatchObject({
      name: 'ConfigurationError',
      message: expect.stringContaining(
        'from REQUESTED to CREDITED; allowed next states: APPROVED, CANCELED, PAUSED',
      ),
    });
  });
});

describe('Generate Return Label', () => {
  it('labels the return and says which label in the summary', async () => {
    const id = await newReturn();
    const { value, summary } = await runAction(generateReturnLabel, {
      auth: backend.auth,
      props: { rmaId: id, carrier: 'DHL' },
    });
    expect(value).toMatchObject({ id, status: 'LABEL_CREATED', label: { carrier: 'DHL' } });
    expect(summary).toMatch(new RegExp(`^Generated label \\S+ \\(DHL\\) for RMA ${id}$`));
  });
});
