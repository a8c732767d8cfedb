import { Command, InvalidArgumentError, Option } from 'commander';
import { AllowList } from '../../delivery/address-ranges';
import { seedDemoRmas } from '../../domain/seed';
import { startMockServer } from '../../server';
import type { MockServer, MockServerOptions } from '../../server';
import { hostOption, integerOption, portOption } from '../options';

export interface ServeOptions {
  port: number;
  host: string;
  adminToken?: string;
  rateLimit: number;
  seed?: number;
  slaSeconds?: number;
  autoCloseSeconds?: number;
  webhookAllow?: string[];
  webhookLoopback: boolean;
  webhookTimeout?: number;
  dataDir?: string;
}

/** One `--webhook-allow` entry, checked as the delivery's allow list will read it; repeats add up. */
function allowEntry(value: string, previous: string[] = []): string[] {
  try {
    new AllowList([value]);
  } catch {
    throw new InvalidArgumentError(
      `--webhook-allow takes a host name, an IP address or a CIDR range such as 10.0.0.0/8 (got "${value}").`,
    );
  }
  return [...previous, value];
}

export function serveCommand(): Command {
  return new Command('serve')
    .description('Start the mock API and print its base URL and admin token')
    .addOption(portOption(4010))
    .addOption(hostOption())
    .option('--admin-token <token>', 'admin bearer token (default: $RETURNS_MOCK_ADMIN_TOKEN, else random)')
    .option(
      '--rate-limit <n>',
      'creations per minute per API client (0: no limit)',
      integerOption('--rate-limit', 0),
      30,
    )
    .option(
      '--seed <n>',
      'provision a demo API client and <n> RMAs in varied statuses',
      integerOption('--seed', 0, 1_000_000),
    )
    .option(
      '--sla-seconds <n>',
      'SLA from creation to breach (default 14 days)',
      integerOption('--sla-seconds', 1),
    )
    .option(
      '--auto-close-seconds <n>',
      'delay from DELIVERED to auto-close (default 7 days)',
      integerOption('--auto-close-seconds', 1),
    )
    .addOption(
      new Option(
        '--webhook-allow <host>',
        'let webhooks reach this internal host name, address or CIDR range (repeatable)',
      ).argParser(allowEntry),
    )
    .option('--no-webhook-loopback', 'refuse webhook URLs on loopback, as a hosted platform does')
    .option(
      '--webhook-timeout <ms>',
      'how long a receiver has to connect and to answer (default 5000)',
      integerOption('--webhook-timeout', 1, 60_000),
    )
    .option(
      '--data-dir <dir>',
      'keep all state in a database in this folder and resume it on the next start (default: in memory)',
    )
    .action(async (options: ServeOptions) => {
      const server = await startMockServer(serverOptions(options, process.env));
      const lines = [
        `returns-mock listening on ${server.url}`,
        `admin token: ${server.adminToken}`,
        `developer console: ${server.url}/console#token=${encodeURIComponent(server.adminToken)}`,
      ];
      const resumed = options.dataDir !== undefined ? resumedState(server) : null;
      if (options.dataDir !== undefined) {
        const { file } = server.services.repositories.describe();
        lines.push(resumed ? `data: ${file} (resumed: ${resumed})` : `data: ${file} (new)`);
      }
      // A resumed sandbox is not seeded again: its demo client's key was printed on its first start.
      if (options.seed !== undefined && !resumed) {
        // Printed once, here, like the merchant's admin screen shows them: the server keeps only hashes.
        const client = await server.createApiClient({ name: 'demo integration' });
        seedDemoRmas(server.services, options.seed);
        lines.push(
          `demo API client: ${client.id}`,
          `  api key: ${client.api_key}`,
          `  webhook secret: ${client.webhook_secret}`,
          `seeded ${options.seed} RMAs`,
        );
      }
      process.stdout.write(`${lines.join('\n')}\n`);
      const stop = () => void server.close().then(() => process.exit(0));
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
}

/** The flags as server options: the admin token from the flag, else the environment, else random. */
export function serverOptions(options: ServeOptions, env: NodeJS.ProcessEnv): MockServerOptions {
  return {
    port: options.port,
    host: options.host,
    adminToken: options.adminToken ?? (env.RETURNS_MOCK_ADMIN_TOKEN || undefined),
    rateLimit: options.rateLimit === 0 ? false : options.rateLimit,
    slaSeconds: options.slaSeconds,
    autoCloseSeconds: options.autoCloseSeconds,
    dataDir: options.dataDir,
    webhooks: {
      timeoutMs: options.webhookTimeout,
      urlPolicy: { allowLoopback: options.webhookLoopback, allowedHosts: options.webhookAllow },
    },
  };
}

/** What a data folder already held, in a few words; null when it was empty. */
function resumedState(server: MockServer): string | null {
  const { services, delivery } = server;
  const clients = services.apiClients.list().length;
  const rmas = services.rmas.count();
  if (clients === 0 && rmas === 0) return null;
  return `${plural(rmas, 'RMA')}, ${plural(clients, 'API client')}, ${plural(delivery.pending(), 'delivery', 'deliveries')} waiting`;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
