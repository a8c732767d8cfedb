import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { epochMs, median, percentile } from './stats';
import { createDeliveryService } from '../src/delivery';
import { OUTBOX_DEFAULTS } from '../src/delivery/outbox';
import { createServices } from '../src/domain/services';
import { BASELINE_NAME, bareDeliveriesPerSecond } from './delivery-baseline';
import { SUBJECTS, startDeliveryRig } from './delivery-rig';

/**
 * Webhook delivery on loopback, from a state change in the domain (an event appended to the event
 * log, which hands it to delivery) to its receipt by a receiver in another thread, for 1 and 10
 * subscribers: signed deliveries per second on a burst, each burst followed by one of the bare
 * baseline to the same receivers, then p50/p99 latency at a steady rate.
 * Run: npm run bench -w packages/mock-api -- delivery [--json] [--burst 20000] [--rounds 3] [--rate 1000] [--seconds 3]
 */

/**
 * The issues' targets: deliveries per second with 10 subscribers, and the same against the bare loop
 * measured in the same run (#17: fairness must not cost throughput), and p99 at the steady rate.
 */
const TARGET_PER_SECOND = 6000;
const TARGET_VS_BARE = 0.7;
const TARGET_P99_MS = 25;

interface Settings {
  burst: number;
  rounds: number;
  rate: number;
  seconds: number;
}

async function scenario(subscribers: number, settings: Settings) {
  const services = createServices();
  const delivery = createDeliveryService({
    clock: services.clock,
    eventsBetween: (start, end) => services.events.listBetween(start, end),
    maxPendingPerSubscription: 1_000_000,
  });
  services.events.subscribe((event) => delivery.publish(event));
  // Warms up on its subjects' creations, each a state change that emits return.created.
  const rig = await startDeliveryRig(services, delivery, { subscribers, ownerId: 'cli_bench' });

  const changedAt = new Map<string, number>();
  const latencies: number[] = [];
  rig.onReceipt((id, at) => {
    const sent = changedAt.get(id);
    if (sent !== undefined) latencies.push(at - sent);
  });

  // Latency at a steady rate of deliveries, state changes made in small steps as time passes; measured
  // before the bursts, while the event log (kept in memory, RMA snapshots and all) is still small.
  const eventRate = settings.rate / subscribers;
  const total = Math.round(eventRate * settings.seconds);
  rig.resetReceipts();
  const steadyStart = performance.now();
  let made = 0;
  await new Promise<void>((resolve) => {
    const step = () => {
      const due = Math.min(total, Math.floor(((performance.now() - steadyStart) * eventRate) / 1000));
      for (; made < due; made++) {
        const at = epochMs();
        changedAt.set(rig.stateChange().id, at);
      }
      if (made < total) setTimeout(step, 1);
      else resolve();
    };
    step();
  });
  await rig.receiptsReach(total * subscribers);
  latencies.sort((a, b) => a - b);

  // Throughput: bursts of state changes, all made at once, each followed by a burst of the baseline
  // with the outbox's concurrency; the first round warms the JIT up and is not counted, the median
  // of the others is, and of the ratio within each round.
  const events = Math.ceil(settings.burst / subscribers);
  // What the outbox lets one API client have on the wire: its fairness share.
  const concurrency = Math.min(
    OUTBOX_DEFAULTS.maxConcurrency,
    OUTBOX_DEFAULTS.maxConcurrencyPerClient,
    OUTBOX_DEFAULTS.maxConcurrencyPerSubscription * subscribers,
  );
  const rates: number[] = [];
  const bares: number[] = [];
  const ratios: number[] = [];
  for (let round = 0; round <= settings.rounds; round++) {
    const rate = await rig.burst(events);
    rig.resetReceipts();
    const bare = await bareDeliveriesPerSecond(
      rig.urls,
      events * subscribers,
      concurrency,
      OUTBOX_DEFAULTS.maxConcurrencyPerSubscription,
    );
    // The receivers report in batches: the next burst must not count the baseline's receipts.
    await rig.receiptsReach(events * subscribers);
    if (round > 0) {
      rates.push(rate);
      bares.push(bare);
      ratios.push(rate / bare);
    }
  }

  await delivery.close();
  services.stop();
  await rig.close();
  return {
    subscribers,
    perSecond: median(rates),
    barePerSecond: median(bares),
    vsBare: median(ratios),
    eventRate,
    p50: percentile(latencies, 0.5),
    p99: percentile(latencies, 0.99),
  };
}

export async function run(argv: string[] = []): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      json: { type: 'boolean', default: false },
      burst: { type: 'string', default: '20000' },
      rounds: { type: 'string', default: '3' },
      rate: { type: 'string', default: '1000' },
      seconds: { type: 'string', default: '3' },
    },
  });
  const settings = {
    burst: Number(values.burst),
    rounds: Number(values.rounds),
    rate: Number(values.rate),
    seconds: Number(values.seconds),
  };
  for (const [name, value] of Object.entries(settings)) {
    if (!Number.isInteger(value) || value <= 0) throw new Error(`--${name} must be a positive whole number`);
  }
  // With --json the table goes to stderr and stdout carries only the JSON, for bench/run.ts.
  const say = (line: string) => (values.json ? process.stderr : process.stdout).write(`${line}\n`);
  say(
    `webhook delivery on loopback: hmac-sha256, keep-alive, ${SUBJECTS} subjects, receivers in a worker thread; baseline: ${BASELINE_NAME}`,
  );
  const scenarios = [];
  for (const subscribers of [1, 10]) {
    const r = await scenario(subscribers, settings);
    scenarios.push(r);
    say(
      `  ${String(subscribers).padStart(2)} subscriber(s): ${Math.round(r.perSecond)} signed deliveries/s, ${r.vsBare.toFixed(2)}× the baseline's ${Math.round(r.barePerSecond)}/s (median of ${settings.rounds} bursts of ${settings.burst}); ` +
        `state change → receipt at ${settings.rate} deliveries/s (${r.eventRate} events/s): p50 ${r.p50.toFixed(1)} ms, p99 ${r.p99.toFixed(1)} ms`,
    );
  }
  const ten = scenarios.find((r) => r.subscribers === 10)!;
  const targets = [
    {
      name: '10 subscribers: signed deliveries/s',
      value: Math.round(ten.perSecond),
      target: `≥ ${TARGET_PER_SECOND}`,
      pass: ten.perSecond >= TARGET_PER_SECOND,
    },
    {
      name: '10 subscribers: signed deliveries/s vs the bare loop',
      value: Number(ten.vsBare.toFixed(2)),
      target: `≥ ${TARGET_VS_BARE}`,
      pass: ten.vsBare >= TARGET_VS_BARE,
    },
    ...scenarios.map((r) => ({
      name: `${r.subscribers} subscriber(s): p99 ms at ${settings.rate} deliveries/s`,
      value: Number(r.p99.toFixed(1)),
      target: `< ${TARGET_P99_MS}`,
      pass: r.p99 < TARGET_P99_MS,
    })),
  ];
  for (const t of targets) say(`  target ${t.name}: ${t.value} (${t.target}) ${t.pass ? 'met' : 'NOT met'}`);
  if (values.json) {
    process.stdout.write(
      JSON.stringify(
        { bench: 'webhook-delivery', baseline: BASELINE_NAME, settings, scenarios, targets },
        null,
        2,
      ) + '\n',
    );
  }
}

if (require.main === module) void run(process.argv.slice(2));
