import { loadComponent, runAction } from '../harness';
import type { ActionResult } from '../harness';
import { startBackend } from './support/backend';
import type { Backend } from './support/backend';
import { errorOf } from './support/errors';

const createOfflineRepair = loadComponent('actions/create-offline-repair/create-offline-repair.mjs');
const repair = { serial: 'SN-1', faultDescription: 'Dead on arrival', customerEmail: 'a@example.com' };

let backend: Backend;
afterEach(() => backend.close());

/**
 * Starts a mock allowing one creation per window, uses it up, then runs a second creation whose
 * `Retry-After` waits go through `sleep`.
 */
async function secondCreation(
  windowSeconds: number,
  sleep: (backend: Backend, ms: number) => Promise<void>,
): Promise<ActionResult> {
  backend = await startBackend({ rateLimit: 1, rateLimitWindowSeconds: windowSeconds });
  await runAction(createOfflineRepair, { auth: backend.auth, props: repair });
  return runAction(createOfflineRepair, {
    auth: backend.auth,
    props: repair,
    appOverrides: { _sleep: (ms: number) => sleep(backend, ms) },
  });
}

async function countRmas(): Promise<number> {
  const response = await fetch(`${backend.server.url}/external/v1/rmas?limit=100`, {
    headers: { 'x-api-key': backend.auth.api_key },
  });
  return ((await response.json()) as { data: unknown[] }).data.length;
}

describe('a 429 on a creation', () => {
  it('waits out Retry-After and creates exactly one RMA', async () => {
    const waits: number[] = [];
    // The mock's creation limit runs on its test clock: "sleeping" advances that clock instead of waiting.
    const { value, summary } = await secondCreation(5, async (server, ms) => {
      waits.push(ms);
      server.server.clock.advance(ms / 1000);
    });
    expect(waits).toEqual([5000]);
    expect(summary).toBe(`Created offline repair ${(value as { id: string }).id} for a@example.com`);
    expect(await countRmas()).toBe(2);
  });

  it('reports the limit instead of waiting longer than a step can', async () => {
    const waits: number[] = [];
    const error = await errorOf(() => secondCreation(60, async (_server, ms) => void waits.push(ms)));
    expect(waits).toEqual([]);
    expect(error.name).toBe('ConfigurationError');
    expect(error.message).toMatch(/creations a minute.*try again in 60 s/);
  });

  it('gives up after a few attempts when the limit keeps answering 429', async () => {
    const waits: number[] = [];
    // Waits that do not move the clock: the window never ends.
    const error = await errorOf(() => secondCreation(5, async (_server, ms) => void waits.push(ms)));
    expect(waits).toEqual([5000, 5000]);
    expect(error).toMatchObject({
      name: 'ConfigurationError',
      message: expect.stringMatching(/try again in 5 s/),
    });
    expect(await countRmas()).toBe(1);
  });
});
