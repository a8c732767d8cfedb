import * as api from './api';
import * as delivery from './delivery';
import * as durable from './durable';
import * as flood from './flood';
import * as install from './install';
import * as tenancy from './tenancy';

interface Bench {
  run: (argv: string[]) => Promise<void>;
  /** One line for --help: what it measures, then its options. */
  about: string;
}

/**
 * `npm run bench -w packages/mock-api [-- <name> [options]]`: one benchmark per name, `api` by
 * default. A new bench is an import and one more entry below.
 */
const BENCHES: Record<string, Bench> = {
  api: {
    run: api.run,
    about:
      'list reads against a bare Fastify route and json-server [--duration 2 --connections 10 --rounds 5]',
  },
  delivery: {
    run: delivery.run,
    about:
      'signed webhook deliveries against a bare undici loop [--burst 20000 --rounds 3 --rate 1000 --seconds 3]',
  },
  durable: {
    run: durable.run,
    about:
      'the SQLite store against the in-memory one, side by side: list reads, creations, deliveries, RSS, size on disk ' +
      '[--size 10000 --rounds 5 --duration 2 --connections 10 --burst 20000]',
  },
  flood: { run: flood.run, about: 'reads while a replay flood drains [--calls 500 --seconds 5]' },
  install: {
    run: install.run,
    about:
      "a fresh clone's npm ci (empty cache, fresh HOME) and better-sqlite3's share of it; takes minutes. " +
      'The root `npm run bench` skips it with `npm run bench -- --skip-install` or BENCH_SKIP_INSTALL=1',
  },
  tenancy: {
    run: tenancy.run,
    about: "a quiet client's latency beside a noisy one [--seconds 8 --rate 100]",
  },
};

function help(): string {
  const width = Math.max(...Object.keys(BENCHES).map((name) => name.length));
  return [
    'Usage: npm run bench -w packages/mock-api -- [<name>] [--json] [options]   (api by default)',
    '',
    ...Object.entries(BENCHES).map(([name, bench]) => `  ${name.padEnd(width)}  ${bench.about}`),
    '',
    '--json prints the figures as JSON on stdout (the table goes to stderr), for bench/run.ts.',
    '',
  ].join('\n');
}

async function main(): Promise<void> {
  const [first, ...rest] = process.argv.slice(2);
  if (first === '--help' || first === '-h' || first === 'help') {
    process.stdout.write(help());
    return;
  }
  const name = first === undefined || first.startsWith('-') ? 'api' : first;
  const bench = BENCHES[name];
  if (!bench) throw new Error(`unknown benchmark "${name}"; known: ${Object.keys(BENCHES).join(', ')}`);
  await bench.run(name === first ? rest : process.argv.slice(2));
}

main().catch((error: unknown) => {
  process.stderr.write(`bench: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
