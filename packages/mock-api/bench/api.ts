import type { ChildProcess } from 'node:child_process';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Target } from './api-targets';
import { alternatingRounds, ask, forkTarget } from './child-target';
import { median } from './stats';

interface Measurement {
  target: string;
  /** The median over rounds. */
  requestsPerSecond: number;
  p99Ms: number;
  rounds: number[];
  non2xx: number;
  errors: number;
}

interface Ratio {
  name: string;
  value: number;
  target: string;
  pass: boolean;
}

interface Started {
  child: ChildProcess;
  target: Target;
}

interface Options {
  duration: number;
  connections: number;
  rounds: number;
}

/**
 * Starts a target child and waits for its URL. The heap is sized for 100,000 RMAs with their events;
 * V8's memory reducer is off because it compacts an idle heap, and a target idles while the others
 * are measured, so it would compact the 100,000-RMA heap in the middle of some later measurement.
 */
async function startTarget(args: string[]): Promise<Started> {
  const { child, ready } = await forkTarget<Target>(require.resolve('./api-targets'), args, [
    '--expose-gc',
    '--no-memory-reducer',
    '--max-old-space-size=4096',
    '--max-semi-space-size=64',
  ]);
  return { child, target: ready };
}

/** Has the target collect its garbage now, not in the background during the next measurement. */
async function settle({ child }: Started): Promise<void> {
  await ask(child, 'settle');
}

async function load(target: Target, options: Options, duration: number) {
  const { url, headers } = target;
  return autocannon({ url, headers, connections: options.connections, duration });
}

/**
 * Every target is up before any is measured, then the rounds go through all targets in turn (see
 * `alternatingRounds`); the median round counts.
 */
async function measureAll(targets: [string, Started][], options: Options, log: (l: string) => void) {
  for (const [name, started] of targets) {
    log(`warming ${name}…`);
    await load(started.target, options, 1);
    await settle(started);
  }
  const byName = new Map(targets);
  const runs = await alternatingRounds(
    targets.map(([name]) => name),
    options.rounds,
    async (name, round) => {
      log(`round ${round}: ${name}…`);
      const started = byName.get(name)!;
      const result = await load(started.target, options, options.duration);
      await settle(started);
      return result;
    },
  );
  return targets.map(([name]): Measurement => {
    const results = runs.get(name)!;
    return {
      target: name,
      requestsPerSecond: median(results.map((r) => r.requests.average)),
      p99Ms: median(results.map((r) => r.latency.p99)),
      rounds: results.map((r) => r.requests.average),
      non2xx: results.reduce((n, r) => n + r.non2xx, 0),
      errors: results.reduce((n, r) => n + r.errors, 0),
    };
  });
}

export async function run(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      json: { type: 'boolean', default: false },
      duration: { type: 'string', default: '2' },
      connections: { type: 'string', default: '10' },
      rounds: { type: 'string', default: '5' },
    },
  });
  const options: Options = {
    duration: Number(values.duration),
    connections: Number(values.connections),
    rounds: Number(values.rounds),
  };
  if (!Object.values(options).every((n) => Number.isInteger(n) && n > 0)) {
    throw new Error('--duration, --connections and --rounds must be positive whole numbers');
  }
  const log = (line: string) => values.json || process.stderr.write(`${line}\n`);

  const children: ChildProcess[] = [];
  const dataDir = mkdtempSync(join(tmpdir(), 'returns-mock-bench-'));
  const start = async (name: string, args: string[]): Promise<[string, Started]> => {
    log(`starting ${name}…`);
    const started = await startTarget(args);
    children.push(started.child);
    return [name, started];
  };
  try {
    const targets: [string, Started][] = [await start('bare', ['bare'])];
    for (const [label, size] of [
      ['10k', 10_000],
      ['100k', 100_000],
    ] as const) {
      const file = join(dataDir, `rmas-${size}.json`);
      targets.push(await start(`mock ${label}`, ['mock', String(size), file]));
      targets.push(await start(`json-server ${label}`, ['json-server', file]));
    }
    const measurements = await measureAll(targets, options, log);
    const rps = (name: string) => measurements.find((m) => m.target === name)!.requestsPerSecond;
    const ratios: Ratio[] = [
      ratio('mock 10k / bare route', rps('mock 10k') / rps('bare'), 0.7),
      ratio('mock 10k / json-server 10k', rps('mock 10k') / rps('json-server 10k'), 3),
      ratio('mock 100k / json-server 100k', rps('mock 100k') / rps('json-server 100k'), 3),
      ratio('mock 100k / mock 10k', rps('mock 100k') / rps('mock 10k'), 0.85),
    ];
    process.stdout.write(
      values.json
        ? `${JSON.stringify({ options, measurements, ratios }, null, 2)}\n`
        : markdown(measurements, ratios, options),
    );
    if (measurements.some((m) => m.non2xx > 0 || m.errors > 0)) process.exitCode = 1;
  } finally {
    for (const child of children) child.kill();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const ratio = (name: string, value: number, min: number): Ratio => ({
  name,
  value,
  target: `≥ ${min}`,
  pass: value >= min,
});

function markdown(measurements: Measurement[], ratios: Ratio[], options: Options): string {
  return [
    `GET /external/v1/rmas?limit=25 (json-server: /rmas?_limit=25); ${options.connections} connections,`,
    `${options.rounds} rounds of ${options.duration} s per target, median round shown`,
    '',
    '| target | requests/s | p99 (ms) | rounds (requests/s) | non-2xx | errors |',
    '| --- | ---: | ---: | --- | ---: | ---: |',
    ...measurements.map(
      (m) =>
        `| ${m.target} | ${Math.round(m.requestsPerSecond)} | ${m.p99Ms} | ${m.rounds.map(Math.round).join(', ')} | ${m.non2xx} | ${m.errors} |`,
    ),
    '',
    '| ratio | value | target | |',
    '| --- | ---: | ---: | --- |',
    ...ratios.map((r) => `| ${r.name} | ${r.value.toFixed(2)} | ${r.target} | ${r.pass ? 'pass' : 'FAIL'} |`),
    '',
  ].join('\n');
}
