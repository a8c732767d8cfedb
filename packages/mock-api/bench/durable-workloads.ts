import type { ChildProcess, Serializable } from 'node:child_process';
import autocannon from 'autocannon';
import { alternatingRounds, ask } from './child-target';
import type { DurableTarget } from './durable-target';
import { median } from './stats';

/**
 * The durable bench's workloads, each measured on both stores in alternating rounds (see
 * `alternatingRounds`) and compared against the target for durable / in-memory.
 */

export const ENGINES = ['in-memory', 'durable'] as const;
export type Engine = (typeof ENGINES)[number];
const SUBSCRIBERS = 10;

/** A trade return as an integration would send it. */
const CREATION_BODY = JSON.stringify({
  customer: { email: 'ada.lovelace@example.com', name: 'Ada Lovelace' },
  items: [{ sku: 'SKU-1042', quantity: 1, reason: 'Wrong size', unit_price: 19.99 }],
  external_reference: 'ERP-BENCH',
});

interface HttpWorkload {
  name: string;
  method: 'GET' | 'POST';
  path: string;
  body?: string;
  /** The target for durable / in-memory. */
  target: number;
}

/** The targets: list reads ≥ 0.7×, creations (limit off) ≥ 0.3×, deliveries ≥ 0.5× in-memory. */
export const HTTP_WORKLOADS: HttpWorkload[] = [
  { name: 'list reads', method: 'GET', path: '/external/v1/rmas?limit=50', target: 0.7 },
  {
    // The in-memory store walks its RMAs newest first until the page is full; SQLite reads an index.
    name: 'filtered list reads',
    method: 'GET',
    path: '/external/v1/rmas?status=IN_TRANSIT&limit=50',
    target: 0.7,
  },
  {
    name: 'creations (rate limit off)',
    method: 'POST',
    path: '/external/v1/trade-returns',
    body: CREATION_BODY,
    target: 0.3,
  },
];
const DELIVERY_TARGET = 0.5;

export interface Settings {
  size: number;
  rounds: number;
  duration: number;
  connections: number;
  burst: number;
}

interface Side {
  /** The median round. */
  median: number;
  rounds: number[];
  p99Ms?: number;
  non2xx?: number;
  errors?: number;
}

export interface Workload {
  name: string;
  what: string;
  unit: string;
  inMemory: Side;
  durable: Side;
  ratio: number;
  target: string;
  pass: boolean;
}

export interface Running {
  child: ChildProcess;
  target: DurableTarget;
}

export async function request<T>(side: Running, message: Serializable): Promise<T> {
  return (await ask<{ result: T }>(side.child, message)).result;
}

function load(side: Running, workload: HttpWorkload, settings: Settings, duration: number) {
  return autocannon({
    url: `${side.target.url}${workload.path}`,
    method: workload.method,
    headers: { 'x-api-key': side.target.apiKey, 'content-type': 'application/json' },
    ...(workload.body === undefined ? {} : { body: workload.body }),
    connections: settings.connections,
    duration,
  });
}

function compare(
  name: string,
  what: string,
  unit: string,
  results: Map<string, number[]>,
  target: number,
  extra: (engine: Engine) => Partial<Side> = () => ({}),
): Workload {
  const side = (engine: Engine): Side => ({
    median: median(results.get(engine)!),
    rounds: results.get(engine)!,
    ...extra(engine),
  });
  const inMemory = side('in-memory');
  const durable = side('durable');
  const ratio = durable.median / inMemory.median;
  return { name, what, unit, inMemory, durable, ratio, target: `≥ ${target}`, pass: ratio >= target };
}

export async function measureHttp(
  sides: Record<Engine, Running>,
  workload: HttpWorkload,
  settings: Settings,
  log: (line: string) => void,
): Promise<Workload> {
  for (const engine of ENGINES) {
    log(`warming ${engine}: ${workload.name}…`);
    await load(sides[engine], workload, settings, 1);
    await request(sides[engine], 'settle');
  }
  const runs = await alternatingRounds(ENGINES, settings.rounds, async (engine, round) => {
    log(`round ${round}: ${engine}, ${workload.name}…`);
    const result = await load(sides[engine], workload, settings, settings.duration);
    await request(sides[engine], 'settle');
    return result;
  });
  const perSecond = new Map([...runs].map(([engine, rs]) => [engine, rs.map((r) => r.requests.average)]));
  return compare(
    workload.name,
    `${workload.method} ${workload.path}`,
    'req/s',
    perSecond,
    workload.target,
    (engine) => {
      const rs = runs.get(engine)!;
      return {
        p99Ms: median(rs.map((r) => r.latency.p99)),
        non2xx: rs.reduce((n, r) => n + r.non2xx, 0),
        errors: rs.reduce((n, r) => n + r.errors, 0),
      };
    },
  );
}

/** As the delivery bench measures them: bursts of state changes, timed to the last receipt. */
export async function measureDeliveries(
  sides: Record<Engine, Running>,
  settings: Settings,
  log: (line: string) => void,
): Promise<Workload> {
  const events = Math.ceil(settings.burst / SUBSCRIBERS);
  for (const engine of ENGINES) {
    log(`warming ${engine}: deliveries…`);
    await request(sides[engine], { rig: SUBSCRIBERS });
    // The first burst warms the JIT up and is not counted.
    await request(sides[engine], { burst: events });
    await request(sides[engine], 'settle');
  }
  const runs = await alternatingRounds(ENGINES, settings.rounds, async (engine, round) => {
    log(`round ${round}: ${engine}, deliveries…`);
    const perSecond = await request<number>(sides[engine], { burst: events });
    await request(sides[engine], 'settle');
    return perSecond;
  });
  return compare(
    `deliveries to ${SUBSCRIBERS} subscribers`,
    `bursts of ${events * SUBSCRIBERS} signed deliveries (hmac-sha256) from state changes to receipt`,
    'deliveries/s',
    runs,
    DELIVERY_TARGET,
  );
}
