import { TRIGGERS, readTriggerSettings, subscribe, unsubscribe } from '../../src';
import { startWithClient } from '../client/mock-server';
import type { MockServer } from '../client/mock-server';

let server: MockServer;
let client: Awaited<ReturnType<typeof startWithClient>>['client'];

beforeAll(async () => {
  ({ server, client } = await startWithClient());
});
afterAll(() => server.close());

describe('the subscription lifecycle every trigger uses', () => {
  it('subscribes with the trigger’s settings and unsubscribes, tolerating "already gone"', async () => {
    const trigger = TRIGGERS.find((t) => t.key === 'rma_breach')!;
    const settings = readTriggerSettings(trigger, { scheme: 'standard-webhooks', retry: false });
    const record = await subscribe(client, settings, 'http://127.0.0.1:9/hook', 'tests: RMA Breach');
    expect(record.scheme).toBe('standard-webhooks');
    expect(record.secret).toMatch(/^whsec_/);
    expect(await client.webhooks.get(record.id)).toMatchObject({
      events: ['rma.breach'],
      retry_policy: 'none',
      description: 'tests: RMA Breach',
    });
    expect(await unsubscribe(client, record.id)).toBe(true);
    expect(await unsubscribe(client, record.id)).toBe(false);
    expect(await unsubscribe(client, undefined)).toBe(false);
  });
});
