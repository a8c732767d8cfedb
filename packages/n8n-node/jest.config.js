const preset = require('../../jest.preset')(__dirname);

// dist/ holds the built bundles: keep jest's module map on the sources.
// The harness names node files with `.js` (see harness/index.ts); jest finds their TypeScript.
module.exports = {
  ...preset,
  modulePathIgnorePatterns: ['<rootDir>/dist/'],
  moduleNameMapper: { ...preset.moduleNameMapper, '^(\\.\\./nodes/.+\\.node)\\.js$': '$1' },
};
