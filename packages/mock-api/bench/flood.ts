import type { ChildProcess } from 'node:child_process';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { ask, forkTarget } from './child-target';
import type { FloodTarget } from './flood-target';

/**
 * The replay flood (issue #17, item 2) on loopback: one client with 100 subscriptions over a
 * 2,000-event log makes 500 replay calls (each a window of 2,000 events), 10 at a time; the issue
 * measured 1,000,000 jobs queued, 110 MB → 1.2 GB, reads at p50 41 ms / max 364 ms for five minutes.
 * Reads (GET /external/v1/rmas?limit=25) are timed before the flood (the baseline) and while its
 * deliveries drain; the server's memory is sampled throughout. Twice: with the contract's limits,
 * and with the replay rate limit off (the per-client backlog cap alone).
 * Run: npm run bench -w packages/mock-api -- flood [--json] [--calls 500] [--seconds 5]
 */

const TARGET_MEMORY_MB = 300;
const TARGET_READ_P99_MS = 25;
const MB = 1024 * 1024;

interface Child {
  child: ChildProcess;
  target: FloodTarget;
}

async function startTarget(mode: 'limited' | 'unlimited'): Promise<Child> {
  const { child, ready } = await forkTarget<FloodTarget>(
    require.resolve('./flood-target'),
    [mode],
    ['--expose-gc'],
  );
  return { child, target: ready };
}

async function reads(target: FloodTarget, seconds: number) {
  const result = await autocannon({
    url: `${target.url}/external/v1/rmas?limit=25`,
    headers: { 'x-api-key': target.apiKey },
    connections: 10,
    duration: seconds,
  });
  return {
    p50: result.latency.p50,
    p99: result.latency.p99,
    max: result.latency.max,
    perSecond: result.requests.average,
  };
}

async function flood(mode: 'limited' | 'unlimited', calls: number, seconds: number) {
  const { child, target } = await startTarget(mode);
  const before = await reads(target, seconds);
  const idle = (await ask<{ memory: NodeJS.MemoryUsage }>(child, 'memory')).memory;

  let peakRss = idle.rss;
  let peakPending = 0;
  let sampling = true;
  const sampler = (async () => {
    while (sampling) {
      const s = await ask<{ memory: NodeJS.MemoryUsage; pending: number }>(child, 'sample');
      peakRss = Math.max(peakRss, s.memory.rss);
      peakPending = Math.max(peakPending, s.pending);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  })();

  const statuses: Record<string, number> = {};
  let queued = 0;
  let next = 0;
  const window = { start_time: '2000-01-01T00:00:00Z', end_time: '2100-01-01T00:00:00Z' };
  const caller = async () => {
    while (next < calls) {
      const hook = target.hooks[next++ % target.hooks.length]!;
      const res = await fetch(`${target.url}/external/v1/webhooks/${hook}/replay`, {
        method: 'POST',
        headers: { 'x-api-key': target.apiKey, 'content-type': 'application/json' },
        body: JSON.stringify(window),
      });
      const body = (await res.json()) as { replayed?: number };
      statuses[res.status] = (statuses[res.status] ?? 0) + 1;
      queued += body.replayed ?? 0;
    }
  };
  await Promise.all(Array.from({ length: 10 }, caller));
  const during = await reads(target, seconds);
  sampling = false;
  await sampler;
  await new Promise((resolve) => {
    child.once('exit', resolve);
    child.send('close');
  });
  return {
    mode,
    before,
    during,
    idleRssMb: idle.rss / MB,
    peakRssMb: peakRss / MB,
    peakPending,
    queued,
    statuses,
  };
}

export async function run(argv: string[] = []): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      json: { type: 'boolean', default: false },
      calls: { type: 'string', default: '500' },
      seconds: { type: 'string', default: '5' },
    },
  });
  const calls = Number(values.calls);
  const seconds = Number(values.seconds);
  if (!Number.isInteger(calls) || calls <= 0) throw new Error('--calls must be a positive whole number');
  if (!Number.isInteger(seconds) || seconds <= 0)
    throw new Error('--seconds must be a positive whole number');
  const say = (line: string) => (values.json ? process.stderr : process.stdout).write(`${line}\n`);
  say(
    `replay flood on loopback: 1 client, 100 subscriptions, 2,000 events in the log, ${calls} replay calls 10 at a time; reads GET /external/v1/rmas?limit=25, 10 connections, ${seconds} s before and during the drain`,
  );
  const results = [];
  for (const mode of ['limited', 'unlimited'] as const) {
    const r = await flood(mode, calls, seconds);
    results.push(r);
    say(
      `  ${mode === 'limited' ? 'contract limits' : 'rate limit off, backlog cap only'}: answers ${JSON.stringify(r.statuses)}, ${r.queued} jobs queued (peak pending ${r.peakPending}); RSS ${r.idleRssMb.toFixed(0)} MB idle, ${r.peakRssMb.toFixed(0)} MB peak; reads p99 ${r.before.p99} ms before, ${r.during.p99} ms during (p50 ${r.during.p50}, max ${r.during.max})`,
    );
  }
  const targets = results.flatMap((r) => [
    {
      name: `${r.mode}: peak RSS MB`,
      value: Number(r.peakRssMb.toFixed(0)),
      target: `< ${TARGET_MEMORY_MB}`,
      pass: r.peakRssMb < TARGET_MEMORY_MB,
    },
    {
      name: `${r.mode}: read p99 ms during the drain`,
      value: r.during.p99,
      target: `< ${TARGET_READ_P99_MS}`,
      pass: r.during.p99 < TARGET_READ_P99_MS,
    },
    {
      name: `${r.mode}: read p99 during / before`,
      value: Number((r.during.p99 / Math.max(1, r.before.p99)).toFixed(2)),
      target: '(reported)',
      pass: true,
    },
  ]);
  for (const t of targets) say(`  target ${t.name}: ${t.value} (${t.target}) ${t.pass ? 'met' : 'NOT met'}`);
  if (values.json) {
    process.stdout.write(
      JSON.stringify({ bench: 'replay-flood', calls, seconds, results, targets }, null, 2) + '\n',
    );
  }
}
