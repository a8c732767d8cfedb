// n8n's own community-node rules (eslint-plugin-n8n-nodes-base and @n8n/eslint-plugin-community-nodes,
// as `n8n-node lint` and n8n's package scanner apply them) for the shipped sources. Tests, the harness and build
// scripts are not shipped: they lint with the repository's rules (eslint.tests.config.mjs).
import { config } from '@n8n/node-cli/eslint';

export default [
  { ignores: ['test/**', 'harness/**', 'scripts/**', 'examples/**', 'jest.config.js'] },
  ...config,
];
