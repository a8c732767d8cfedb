import { execFile } from 'node:child_process';
import path from 'node:path';

/**
 * The Pipedream components import the shared client as a generated bundle (dist/returns-client.mjs,
 * not committed): build it with the package's own script, as its tests do. esbuild takes well under
 * a second, so it is simply rebuilt on every tour and can never be stale.
 */
export function buildPipedreamBundle(): Promise<void> {
  const packageDir = path.dirname(require.resolve('@returns-pack/pipedream/package.json'));
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [path.join(packageDir, 'scripts', 'build.mjs')], (error, _stdout, stderr) => {
      if (!error) return resolve();
      reject(
        new Error(
          `building the Pipedream components' client bundle failed: ${stderr.trim() || error.message}`,
        ),
      );
    });
  });
}
