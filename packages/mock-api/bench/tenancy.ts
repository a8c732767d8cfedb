import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { epochMs, percentile } from './stats';
import { DeliveryListFilters } from '@returns-pack/shared-client';
import { createDeliveryService } from '../src/delivery';
import type { DeliveryService } from '../src/delivery';
import { DEFAULT_TIMEOUT_MS } from '../src/delivery';
import { createServices } from '../src/domain/services';
import type { Services } from '../src/domain/services';
import { startBenchReceivers } from './delivery-receivers';

/**
 * The noisy neighbour (issue #17, item 1), on loopback: client A holds 100 subscriptions to
 * receivers that answer 200 at once and then send one body byte every 2 s, and replays each; client
 * B's deliveries are timed from state change to receipt, first with A idle (the baseline, same run),
 * then beside A. Every attempt A had logged by the end is checked: none that passed the deadline may
 * say `delivered`.
 * Run: npm run bench -w packages/mock-api -- tenancy [--json] [--seconds 8] [--rate 100]
 */

const TARGET_P99_MS = 100;
const A = 'cli_noisy';
const B = 'cli_quiet';

interface Settings {
  seconds: number;
  rate: number;
}

/** B's latencies, state change → receipt, at `rate` events a second for `seconds`. */
async function timeClientB(
  services: Services,
  rmaId: string,
  settings: Settings,
  onReceipt: (handler: (id: string, at: number) => void) => void,
): Promise<number[]> {
  const changedAt = new Map<string, number>();
  const latencies: number[] = [];
  const total = settings.rate * settings.seconds;
  let done = () => {};
  const all = new Promise<void>((resolve) => (done = resolve));
  onReceipt((id, at) => {
    const sent = changedAt.get(id);
    if (sent === undefined) return;
    latencies.push(at - sent);
    if (latencies.length === total) done();
  });
  const start = performance.now();
  let made = 0;
  await new Promise<void>((resolve) => {
    const step = () => {
      const due = Math.min(total, Math.floor(((performance.now() - start) * settings.rate) / 1000));
      for (; made < due; made++) changedAt.set(services.rmas.emit(rmaId, 'return.updated').id, epochMs());
      if (made < total) setTimeout(step, 2);
      else resolve();
    };
    step();
  });
  // B's last events have the whole deadline to arrive; a stalled one makes the p99 show it.
  await Promise.race([all, new Promise((resolve) => setTimeout(resolve, DEFAULT_TIMEOUT_MS * 2))]);
  return latencies.sort((a, b) => a - b);
}

function attemptsOf(delivery: DeliveryService, owner: string, ids: string[]) {
  return ids.flatMap(
    (id) => delivery.listDeliveries(owner, id, DeliveryListFilters.parse({ limit: 100 })).data,
  );
}

export async function run(argv: string[] = []): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      json: { type: 'boolean', default: false },
      seconds: { type: 'string', default: '8' },
      rate: { type: 'string', default: '100' },
    },
  });
  const settings = { seconds: Number(values.seconds), rate: Number(values.rate) };
  for (const [name, value] of Object.entries(settings)) {
    if (!Number.isInteger(value) || value <= 0) throw new Error(`--${name} must be a positive whole number`);
  }
  const say = (line: string) => (values.json ? process.stderr : process.stdout).write(`${line}\n`);

  const receivers = await startBenchReceivers(1, { count: 10, intervalMs: 2000 });
  const services = createServices();
  const delivery = createDeliveryService({
    clock: services.clock,
    eventsBetween: (start, end) => services.events.listBetween(start, end),
  });
  services.events.subscribe((event) => delivery.publish(event));
  let handler: (id: string, at: number) => void = () => {};
  receivers.onReceipt((id, at) => handler(id, at));

  await delivery.createSubscription(B, { url: receivers.urls[0]!, events: ['return.updated'] });
  const rmaB = services.rmas.createTradeReturn({
    customer: { email: 'quiet@example.com' },
    items: [{ sku: 'Q', quantity: 1 }],
  }).id;
  const alone = await timeClientB(services, rmaB, settings, (h) => (handler = h));

  // A: 100 subscriptions over the 10 trickling receivers, 20 events each, then a replay of each.
  const hooksOfA: string[] = [];
  for (let i = 0; i < 100; i++) {
    const url = receivers.tricklingUrls[i % receivers.tricklingUrls.length]!;
    hooksOfA.push((await delivery.createSubscription(A, { url, events: ['return.created'] })).id);
  }
  for (let i = 0; i < 20; i++) {
    services.rmas.createTradeReturn({
      customer: { email: `noisy${i}@example.com` },
      items: [{ sku: 'N', quantity: 1 }],
    });
  }
  const window = {
    start_time: new Date(0).toISOString(),
    end_time: new Date(Date.now() + 86_400_000).toISOString(),
  };
  let replayed = 0;
  for (const id of hooksOfA) replayed += delivery.replay(A, id, window).replayed;
  const noisy = await timeClientB(services, rmaB, settings, (h) => (handler = h));

  const attemptsA = attemptsOf(delivery, A, hooksOfA);
  const lateDelivered = attemptsA.filter(
    (a) => a.outcome === 'delivered' && a.duration_ms > DEFAULT_TIMEOUT_MS,
  );
  const timedOut = attemptsA.filter((a) => a.error?.startsWith('timed out')).length;
  const pendingA = delivery.pending();
  await delivery.close();
  services.stop();
  await receivers.close();

  const row = (name: string, l: number[]) => ({
    name,
    deliveries: l.length,
    p50: percentile(l, 0.5),
    p99: percentile(l, 0.99),
    max: l[l.length - 1]!,
  });
  const results = [row('client B alone', alone), row('client B beside noisy client A', noisy)];
  say(
    `noisy neighbour on loopback: client A = 100 subscriptions to 10 receivers trickling 1 byte / 2 s, ${hooksOfA.length * 20} deliveries + ${replayed} replays; client B at ${settings.rate} events/s for ${settings.seconds} s; deadline ${DEFAULT_TIMEOUT_MS} ms`,
  );
  for (const r of results) {
    say(
      `  ${r.name}: ${r.deliveries} deliveries, p50 ${r.p50.toFixed(1)} ms, p99 ${r.p99.toFixed(1)} ms, max ${r.max.toFixed(1)} ms`,
    );
  }
  say(
    `  client A: ${attemptsA.length} attempts logged (${timedOut} timed out), ${lateDelivered.length} logged delivered past the deadline; ${pendingA} still waiting at the end`,
  );
  const noisyRow = results[1]!;
  const targets = [
    {
      name: "client B's p99 ms beside client A",
      value: Number(noisyRow.p99.toFixed(1)),
      target: `< ${TARGET_P99_MS}`,
      pass: noisyRow.p99 < TARGET_P99_MS && noisyRow.deliveries === settings.rate * settings.seconds,
    },
    {
      name: "client B's p99 beside A / alone",
      value: Number((noisyRow.p99 / results[0]!.p99).toFixed(2)),
      target: '(lower is better; reported)',
      pass: true,
    },
    {
      name: 'attempts past the deadline logged delivered',
      value: lateDelivered.length,
      target: '= 0',
      pass: lateDelivered.length === 0 && timedOut > 0,
    },
  ];
  for (const t of targets) say(`  target ${t.name}: ${t.value} (${t.target}) ${t.pass ? 'met' : 'NOT met'}`);
  if (values.json) {
    process.stdout.write(
      JSON.stringify({ bench: 'noisy-neighbour', settings, results, targets }, null, 2) + '\n',
    );
  }
}
