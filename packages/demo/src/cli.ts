import { Command, Option } from 'commander';
import { hostOption, integerOption, portOption } from '@returns-pack/mock-api';

export interface DemoOptions {
  port: number;
  host: string;
  /** Seeded RMAs besides the tour's own. */
  seed: number;
  tour: boolean;
  json: boolean;
  /**
   * Keep serving after the summary, until Ctrl-C: `always` (`--serve`, or `--no-tour`), `on-success`
   * (the default: a failed tour exits 1 at once), `never` (`--no-serve`, and `--json` by default).
   */
  serve: 'always' | 'on-success' | 'never';
  adminToken?: string;
  /** Keep the mock's state in this folder and resume it on the next start. */
  dataDir?: string;
}

export const DEFAULT_PORT = 4010;
export const DEFAULT_SEED = 25;

interface Flags {
  port: number;
  host: string;
  seed: number;
  tour: boolean;
  json?: boolean;
  serve?: boolean;
  adminToken?: string;
  dataDir?: string;
}

/** `npm start -- <flags>`; commander prints a bad flag's error naming it and exits 1. */
export function demoProgram(env: NodeJS.ProcessEnv = process.env): Command {
  return new Command('npm start --')
    .description(
      'Start the returns mock with seeded data, drive the Zapier app, the n8n nodes and the Pipedream ' +
        'components against it, then keep serving it for your own connectors.',
    )
    .addOption(portOption(DEFAULT_PORT))
    .addOption(hostOption())
    .option(
      '--seed <n>',
      'demo RMAs to seed, in varied statuses',
      integerOption('--seed', 0, 10_000),
      DEFAULT_SEED,
    )
    .option('--no-tour', 'only serve the mock (no connector tour)')
    .option(
      '--json',
      'print one machine-readable JSON summary on stdout (progress goes to stderr), then exit',
    )
    .addOption(new Option('--serve', 'keep serving after the summary, also with --json'))
    .addOption(new Option('--no-serve', 'exit after the summary instead of serving'))
    .option('--admin-token <token>', 'admin bearer token (default: $RETURNS_MOCK_ADMIN_TOKEN, else random)')
    .option(
      '--data-dir <dir>',
      "keep the mock's state in a database in this folder and resume it next time (default: in memory)",
    )
    .showHelpAfterError()
    .allowExcessArguments(false)
    .action(function (this: Command) {
      const flags = this.opts<Flags>();
      if (!flags.tour && flags.serve === false) {
        this.error('error: --no-tour with --no-serve leaves nothing to do: drop one of them.');
      }
      // Kept for the caller to run: this module stays free of the heavy connector imports.
      this.setOptionValue('resolved', resolve(flags, env));
    });
}

function resolve(flags: Flags, env: NodeJS.ProcessEnv): DemoOptions {
  const json = flags.json ?? false;
  return {
    port: flags.port,
    host: flags.host,
    seed: flags.seed,
    tour: flags.tour,
    json,
    serve: serveMode(flags, json),
    adminToken: flags.adminToken ?? (env.RETURNS_MOCK_ADMIN_TOKEN || undefined),
    dataDir: flags.dataDir,
  };
}

function serveMode(flags: Flags, json: boolean): DemoOptions['serve'] {
  // Without a tour there is nothing to summarise, only the mock to serve.
  if (!flags.tour || flags.serve === true) return 'always';
  if (flags.serve === false || json) return 'never';
  return 'on-success';
}

/** The options of one command line (`argv` without node and the script). */
export function parseDemoArgs(args: readonly string[], env: NodeJS.ProcessEnv = process.env): DemoOptions {
  const program = demoProgram(env);
  program.parse([...args], { from: 'user' });
  return program.getOptionValue('resolved') as DemoOptions;
}
