// This package is ESM ("type": "module", as Pipedream loads components), so its jest config is too.
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const packageDir = dirname(fileURLToPath(import.meta.url));

/** @type {import('jest').Config} */
export default {
  ...require('../../jest.preset')(packageDir),
  // The components import the generated client bundle: build it so tests always run on a fresh one.
  globalSetup: '<rootDir>/test/global-setup.cjs',
};
