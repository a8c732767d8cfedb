import { readFileSync } from 'node:fs';
import path from 'node:path';
import { seedDemoRmas, startMockServer } from '@returns-pack/mock-api';
import type { MockServer } from '@returns-pack/mock-api';
import {
  RateLimitedError,
  createReturnsClient,
  generateWebhookSecret,
  sampleEvent,
  signWebhook,
} from '@returns-pack/shared-client';
import type { ReturnsClient } from '@returns-pack/shared-client';
import { deliveredThenCreate, receive } from '../../shared-client/examples/readme';

const packageDir = path.resolve(__dirname, '..', '..', 'shared-client');
const read = (file: string) => readFileSync(path.join(packageDir, file), 'utf8');

test("the shared client's README shows its examples exactly as they are compiled and run below", () => {
  const readme = read('README.md');
  const examples = read('examples/readme.ts');
  const included = [...readme.matchAll(/<!-- include: (\S+?)#(\S+) -->\n```ts\n([\s\S]*?)```/g)];
  const regions = [...examples.matchAll(/\/\/ #region (\S+)\n([\s\S]*?)\/\/ #endregion/g)];
  expect(included.map(([, file, region]) => `${file}#${region}`)).toEqual(
    regions.map(([, region]) => `examples/readme.ts#${region}`),
  );
  for (const [index, [, , , code]] of included.entries()) expect(code).toBe(regions[index]![2]);
});

describe('the examples, against the mock', () => {
  let mock: MockServer;
  let client: ReturnsClient;
  const log = jest.spyOn(console, 'log').mockImplementation(() => undefined);
  beforeAll(async () => {
    mock = await startMockServer({ rateLimit: 1 });
    seedDemoRmas(mock.services, 25);
    const apiClient = await mock.createApiClient({ name: 'readme' });
    client = createReturnsClient({ baseUrl: mock.url, apiKey: apiClient.api_key });
  });
  afterAll(async () => {
    log.mockRestore();
    await mock.close();
  });

  test('the client example lists every DELIVERED RMA, creates once, then says when to retry', async () => {
    const delivered = await client.rmas.list({ status: 'DELIVERED', limit: 100 });
    expect(delivered.data.length).toBeGreaterThan(0);
    const before = (await client.tradeReturns.list({ limit: 100 })).data.length;

    const emails = await deliveredThenCreate(client);
    expect(emails.sort()).toEqual(delivered.data.map((r) => r.customer.email).sort());
    expect((await client.tradeReturns.list({ limit: 100 })).data.length).toBe(before + 1);
    expect(log).not.toHaveBeenCalled();

    // One creation a minute: the second run is refused, and the example says when to try again.
    await deliveredThenCreate(client);
    expect(log).toHaveBeenCalledWith(
      expect.stringMatching(/^Over the creation limit: try again in \d+ s\.$/),
    );
    expect((await client.tradeReturns.list({ limit: 100 })).data.length).toBe(before + 1);
    await expect(
      client.tradeReturns.create({
        customer: { email: 'b@example.com' },
        items: [{ sku: 'X', quantity: 1 }],
      }),
    ).rejects.toBeInstanceOf(RateLimitedError);
  });

  test('the verifier example answers 204 to a signed delivery and 401 with a reason to an altered one', async () => {
    const secret = generateWebhookSecret('hmac-sha256');
    const event = sampleEvent('return.created');
    const { headers, body } = await signWebhook({ scheme: 'hmac-sha256', secret, event });
    const lower = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));

    expect(await receive(lower, Buffer.from(body), secret)).toEqual({ status: 204 });
    expect(log).toHaveBeenCalledWith('return.created', event.subject.id);
    const altered = await receive(lower, Buffer.from(body.replace('"test":false', '"test":true')), secret);
    expect(altered).toEqual({ status: 401, message: expect.stringContaining('does not match the body') });
  });
});
