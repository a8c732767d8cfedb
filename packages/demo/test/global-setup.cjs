// Jest global setup: the parity test reads the Pipedream components, which import the client bundle
// generated from the shared client's sources (dist/returns-client.mjs): build it from today's sources.
const { execFileSync } = require('node:child_process');
const path = require('node:path');

module.exports = () => {
  const packageDir = path.dirname(require.resolve('@returns-pack/pipedream/package.json'));
  execFileSync(process.execPath, [path.join(packageDir, 'scripts', 'build.mjs')], { stdio: 'inherit' });
};
