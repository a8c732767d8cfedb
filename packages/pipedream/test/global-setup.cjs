// Jest global setup: the components import dist/returns-client.mjs, which `npm run build` generates.
const { execFileSync } = require('node:child_process');
const path = require('node:path');

module.exports = () => {
  execFileSync(process.execPath, [path.join(__dirname, '..', 'scripts', 'build.mjs')], {
    stdio: 'inherit',
  });
};
