import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createReturnsClient } from '@returns-pack/shared-client';
import { startDemoMock } from '../src/mock';

/**
 * `npm start -- --data-dir <dir>`: the first start seeds the folder; the next resumes it as it was,
 * seeds nothing more, and hands out a new key beside the earlier one, which still works.
 */
let dataDir: string;
beforeEach(() => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'returns-pack-demo-data-'));
});
afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

test('a second start on the same folder resumes the first one’s sandbox', async () => {
  const options = { port: 0, host: '127.0.0.1', seed: 7, dataDir };
  const first = await startDemoMock(options);
  const firstKey = first.apiClient.api_key;
  const made = await createReturnsClient({ baseUrl: first.server.url, apiKey: firstKey }).tradeReturns.create(
    {
      customer: { email: 'resume@example.com' },
      items: [{ sku: 'R-1', quantity: 1 }],
    },
  );
  expect(first.seeded).toBe(7);
  expect(first.server.services.repositories.describe().file).toBe(path.join(dataDir, 'returns-mock.sqlite'));
  await first.server.close();

  const second = await startDemoMock(options);
  try {
    expect(second.seeded).toBe(0);
    expect(second.server.services.rmas.count()).toBe(8);
    expect(second.apiClient.api_key).not.toBe(firstKey);
    const earlier = createReturnsClient({ baseUrl: second.server.url, apiKey: firstKey });
    await expect(earlier.rmas.get(made.id)).resolves.toMatchObject({ id: made.id, status: 'REQUESTED' });
  } finally {
    await second.server.close();
  }
});
