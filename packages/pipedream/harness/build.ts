import { execFile } from 'node:child_process';
import path from 'node:path';

const buildScript = path.join(__dirname, '..', 'scripts', 'build.mjs');

/**
 * Builds the client bundle the components import (dist/returns-client.mjs, generated, not
 * committed) with the package's own script, or with `args` such as `--outdir <dir>` or
 * `--components <dir>`. esbuild takes well under a second, so callers simply rebuild it.
 */
export function buildClientBundle(args: readonly string[] = []): Promise<void> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [buildScript, ...args], (error, _stdout, stderr) => {
      if (!error) return resolve();
      reject(new Error(`building the Pipedream client bundle failed: ${stderr.trim() || error.message}`));
    });
  });
}
