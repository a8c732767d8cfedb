/**
 * The mock's own suite a second time, with SQLite (in a fresh folder per server) wherever the
 * in-memory store would be the default: the durable store must answer exactly as the in-memory one.
 * @type {import('jest').Config}
 */
const base = require('../../jest.preset')(__dirname);

module.exports = {
  ...base,
  displayName: 'mock-api (durable)',
  testPathIgnorePatterns: [
    '/node_modules/',
    // These start their servers on SQLite themselves: once is enough.
    '/test/durable/',
    // It counts JSON.stringify calls around a harness event that is not in the event log, which the
    // durable queue must then keep whole (a logged event it names by id).
    '/test/robustness/replay-amplifier\\.test\\.ts$',
  ],
  moduleNameMapper: {
    ...base.moduleNameMapper,
    '^\\.\\./storage/memory$': '<rootDir>/test/durable/default-storage-sqlite.ts',
  },
};
