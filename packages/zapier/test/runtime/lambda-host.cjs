// Stands in for AWS Lambda's Node runtime in the unzipped build: loads the zip's zapierwrapper.js once
// (a warm container) and calls its exported `handler(event, context)` for each event the test sends,
// as Zapier's backend invokes the function. Run with the unzipped folder as the working directory.
const path = require('node:path');
const process = require('node:process');

const { handler } = require(path.join(process.cwd(), 'zapierwrapper.js'));

process.on('message', async ({ id, event }) => {
  try {
    process.send({ id, result: await handler(event, {}) });
  } catch (error) {
    process.send({ id, error: { name: error && error.name, message: String(error && error.message) } });
  }
});
process.on('disconnect', () => process.exit(0));
process.send({ ready: true });
