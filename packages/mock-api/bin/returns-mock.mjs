#!/usr/bin/env node
// The `returns-mock` command. npm links a workspace's bin when `npm ci` runs, before anything is
// built, and only if the file exists then: so the bin is this committed file, which loads the
// compiled CLI (built by the root `prepare` script during `npm ci`, and by `npm run build`).
import { existsSync } from 'node:fs';
import process from 'node:process';
import { URL, fileURLToPath } from 'node:url';

const main = new URL('../dist/cli/main.js', import.meta.url);
if (!existsSync(fileURLToPath(main))) {
  process.stderr.write(
    'returns-mock: the CLI is not built yet (packages/mock-api/dist is missing): run `npm run build` first\n',
  );
  process.exit(1);
}
await import(main.href);
