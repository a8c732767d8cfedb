import { createClock } from '../../../src/domain/clock';
import { startMockServer } from '../../../src/server';
import type { MockServer, MockServerOptions } from '../../../src/server';

const T0 = Date.parse('2025-03-14T09:00:00.000Z');

/**
 * A real server whose clock moves only when the test advances it: a burst of requests then all
 * happen at one instant, so rate-limit windows and Retry-After are exact, not "about a minute".
 */
export async function startFrozenServer(options: MockServerOptions = {}): Promise<MockServer> {
  const clock = createClock({ wallTime: () => T0 });
  clock.stop();
  return startMockServer({ clock, ...options });
}
