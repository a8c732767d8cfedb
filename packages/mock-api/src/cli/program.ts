import { Command } from 'commander';
import { listenCommand } from './commands/listen';
import { serveCommand } from './commands/serve';
import { triggerCommand } from './commands/trigger';

export function buildProgram(): Command {
  const program = new Command('returns-mock')
    .description(
      'A local returns API: every endpoint and webhook semantic of the contract, for tests and integrators.',
    )
    .showHelpAfterError();
  // One file per subcommand under ./commands; delivery adds `trigger` and `listen` beside `serve`.
  program.addCommand(serveCommand());
  program.addCommand(triggerCommand());
  program.addCommand(listenCommand());
  return program;
}
