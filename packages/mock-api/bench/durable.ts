import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { forkTarget } from './child-target';
import type { DurableTarget, TargetUsage } from './durable-target';
import { ENGINES, HTTP_WORKLOADS, measureDeliveries, measureHttp, request } from './durable-workloads';
import type { Engine, Running, Settings, Workload } from './durable-workloads';

/**
 * The durable store (issue #20) against the in-memory one, side by side in one run: two mock servers
 * in child processes, the same seeded RMAs in each, one on memory and one on SQLite in a temporary
 * folder (WAL, synchronous=NORMAL). Each workload is measured in rounds that alternate between the
 * two, in turns that swap order every round, so that the machine's noise hits both alike; the medians
 * and their ratio, durable / in-memory, are reported against the issue's targets. Then the durable
 * store's size on disk and each server's RSS.
 * Run: npm run bench -w packages/mock-api -- durable [--json] [--size 10000] [--rounds 5] [--duration 2]
 *      [--connections 10] [--burst 20000]
 */

interface Usage {
  engine: Engine;
  rssMb: number;
  maxRssMb: number;
  heapUsedMb: number;
}

const MB = 1024 * 1024;

/** The folder's files and their total size, in bytes. */
function sizeOnDisk(dir: string): { bytes: number; files: Record<string, number> } {
  const files = Object.fromEntries(readdirSync(dir).map((name) => [name, statSync(join(dir, name)).size]));
  return { bytes: Object.values(files).reduce((a, b) => a + b, 0), files };
}

export async function run(argv: string[] = []): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      json: { type: 'boolean', default: false },
      size: { type: 'string', default: '10000' },
      rounds: { type: 'string', default: '5' },
      duration: { type: 'string', default: '2' },
      connections: { type: 'string', default: '10' },
      burst: { type: 'string', default: '20000' },
    },
  });
  const settings: Settings = {
    size: Number(values.size),
    rounds: Number(values.rounds),
    duration: Number(values.duration),
    connections: Number(values.connections),
    burst: Number(values.burst),
  };
  for (const [name, value] of Object.entries(settings)) {
    if (!Number.isInteger(value) || value <= 0) throw new Error(`--${name} must be a positive whole number`);
  }
  // With --json the table goes to stderr and stdout carries only the JSON, for bench/run.ts.
  const say = (line: string) => (values.json ? process.stderr : process.stdout).write(`${line}\n`);
  const log = (line: string) => process.stderr.write(`${line}\n`);

  const dataDir = mkdtempSync(join(tmpdir(), 'returns-mock-durable-bench-'));
  const children: ChildProcess[] = [];
  const start = async (engine: Engine): Promise<Running> => {
    log(`starting ${engine} with ${settings.size} RMAs…`);
    const args =
      engine === 'durable' ? ['sqlite', String(settings.size), dataDir] : ['memory', String(settings.size)];
    // The memory reducer would compact an idle heap while the other side is being measured.
    const { child, ready } = await forkTarget<DurableTarget>(require.resolve('./durable-target'), args, [
      '--expose-gc',
      '--no-memory-reducer',
    ]);
    children.push(child);
    return { child, target: ready };
  };
  try {
    const sides: Record<Engine, Running> = {
      'in-memory': await start('in-memory'),
      durable: await start('durable'),
    };
    const workloads: Workload[] = [];
    for (const workload of HTTP_WORKLOADS) workloads.push(await measureHttp(sides, workload, settings, log));
    workloads.push(await measureDeliveries(sides, settings, log));

    const usage: Usage[] = [];
    for (const engine of ENGINES) {
      const u = await request<TargetUsage>(sides[engine], 'usage');
      usage.push({
        engine,
        rssMb: u.memory.rss / MB,
        maxRssMb: u.maxRss / MB,
        heapUsedMb: u.memory.heapUsed / MB,
      });
    }
    const open = sizeOnDisk(dataDir);
    for (const engine of ENGINES) {
      await new Promise((resolve) => {
        sides[engine].child.once('exit', resolve);
        sides[engine].child.send('close');
      });
    }
    const closed = sizeOnDisk(dataDir);
    const disk = { openBytes: open.bytes, openFiles: open.files, closedBytes: closed.bytes };

    say(
      `durable (SQLite, WAL, synchronous=NORMAL) vs in-memory store, side by side in one run: ${settings.size} seeded RMAs each, ` +
        `${settings.rounds} alternating rounds per workload (HTTP: ${settings.duration} s, ${settings.connections} connections; deliveries: bursts of ${settings.burst}), medians`,
    );
    for (const w of workloads) {
      say(
        `  ${w.name} (${w.what}): in-memory ${Math.round(w.inMemory.median)} ${w.unit}, durable ${Math.round(w.durable.median)} ${w.unit}: ` +
          `${w.ratio.toFixed(2)}× (target ${w.target}) ${w.pass ? 'met' : 'NOT met'}`,
      );
    }
    for (const u of usage) {
      say(
        `  ${u.engine}: RSS ${u.rssMb.toFixed(0)} MB at the end (peak ${u.maxRssMb.toFixed(0)} MB), heap ${u.heapUsedMb.toFixed(0)} MB`,
      );
    }
    say(
      `  durable store on disk: ${(disk.openBytes / MB).toFixed(1)} MB while open (${Object.entries(
        disk.openFiles,
      )
        .map(([name, bytes]) => `${name} ${(bytes / MB).toFixed(1)} MB`)
        .join(', ')}), ${(disk.closedBytes / MB).toFixed(1)} MB once closed (WAL checkpointed)`,
    );
    if (values.json) {
      process.stdout.write(
        JSON.stringify({ bench: 'durable-store', settings, workloads, usage, disk }, null, 2) + '\n',
      );
    }
    const failed = (side: Workload['durable']) => (side.non2xx ?? 0) + (side.errors ?? 0);
    const failedRequests = workloads.some((w) => failed(w.inMemory) + failed(w.durable) > 0);
    if (failedRequests) process.exitCode = 1;
  } finally {
    for (const child of children) child.kill();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
