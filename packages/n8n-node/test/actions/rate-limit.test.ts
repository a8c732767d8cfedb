import { NodeApiError } from 'n8n-workflow';
import { ReturnsPack } from '../../nodes/ReturnsPack/ReturnsPack.node';
import { execute } from '../harness/execute';
import { startMock, tradeReturnParameters } from '../harness/mock';

// n8n's `sleep`, replaced by one that moves the mock's clock: the rate-limit window runs on that
// clock, so waiting out Retry-After takes no wall time.
const mockSleeps: number[] = [];
let mockAdvance: (seconds: number) => void = () => undefined;
jest.mock('n8n-workflow', () => ({
  ...jest.requireActual('n8n-workflow'),
  sleep: async (ms: number) => {
    mockSleeps.push(ms);
    mockAdvance(ms / 1000);
  },
}));

const node = new ReturnsPack();

test('bulk input waits out a 429 (Retry-After) instead of failing the run', async () => {
  const { server, credentials } = await startMock({ rateLimit: 2 });
  mockAdvance = (seconds) => server.clock.advance(seconds);
  try {
    const { output } = await execute(node, {
      credentials,
      parameters: tradeReturnParameters(1),
      items: [{ json: {} }, { json: {} }, { json: {} }],
      perItem: [1, 2, 3].map((n) => ({ customerEmail: `bulk${n}@example.com` })),
    });
    expect(output[0]!.map((i) => (i.json.customer as { email: string }).email)).toEqual([
      'bulk1@example.com',
      'bulk2@example.com',
      'bulk3@example.com',
    ]);
    // One wait, as long as the server's Retry-After (the rest of its 60 s window).
    expect(mockSleeps).toEqual([60_000]);
  } finally {
    await server.close();
  }
});

test('a single item meeting the limit fails with the wait time instead of stalling', async () => {
  const { server, credentials } = await startMock({ rateLimit: 1 });
  mockSleeps.length = 0;
  try {
    await execute(node, { credentials, parameters: tradeReturnParameters(1) });
    const error = await execute(node, { credentials, parameters: tradeReturnParameters(2) }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(NodeApiError);
    expect((error as NodeApiError).httpCode).toBe('429');
    expect((error as NodeApiError).message).toMatch(/30 creations a minute.*try again in 60 s/);
    expect(mockSleeps).toEqual([]);
  } finally {
    await server.close();
  }
});
