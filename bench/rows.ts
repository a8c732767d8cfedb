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
}

export const parseVerify: Parser = (stdout) => {
  const { results } = JSON.parse(stdout) as VerifyOutput;
  if (!Array.isArray(results)) throw new Error('verify bench: no "results" array in its JSON');
  return results.map((r) => ({
    benchmark: 'webhook verification (2 KB body, per CPU-second)',
    measurement: `${r.scheme}: ${r.name}`,
    figure: `${fmt(r.ops_per_sec)} verifications/s`,
    baseline: r.kind === 'baseline' ? '(is the baseline)' : `bare node:crypto, ${r.scheme}`,
    ratio: r.vs_baseline,
  }));
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

const DELIVERY_LINE =
  /(\d+) subscriber\(s\): (\d+) signed deliveries\/s \(([^)]*)\); state change → receipt at (\d+) deliveries\/s \((\d+) events\/s\): p50 ([\d.]+) ms, p99 ([\d.]+) ms/;

/** The delivery bench prints text only; one line per subscriber count. */
export const parseDelivery: Parser = (stdout) => {
  const lines = stdout.split('\n').flatMap((line) => {
    const m = DELIVERY_LINE.exec(line);
    return m ? [m] : [];
  });
  if (lines.length === 0) throw new Error(`delivery bench: no result line in its output:\n${stdout}`);
  const benchmark = 'webhook delivery on loopback (hmac-sha256, keep-alive)';
  const perSecond = (m: RegExpExecArray) => Number(m[2]);
  const one = lines.find((m) => m[1] === '1');
  return lines.flatMap((m) => [
    {
      benchmark,
      measurement: `${m[1]} subscriber(s): burst throughput`,
      figure: `${fmt(perSecond(m))} signed deliveries/s (${m[3]})`,
      baseline: m[1] === '1' ? '(is the baseline)' : '1 subscriber',
      ratio: one ? Number((perSecond(m) / perSecond(one)).toFixed(3)) : null,
    },
    {
      benchmark,
      measurement: `${m[1]} subscriber(s): state change → receipt at ${m[4]} deliveries/s`,
      figure: `p50 ${m[6]} ms, p99 ${m[7]} ms`,
      baseline: '',
      ratio: null,
    },
  ]);
};
