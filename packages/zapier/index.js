// Zapier loads the app definition from this file. It is the esbuild bundle of src/ (shared client
// included, so the package runs without workspace links): run `npm run build` first.
module.exports = require('./dist/index.js');
