/**
 * Verifications per second for a 2 KB body, per scheme, against a bare node:crypto baseline doing
 * the same essential work in the same run, and against standardwebhooks and @octokit/webhooks-methods.
 * `--json` writes machine-readable results to stdout (the table then goes to stderr).
 *
 * Time is CPU time of this process (all its threads), not wall time: the machine is shared, and
 * wall time would count the moments another process held the core. Every task runs the same way,
 * BATCH awaited calls per sample, so a synchronous baseline and an async verifier pay the same
 * harness cost; ratios are taken within each round and the median reported.
 */
import { webcrypto } from 'node:crypto';
import { Bench } from 'tinybench';
import { Webhook } from 'standardwebhooks';
import type { ReplayStore, SignatureScheme } from '../src';
import { verifyWebhook } from '../src';
import { BODY_BYTES, SECRETS, bare, benchDeliveries } from './deliveries';

const ROUNDS = 25;
const TASK_MS = 100;
const BATCH = 25;

/** Milliseconds of CPU time used by this process so far. */
const cpuNow = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

interface Row {
  name: string;
  scheme: SignatureScheme;
  /**
   * `baseline` is the yardstick every row of its scheme is divided by; a `library` doing the same work
   * is one to be ahead of; a `reference` does less (no parse) and is shown for scale only.
   */
  kind: 'ours' | 'baseline' | 'library' | 'reference';
  fn: () => unknown;
}

/** The indices 0..n-1 in an order fixed by `seed` (Fisher-Yates on a small LCG), so runs repeat. */
function shuffled(n: number, seed: number): number[] {
  const order = Array.from({ length: n }, (_, i) => i);
  let state = (seed + 1) * 2_654_435_761;
  for (let i = n - 1; i > 0; i--) {
    state = (Math.imul(state, 1_103_515_245) + 12_345) >>> 0;
    const j = state % (i + 1);
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  return order;
}

/** The bench re-verifies one JWT: nonce bookkeeping would refuse it, and is not what is measured here. */
const acceptAll: ReplayStore = { record: () => 'recorded' };

function bareRow(scheme: SignatureScheme, work: () => unknown): Row {
  return { name: 'bare node:crypto', scheme, kind: 'baseline', fn: work };
}

async function rows(): Promise<Row[]> {
  const nowMs = Date.now();
  const d = await benchDeliveries(nowMs);
  const { verify: octokitVerify } = await import('@octokit/webhooks-methods');
  const { jwtVerify } = await import('jose');
  const now = () => nowMs;
  // Options are built once, as a receiver configures them once; each request brings its own input.
  const ours = (scheme: SignatureScheme, extra = {}): Row => {
    const options = { scheme, secret: SECRETS[scheme], now, ...extra };
    const fn = () => verifyWebhook({ headers: d[scheme].headers, rawBody: d[scheme].body }, options);
    return { name: 'verifyWebhook', scheme, kind: 'ours', fn };
  };
  const h = d['hmac-sha256'];
  const hmacHex = h.headers['X-Webhook-Signature']!;
  const s = d['standard-webhooks'];
  const key = Buffer.from(SECRETS['standard-webhooks'].slice('whsec_'.length), 'base64');
  const [id, timestamp, signature] = [
    s.headers['webhook-id']!,
    s.headers['webhook-timestamp']!,
    s.headers['webhook-signature']!.slice(3),
  ];
  const library = new Webhook(SECRETS['standard-webhooks']);
  const jwtKey = new TextEncoder().encode(SECRETS.jwt);
  const importedJwtKey = await webcrypto.subtle.importKey(
    'raw',
    jwtKey,
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['verify'],
  );
  const token = (JSON.parse(d.jwt.body) as { jwt: string }).jwt;
  return [
    bareRow('hmac-sha256', () => bare.hmac(SECRETS['hmac-sha256'], hmacHex, h.body)),
    ours('hmac-sha256'),
    {
      name: '@octokit/webhooks-methods verify + JSON.parse',
      scheme: 'hmac-sha256',
      kind: 'library',
      fn: async () =>
        (await octokitVerify(SECRETS['hmac-sha256'], h.body, `sha256=${hmacHex}`)) && JSON.parse(h.body),
    },
    {
      name: '@octokit/webhooks-methods verify (no parse)',
      scheme: 'hmac-sha256',
      kind: 'reference',
      fn: () => octokitVerify(SECRETS['hmac-sha256'], h.body, `sha256=${hmacHex}`),
    },
    {
      // What returning the event costs by itself: no verifier that returns it can be faster.
      name: 'JSON.parse of the body alone (no check)',
      scheme: 'hmac-sha256',
      kind: 'reference',
      fn: () => JSON.parse(h.body) as unknown,
    },
    bareRow('standard-webhooks', () => bare.standard(key, id, timestamp, signature, s.body)),
    ours('standard-webhooks'),
    {
      name: 'standardwebhooks Webhook.verify (parses)',
      scheme: 'standard-webhooks',
      kind: 'library',
      fn: () => library.verify(s.body, s.headers),
    },
    bareRow('bearer', () => bare.bearer(SECRETS.bearer, SECRETS.bearer, d.bearer.body)),
    ours('bearer'),
    bareRow('jwt', () => bare.jwt(SECRETS.jwt, d.jwt.body)),
    ours('jwt', { replayStore: acceptAll }),
    {
      name: 'jose jwtVerify + JSON.parse',
      scheme: 'jwt',
      kind: 'library',
      fn: async () =>
        (await jwtVerify(token, jwtKey, { algorithms: ['HS256'], currentDate: new Date(nowMs) })) &&
        JSON.parse(d.jwt.body),
    },
    {
      // The least any verifier built on jose can spend: its HS256 check alone, key imported once, no parse.
      name: 'jose jwtVerify alone, key imported once (no parse)',
      scheme: 'jwt',
      kind: 'reference',
      fn: () => jwtVerify(token, importedJwtKey, { algorithms: ['HS256'], currentDate: new Date(nowMs) }),
    },
  ];
}

interface Measured {
  opsPerSec: number;
  /** Median over rounds of (this task's ops/s ÷ its scheme's baseline ops/s in the same round). */
  vsBaseline: number;
  /** Median over rounds of (verifyWebhook's ops/s ÷ this task's, same scheme, same round). */
  oursVsThis: number;
}

/**
 * The targets as settled: within 10% of the bare baseline, and ahead of every library doing the same
 * work; except that level with octokit + parse counts as met (both do one HMAC and one JSON.parse, the
 * same instructions to within 0.1%), and the JWT path is measured against jose's `jwtVerify` + parse
 * only, since jose's own floor, which the verifier keeps on its path, is about 0.3× a bare HMAC.
 */
const WITHIN_BASELINE = 0.9;
const AHEAD_OF_LIBRARY = 1;
const LEVEL_WITH_LIBRARY = 0.95;
const LEVEL_SCHEMES = new Set(['hmac-sha256']);
const NO_BASELINE_TARGET = new Set(['jwt']);

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/**
 * Many short rounds, every task in each, and ratios taken within a round: on a shared machine the
 * load drifts, and a ratio of two figures measured seconds apart would measure the drift.
 */
async function measure(list: Row[]): Promise<Map<Row, Measured>> {
  const ops = new Map<Row, number[]>(list.map((r) => [r, []]));
  const ratios = new Map<Row, number[]>(list.map((r) => [r, []]));
  const oursOver = new Map<Row, number[]>(list.map((r) => [r, []]));
  for (let round = 0; round < ROUNDS; round++) {
    const bench = new Bench({ time: TASK_MS, warmupTime: 50, now: cpuNow });
    // Each round runs the tasks in a new order: a task pays for garbage its predecessor left (and
    // the background GC threads count in CPU time), so a fixed order would bias each task by the one
    // before it.
    for (const i of shuffled(list.length, round)) {
      const row = list[i]!;
      bench.add(String(i), async () => {
        for (let n = 0; n < BATCH; n++) await row.fn();
      });
    }
    await bench.run();
    const inRound = new Map<Row, number>();
    for (const [i, row] of list.entries()) {
      const result = bench.getTask(String(i))!.result;
      if (!('period' in result))
        throw new Error(`${row.scheme} ${row.name} did not complete: ${result.state}`);
      inRound.set(row, (BATCH * 1000) / result.period);
    }
    for (const row of list) {
      const baseline = list.find((r) => r.scheme === row.scheme && r.kind === 'baseline')!;
      const ours = list.find((r) => r.scheme === row.scheme && r.kind === 'ours')!;
      ops.get(row)!.push(inRound.get(row)!);
      ratios.get(row)!.push(inRound.get(row)! / inRound.get(baseline)!);
      oursOver.get(row)!.push(inRound.get(ours)! / inRound.get(row)!);
    }
  }
  return new Map(
    list.map((row) => [
      row,
      {
        opsPerSec: median(ops.get(row)!),
        vsBaseline: median(ratios.get(row)!),
        oursVsThis: median(oursOver.get(row)!),
      },
    ]),
  );
}

async function main(): Promise<void> {
  const json = process.argv.includes('--json');
  const list = await rows();
  // Every task must succeed before it is timed: a bench of a failing verification measures nothing.
  for (const row of list) {
    if (!(await row.fn())) throw new Error(`${row.scheme} ${row.name} refused the bench delivery`);
  }
  const measured = await measure(list);
  const results = list.map((row) => ({
    scheme: row.scheme,
    name: row.name,
    kind: row.kind,
    ops_per_sec: Math.round(measured.get(row)!.opsPerSec),
    vs_baseline: Number(measured.get(row)!.vsBaseline.toFixed(3)),
  }));
  const targets = list.flatMap((row) => {
    const m = measured.get(row)!;
    if (row.kind === 'ours') {
      if (NO_BASELINE_TARGET.has(row.scheme)) return [];
      return [target(`${row.scheme}: verifyWebhook / bare node:crypto`, m.vsBaseline, WITHIN_BASELINE)];
    }
    if (row.kind === 'library') {
      const atLeast = LEVEL_SCHEMES.has(row.scheme) ? LEVEL_WITH_LIBRARY : AHEAD_OF_LIBRARY;
      return [target(`${row.scheme}: verifyWebhook / ${row.name}`, m.oursVsThis, atLeast)];
    }
    return [];
  });
  const lines = [
    `Webhook verification, ${BODY_BYTES}-byte body, per CPU-second, median of ${ROUNDS} rounds (Node ${process.version})`,
    '',
    '| scheme | implementation | verifications/s | vs bare baseline |',
    '| --- | --- | ---: | ---: |',
    ...results.map(
      (r) =>
        `| ${r.scheme} | ${r.name} | ${r.ops_per_sec.toLocaleString('en')} | ${r.vs_baseline.toFixed(2)} |`,
    ),
    '',
    '| target | ratio | wanted | met |',
    '| --- | ---: | --- | --- |',
    ...targets.map((t) => `| ${t.name} | ${t.value.toFixed(2)} | ${t.target} | ${t.pass ? 'yes' : 'no'} |`),
    '',
  ];
  (json ? process.stderr : process.stdout).write(lines.join('\n') + '\n');
  if (json)
    process.stdout.write(
      JSON.stringify(
        { bench: 'webhook-verify', clock: 'cpu', body_bytes: BODY_BYTES, rounds: ROUNDS, results, targets },
        null,
        2,
      ) + '\n',
    );
}

function target(name: string, value: number, atLeast: number) {
  return { name, value: Number(value.toFixed(3)), target: `≥ ${atLeast.toFixed(2)}`, pass: value >= atLeast };
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
