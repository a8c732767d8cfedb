import { createClock } from '../../src/domain/clock';
import { createDeliveryService } from '../../src/delivery';
import type { DeliveryServiceOptions } from '../../src/delivery';

const build = (options: Partial<DeliveryServiceOptions>) => () =>
  createDeliveryService({ clock: createClock(), eventsBetween: () => [], ...options });

describe('delivery service options', () => {
  it.each([
    [{ timeoutMs: 0 }, 'Invalid webhooks option timeoutMs'],
    [{ timeoutMs: 1.5 }, 'Invalid webhooks option timeoutMs'],
    [{ maxConcurrency: -1 }, 'Invalid webhooks option maxConcurrency'],
    [{ attemptsKept: Number.NaN }, 'Invalid webhooks option attemptsKept'],
    [
      { urlPolicy: { allowedHosts: 'everything' as unknown as string[] } },
      'Invalid webhooks option urlPolicy.allowedHosts',
    ],
    [
      { urlPolicy: { allowedHosts: ['10.0.0.0/40'] } },
      'allowedHosts: "10.0.0.0/40" has an invalid prefix length',
    ],
  ])('refuses %j at start-up, naming the option', (options, message) => {
    expect(build(options)).toThrow(message);
  });

  it('starts with the defaults', async () => {
    const service = build({})();
    expect(service.pending()).toBe(0);
    await service.close();
  });
});
