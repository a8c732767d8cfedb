import { Command } from 'commander';
import { seedDemoRmas } from '../../domain/seed';
import { startMockServer } from '../../server';
import type { MockServerOptions } from '../../server';
import { hostOption, integerOption, portOption } from '../options';

export interface ServeOptions {
  port: number;
  host: string;
  adminToken?: string;
  rateLimit: number;
  seed?: number;
  slaSeconds?: number;
  autoCloseSeconds?: number;
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
    .action(async (options: ServeOptions) => {
      const server = await startMockServer(serverOptions(options, process.env));
      const lines = [
        `returns-mock listening on ${server.url}`,
        `admin token: ${server.adminToken}`,
        `developer console: ${server.url}/console#token=${encodeURIComponent(server.adminToken)}`,
      ];
      if (options.seed !== undefined) {
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
  };
}
