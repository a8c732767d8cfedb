/** @type {import('jest').Config} */
const base = require('../../jest.preset')(__dirname);

module.exports = {
  ...base,
  // `testTimeout` is a global option, which jest ignores in a project's config when the root runs
  // projects; these tests start servers and processes, so the timeout is set per test file instead.
  setupFilesAfterEnv: ['<rootDir>/test/helpers/timeout.ts'],
};
