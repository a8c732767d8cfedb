// One jest setup for every package: swc strips types (tsc type-checks separately), and the
// workspace packages resolve to their TypeScript sources so tests never need a prior build.
const path = require('node:path');

module.exports = (packageDir) => ({
  displayName: path.basename(packageDir),
  rootDir: packageDir,
  testEnvironment: 'node',
  testMatch: ['<rootDir>/test/**/*.test.ts'],
  transform: {
    '^.+\\.(t|j|mj)sx?$': [
      '@swc/jest',
      { jsc: { target: 'es2022', parser: { syntax: 'typescript' } }, module: { type: 'commonjs' } },
    ],
  },
  // jose 6 and cookie 1 ship ESM only; let swc turn them into CommonJS for jest's module system.
  transformIgnorePatterns: ['/node_modules/(?!(jose|cookie)/)'],
  moduleNameMapper: {
    '^@returns-pack/shared-client$': '<rootDir>/../shared-client/src/index.ts',
    '^@returns-pack/shared-client/runtime$': '<rootDir>/../shared-client/src/runtime.ts',
    '^@returns-pack/mock-api$': '<rootDir>/../mock-api/src/index.ts',
  },
  setupFilesAfterEnv: [path.join(__dirname, 'jest.timeout.js')],
});
