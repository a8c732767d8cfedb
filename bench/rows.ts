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
