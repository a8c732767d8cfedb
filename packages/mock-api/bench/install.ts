import { parseArgs } from 'node:util';
import { localNodeHeaders, makeFreshClone } from '../../../scripts/fresh-clone';
import type { FreshClone } from '../../../scripts/fresh-clone';

/**
 * What the durable store's engine costs a new user at install (issue #20): a fresh clone of the
 * repository (scripts/fresh-clone.ts, as the demo's fresh-clone test makes it: the working tree's
 * files, an empty npm cache, a fresh HOME), timed through `npm ci`; then `npm rebuild better-sqlite3`
 * in that clone, timed alone: the engine's share of the install. better-sqlite3 is built from source,
 * against the headers of the Node running this (no prebuilt binary from GitHub, no headers from
 * nodejs.org), so the npm registry is the only network it needs. It takes minutes.
 * Run: npm run bench -w packages/mock-api -- install [--json]
 * The root `npm run bench` runs it last; `npm run bench -- --skip-install` or BENCH_SKIP_INSTALL=1 skip it.
 */

const ENGINE = 'better-sqlite3';
const MINUTES = 60_000;

async function step(clone: FreshClone, name: string, command: string[], timeoutMs: number) {
  process.stderr.write(`${name}…\n`);
  return clone.succeed(command[0]!, command.slice(1), timeoutMs);
}

export async function run(argv: string[] = []): Promise<void> {
  const { values } = parseArgs({ args: argv, options: { json: { type: 'boolean', default: false } } });
  const say = (line: string) => (values.json ? process.stderr : process.stdout).write(`${line}\n`);
  if (!localNodeHeaders()) {
    throw new Error(
      `this Node has no headers (include/node): building ${ENGINE} would download them from nodejs.org; ` +
        'install them (the nodejs dev package) or set npm_config_nodedir to a folder holding include/node',
    );
  }
  process.stderr.write('copying the working tree into a fresh clone…\n');
  // From source: prebuild-install would otherwise try GitHub for a prebuilt binary first.
  const clone = await makeFreshClone({ extraEnv: { npm_config_build_from_source: ENGINE } });
  try {
    const npmVersion = (await step(clone, 'npm --version', ['npm', '--version'], MINUTES)).stdout.trim();
    const ci = await step(clone, 'npm ci', ['npm', 'ci', '--no-audit', '--no-fund'], 20 * MINUTES);
    const rebuild = await step(clone, `npm rebuild ${ENGINE}`, ['npm', 'rebuild', ENGINE], 10 * MINUTES);
    // The engine the rebuild made opens a database: the time was spent on something that works.
    await step(
      clone,
      `${ENGINE} opens a database`,
      ['node', '-e', `new (require('${ENGINE}'))(':memory:').exec('SELECT 1')`],
      MINUTES,
    );
    const result = {
      bench: 'install',
      node: process.version,
      npm: npmVersion,
      engine: ENGINE,
      npmCiSeconds: ci.ms / 1000,
      rebuildSeconds: rebuild.ms / 1000,
      engineShare: rebuild.ms / ci.ms,
    };
    say(
      `fresh clone (empty npm cache, fresh HOME), Node ${result.node}, npm ${npmVersion}, ${ENGINE} built from source:`,
    );
    say(`  npm ci: ${result.npmCiSeconds.toFixed(1)} s`);
    say(
      `  npm rebuild ${ENGINE}: ${result.rebuildSeconds.toFixed(1)} s, ${(100 * result.engineShare).toFixed(0)}% of npm ci`,
    );
    if (values.json) process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  } finally {
    clone.remove();
  }
}
