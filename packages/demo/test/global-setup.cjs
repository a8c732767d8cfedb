// Jest global setup: the parity tests read and run the Pipedream components, which import the client
// bundle generated from the shared client's sources (dist/returns-client.mjs): build it from today's.
const { execFileSync } = require('node:child_process');
const path = require('node:path');
const process = require('node:process');

module.exports = () => {
  const packageDir = path.dirname(require.resolve('@returns-pack/pipedream/package.json'));
  execFileSync(process.execPath, [path.join(packageDir, 'scripts', 'build.mjs')], { stdio: 'inherit' });
};
