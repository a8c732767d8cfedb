import { createHmac } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { sampleEvent } from '@returns-pack/shared-client';
import { Agent } from 'undici';

export const BASELINE_NAME = 'bare undici POST loop (HMAC per request, no outbox, no log)';

/**
 * The least a sender must do per signed delivery, written directly: an HMAC of the body with the
 * subscription's secret, and a POST on a kept-alive undici connection, answered and drained. No
 * outbox, ordering, retries, URL policy or attempt log. With the same concurrency as the mock's
 * outbox, it is the yardstick the delivery pipeline's throughput is divided by.
 */
export async function bareDeliveriesPerSecond(
  urls: readonly string[],
  deliveries: number,
  concurrency: number,
  connectionsPerOrigin: number,
): Promise<number> {
  const agent = new Agent({ connections: connectionsPerOrigin, keepAliveTimeout: 10_000 });
  const body = JSON.stringify(sampleEvent('return.updated'));
  const targets = urls.map((url, i) => ({ url: new URL(url), secret: `bench-secret-${i}` }));
  let next = 0;
  const worker = async () => {
    while (next < deliveries) {
      const n = next++;
      const { url, secret } = targets[n % targets.length]!;
      const response = await agent.request({
        origin: url.origin,
        path: url.pathname,
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-webhook-id': `evt_bare${n}`,
          'x-webhook-signature': createHmac('sha256', secret).update(body).digest('hex'),
        },
        body,
      });
      await response.body.dump();
      if (response.statusCode >= 300) throw new Error(`baseline receiver answered ${response.statusCode}`);
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: concurrency }, worker));
  const perSecond = deliveries / ((performance.now() - started) / 1000);
  await agent.close();
  return perSecond;
}
