import { parseDemoArgs } from './cli';
import { createOutput } from './report/output';

// The first line goes out before the connectors and the mock load (a few seconds on a busy machine).
const options = parseDemoArgs(process.argv.slice(2));
const output = createOutput(options.json);
output.line(output.colors.bold(`returns-pack · starting the mock API on ${options.host}:${options.port}…`));

/** Exits once stdout and stderr are flushed: on a pipe they may still hold the end of the summary. */
const exit = (code: number) =>
  process.stdout.write('', () => process.stderr.write('', () => process.exit(code)));

import('./run.js')
  .then(({ run }) => run(options, output))
  .then(exit)
  .catch((error: unknown) => {
    // A message, never a stack: whoever runs this needs to know what to fix.
    output.line(output.colors.red(`npm start: ${error instanceof Error ? error.message : String(error)}`));
    exit(1);
  });
