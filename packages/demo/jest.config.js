/** @type {import('jest').Config} */
const base = require('../../jest.preset')(__dirname);

module.exports = {
  ...base,
  globalSetup: '<rootDir>/test/global-setup.cjs',
  moduleNameMapper: {
    ...base.moduleNameMapper,
    // The n8n node files are imported as `….node.js` (what tsx and tsc resolve to the .ts source);
    // jest has no such mapping of its own.
    '^(n8n-nodes-returns-pack/.+)\\.js$': '$1',
    // …and so does the n8n harness for the node files it re-exports.
    '^(\\.\\./nodes/.+\\.node)\\.js$': '$1',
  },
};
