import { NodeApiError } from 'n8n-workflow';
import { RATE_LIMIT_POLICY } from '@returns-pack/shared-client';
import { execute, ReturnsPack } from '../../harness';
import { startMock, tradeReturnParameters } from '../mock';

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

beforeEach(() => {
  mockSleeps.length = 0;
});

test(`a 429 asking for at most ${RATE_LIMIT_POLICY.maxWaitSeconds} s is waited out with n8n's sleep, then the item succeeds`, async () => {
  const { server, credentials } = await startMock({ rateLimit: 2 });
  mockAdvance = (seconds) => server.clock.advance(seconds);
  try {
    await execute(node, {
      credentials,
      parameters: tradeReturnParameters(1),
      items: [{ json: {} }, { json: {} }],
    });
    server.clock.advance(45); // 15 s left of the server's 60 s window
    const { output } = await execute(node, { credentials, parameters: tradeReturnParameters(3) });
    expect((output[0]![0]!.json.customer as { email: string }).email).toBe('buyer3@example.com');
    expect(mockSleeps).toEqual([15_000]);
  } finally {
    await server.close();
  }
});

test(`a 429 asking for more than ${RATE_LIMIT_POLICY.maxWaitSeconds} s fails at once with the wait time`, async () => {
  const { server, credentials } = await startMock({ rateLimit: 1 });
  mockAdvance = (seconds) => server.clock.advance(seconds);
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
