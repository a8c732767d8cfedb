import { Command, Option } from 'commander';
import { generateWebhookSecret, SignatureScheme } from '@returns-pack/shared-client';
import { startWebhookListener } from '../../delivery/webhook-listener';
import { hostOption, portOption } from '../options';

interface ListenOptions {
  port: number;
  host: string;
  scheme: SignatureScheme;
  secret?: string;
}

export function listenCommand(): Command {
  return new Command('listen')
    .description('Run a local webhook receiver that verifies and prints every delivery')
    .addOption(portOption(4020))
    .addOption(hostOption())
    .addOption(
      new Option('--scheme <scheme>', 'signature scheme of the subscription')
        .choices(SignatureScheme.options)
        .default('hmac-sha256'),
    )
    .option(
      '--secret <secret>',
      'the subscription secret (default: $RETURNS_MOCK_WEBHOOK_SECRET, else a new one is printed)',
    )
    .action(async (options: ListenOptions) => {
      const given = options.secret ?? (process.env.RETURNS_MOCK_WEBHOOK_SECRET || undefined);
      const secret = given ?? generateWebhookSecret(options.scheme);
      const listener = await startWebhookListener({
        scheme: options.scheme,
        secret,
        port: options.port,
        host: options.host,
        print: (text) => process.stdout.write(`${text}\n`),
      });
      const lines = [`listening for ${options.scheme} deliveries on ${listener.url}`];
      if (!given) {
        // A new secret is useless unless the subscriber learns it: shown once, here, like the server's admin token.
        lines.push(`secret (pass it as "secret" when creating the subscription): ${secret}`);
      }
      process.stdout.write(`${lines.join('\n')}\n`);
      const stop = () => void listener.close().then(() => process.exit(0));
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
}
