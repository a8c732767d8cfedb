/** One line of the results table: a figure, what it is compared with, and the ratio (higher is better). */
export interface Row {
  benchmark: string;
  measurement: string;
  figure: string;
  baseline: string;
  ratio: number | null;
  /** The ratio a package's own benchmark expects, e.g. `≥ 0.7`; `pass` says whether it was met. */
  target?: string;
  pass?: boolean;
  /** The section of bench/RESULTS.md it belongs to; the first table when not given. */
  section?: string;
}

/** Parses what one package benchmark printed into table rows; throws, naming what is missing, if the output changed. */
export type Parser = (stdout: string) => Row[];

const fmt = (n: number) => Math.round(n).toLocaleString('en');

interface VerifyOutput {
  results: { scheme: string; name: string; kind: string; ops_per_sec: number; vs_baseline: number }[];
  targets: { name: string; value: number; target: string; pass: boolean }[];
}

export const parseVerify: Parser = (stdout) => {
  const { results, targets } = JSON.parse(stdout) as VerifyOutput;
  if (!Array.isArray(results) || !Array.isArray(targets))
    throw new Error('verify bench: no "results" or "targets" array in its JSON');
  const benchmark = 'webhook verification (2 KB body, per CPU-second)';
  return [
    ...results.map((r) => ({
      benchmark,
      measurement: `${r.scheme}: ${r.name}`,
      figure: `${fmt(r.ops_per_sec)} verifications/s`,
      baseline: r.kind === 'baseline' ? '(is the baseline)' : `bare node:crypto, ${r.scheme}`,
      ratio: r.vs_baseline,
    })),
    ...targets.map((t) => ({
      benchmark,
      measurement: `ratio ${t.name}`,
      figure: '',
      baseline: t.name.split(' / ')[1] ?? '',
      ratio: t.value,
      target: t.target,
      pass: t.pass,
    })),
  ];
};

interface ApiOutput {
  options: { duration: number; connections: number; rounds: number };
  measurements: {
    target: string;
    requestsPerSecond: number;
    p99Ms: number;
    non2xx: number;
    errors: number;
  }[];
  ratios: { name: string; value: number; target: string; pass: boolean }[];
}

export const parseApi: Parser = (stdout) => {
  const { options, measurements, ratios } = JSON.parse(stdout) as ApiOutput;
  if (!Array.isArray(measurements) || !Array.isArray(ratios))
    throw new Error('api bench: no "measurements" or "ratios" in its JSON');
  const benchmark = `GET /external/v1/rmas?limit=25, ${options.connections} connections, median of ${options.rounds} × ${options.duration} s`;
  const bare = measurements.find((m) => m.target === 'bare');
  return [
    ...measurements.map((m) => ({
      benchmark,
      measurement: m.target,
      figure: `${fmt(m.requestsPerSecond)} req/s, p99 ${m.p99Ms} ms, ${m.non2xx} non-2xx, ${m.errors} errors`,
      baseline: m.target === 'bare' ? '(is the baseline)' : 'bare fastify route',
      ratio: bare ? Number((m.requestsPerSecond / bare.requestsPerSecond).toFixed(3)) : null,
    })),
    ...ratios.map((r) => ({
      benchmark,
      measurement: `ratio ${r.name}`,
      figure: '',
      baseline: r.name.split(' / ')[1] ?? '',
      ratio: Number(r.value.toFixed(3)),
      target: r.target,
      pass: r.pass,
    })),
  ];
};

interface DeliveryOutput {
  baseline: string;
  settings: { burst: number; rounds: number; rate: number };
  scenarios: {
    subscribers: number;
    perSecond: number;
    barePerSecond: number;
    vsBare: number;
    eventRate: number;
    p50: number;
    p99: number;
  }[];
  targets: { name: string; value: number; target: string; pass: boolean }[];
}

export const parseDelivery: Parser = (stdout) => {
  const { baseline, settings, scenarios, targets } = JSON.parse(stdout) as DeliveryOutput;
  if (!Array.isArray(scenarios) || !Array.isArray(targets))
    throw new Error('delivery bench: no "scenarios" or "targets" array in its JSON');
  const benchmark = 'webhook delivery on loopback (hmac-sha256, keep-alive)';
  return [
    ...scenarios.flatMap((r) => [
      {
        benchmark,
        measurement: `${r.subscribers} subscriber(s): burst throughput`,
        figure: `${fmt(r.perSecond)} signed deliveries/s (median of ${settings.rounds} bursts of ${settings.burst}; baseline ${fmt(r.barePerSecond)}/s)`,
        baseline,
        ratio: Number(r.vsBare.toFixed(3)),
      },
      {
        benchmark,
        measurement: `${r.subscribers} subscriber(s): state change → receipt at ${settings.rate} deliveries/s`,
        figure: `p50 ${r.p50.toFixed(1)} ms, p99 ${r.p99.toFixed(1)} ms`,
        baseline: '',
        ratio: null,
      },
    ]),
    ...targetRows(benchmark, targets),
  ];
};

interface TargetsOutput {
  targets: { name: string; value: number; target: string; pass: boolean }[];
}

/** The target rows every bench prints the same way. */
function targetRows(benchmark: string, targets: TargetsOutput['targets']): Row[] {
  return targets.map((t) => ({
    benchmark,
    measurement: `target ${t.name}`,
    figure: String(t.value),
    baseline: '',
    ratio: null,
    target: t.target,
    pass: t.pass,
  }));
}

interface TenancyOutput extends TargetsOutput {
  settings: { seconds: number; rate: number };
  results: { name: string; deliveries: number; p50: number; p99: number; max: number }[];
}

export const parseTenancy: Parser = (stdout) => {
  const { settings, results, targets } = JSON.parse(stdout) as TenancyOutput;
  if (!Array.isArray(results) || !Array.isArray(targets))
    throw new Error('tenancy bench: no "results" or "targets" array in its JSON');
  const benchmark = `noisy neighbour: client B at ${settings.rate} events/s for ${settings.seconds} s beside client A's 100 trickling subscriptions and replays`;
  const alone = results[0];
  return [
    ...results.map((r) => ({
      benchmark,
      measurement: `${r.name}: state change → receipt`,
      figure: `${r.deliveries} deliveries, p50 ${r.p50.toFixed(1)} ms, p99 ${r.p99.toFixed(1)} ms, max ${r.max.toFixed(1)} ms`,
      baseline: r === alone ? '(is the baseline)' : 'client B alone, same run',
      ratio: alone ? Number((alone.p99 / r.p99).toFixed(3)) : null,
    })),
    ...targetRows(benchmark, targets),
  ];
};

interface FloodOutput extends TargetsOutput {
  calls: number;
  results: {
    mode: string;
    before: { p99: number };
    during: { p50: number; p99: number; max: number };
    idleRssMb: number;
    peakRssMb: number;
    queued: number;
    statuses: Record<string, number>;
  }[];
}

export const parseFlood: Parser = (stdout) => {
  const { calls, results, targets } = JSON.parse(stdout) as FloodOutput;
  if (!Array.isArray(results) || !Array.isArray(targets))
    throw new Error('flood bench: no "results" or "targets" array in its JSON');
  const benchmark = `replay flood: ${calls} replay calls by one client with 100 subscriptions over 2,000 events`;
  return [
    ...results.map((r) => ({
      benchmark,
      measurement: `${r.mode}: reads while the replays drain`,
      figure: `answers ${JSON.stringify(r.statuses)}, ${fmt(r.queued)} jobs; RSS ${fmt(r.idleRssMb)} → ${fmt(r.peakRssMb)} MB; read p99 ${r.before.p99} → ${r.during.p99} ms`,
      baseline: 'reads before the flood, same run',
      ratio: Number((r.before.p99 / Math.max(1, r.during.p99)).toFixed(3)),
    })),
    ...targetRows(benchmark, targets),
  ];
};

interface DurableOutput {
  settings: { size: number; rounds: number; duration: number; connections: number; burst: number };
  workloads: {
    name: string;
    what: string;
    unit: string;
    inMemory: { median: number; p99Ms?: number; non2xx?: number; errors?: number };
    durable: { median: number; p99Ms?: number; non2xx?: number; errors?: number };
    ratio: number;
    target: string;
    pass: boolean;
  }[];
  usage: { engine: string; rssMb: number; maxRssMb: number; heapUsedMb: number }[];
  disk: { openBytes: number; openFiles: Record<string, number>; closedBytes: number };
}

const MB = 1024 * 1024;

export const parseDurable: Parser = (stdout) => {
  const { settings, workloads, usage, disk } = JSON.parse(stdout) as DurableOutput;
  if (!Array.isArray(workloads) || !Array.isArray(usage) || !disk)
    throw new Error('durable bench: no "workloads", "usage" or "disk" in its JSON');
  const benchmark = `SQLite store vs in-memory, side by side: ${fmt(settings.size)} seeded RMAs each, median of ${settings.rounds} alternating rounds`;
  const side = (s: DurableOutput['workloads'][number]['durable'], unit: string) =>
    `${fmt(s.median)} ${unit}${s.p99Ms === undefined ? '' : `, p99 ${s.p99Ms} ms, ${(s.non2xx ?? 0) + (s.errors ?? 0)} failed`}`;
  const memory = (engine: string) => {
    const u = usage.find((x) => x.engine === engine)!;
    return `${engine} ${fmt(u.rssMb)} MB (peak ${fmt(u.maxRssMb)} MB)`;
  };
  return [
    ...workloads.map((w) => ({
      benchmark,
      measurement: `${w.name}: ${w.what}`,
      figure: `durable ${side(w.durable, w.unit)}; in-memory ${side(w.inMemory, w.unit)}`,
      baseline: 'in-memory store, same run',
      ratio: Number(w.ratio.toFixed(3)),
      target: w.target,
      pass: w.pass,
    })),
    {
      benchmark,
      measurement: 'RSS at the end of the run (after a GC)',
      figure: usage.map((u) => memory(u.engine)).join('; '),
      baseline: '',
      ratio: null,
    },
    {
      benchmark,
      measurement: 'the durable store on disk after the run',
      figure:
        `${(disk.openBytes / MB).toFixed(1)} MB while open (` +
        Object.entries(disk.openFiles)
          .map(([name, bytes]) => `${name} ${(bytes / MB).toFixed(1)} MB`)
          .join(', ') +
        `), ${(disk.closedBytes / MB).toFixed(1)} MB once closed`,
      baseline: '',
      ratio: null,
    },
  ];
};

interface InstallOutput {
  node: string;
  npm: string;
  engine: string;
  npmCiSeconds: number;
  rebuildSeconds: number;
  engineShare: number;
}

export const parseInstall: Parser = (stdout) => {
  const r = JSON.parse(stdout) as InstallOutput;
  if (typeof r.npmCiSeconds !== 'number' || typeof r.rebuildSeconds !== 'number')
    throw new Error('install bench: no "npmCiSeconds" or "rebuildSeconds" in its JSON');
  const benchmark = `install from a fresh clone (empty npm cache, fresh HOME), Node ${r.node}, npm ${r.npm}`;
  return [
    {
      benchmark,
      measurement: `npm ci, ${r.engine} built from source`,
      figure: `${r.npmCiSeconds.toFixed(1)} s`,
      baseline: '',
      ratio: null,
    },
    {
      benchmark,
      measurement: `npm rebuild ${r.engine}: the engine's share`,
      figure: `${r.rebuildSeconds.toFixed(1)} s, ${(100 * r.engineShare).toFixed(0)}% of npm ci`,
      baseline: '',
      ratio: null,
    },
  ];
};
