/**
 * The mock with its logger on, in a process of its own, so that a test can read every byte it
 * writes (pino writes to file descriptor 1 directly, past anything a test could hook in-process).
 * The admin token comes from the environment; the base URL goes to stderr as `listening <url>`.
 */
import { startMockServer } from '../../../src/server';

async function main(): Promise<void> {
  const server = await startMockServer({
    logger: true,
    adminToken: process.env.LOGGED_SERVER_ADMIN_TOKEN,
    rateLimit: 5,
  });
  process.stderr.write(`listening ${server.url}\n`);
  process.once('SIGTERM', () => void server.close().then(() => process.exit(0)));
}

void main();
