#!/usr/bin/env node
import { buildProgram } from './program';

buildProgram()
  .parseAsync(process.argv)
  .catch((error: unknown) => {
    // A message, never a stack: whoever runs this needs to know what to fix.
    process.stderr.write(`returns-mock: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  });
