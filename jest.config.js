/** @type {import('jest').Config} */
module.exports = {
  projects: [
    '<rootDir>/packages/*/jest.config.js',
    // The mock's suite again on its durable (SQLite) store.
    '<rootDir>/packages/mock-api/jest.durable.config.js',
  ],
};
