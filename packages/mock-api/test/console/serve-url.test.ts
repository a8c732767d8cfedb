import { spawn } from 'node:child_process';
import { join } from 'node:path';

const MAIN = join(__dirname, '../../src/cli/main.ts');
const env = { ...process.env, TSX_TSCONFIG_PATH: join(__dirname, '../../../../tsconfig.tests.json') };

test('returns-mock serve prints the console URL with the admin token in its fragment', async () => {
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN, 'serve', '--port', '0'], { env });
  try {
    const line = await new Promise<string>((resolve, reject) => {
      let text = '';
      child.stdout.on('data', (chunk: Buffer) => {
        text += chunk.toString();
        const match = /^developer console: (\S+)$/m.exec(text);
        if (match) resolve(match[1]!);
      });
      child.once('exit', (code) => reject(new Error(`serve exited with ${code}: ${text}`)));
    });
    const url = new URL(line);
    expect(url.pathname).toBe('/console');
    const token = new URLSearchParams(url.hash.slice(1)).get('token')!;
    // The token printed is the one the admin API takes, and the page is served at that address.
    const clock = await fetch(new URL('/admin/v1/clock', url), {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(clock.status).toBe(200);
    const page = await fetch(url);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
  } finally {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  }
});
