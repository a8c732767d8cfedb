import { createHash } from 'node:crypto';
import { startMockServer } from '@returns-pack/mock-api';
import type { MockServer } from '@returns-pack/mock-api';

/** The console's files: served without the token (they hold no data), locked to this server's scripts. */
let server: MockServer;
beforeAll(async () => {
  server = await startMockServer();
});
afterAll(() => server.close());

const get = (path: string) => fetch(server.url + path);

test('serves the page at /console and /console/ without credentials, and no secret in it', async () => {
  for (const path of ['/console', '/console/', '/console/index.html']) {
    const res = await get(path);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    const text = await res.text();
    expect(text).toContain('<script type="module" src="/console/app.mjs">');
    expect(text).not.toContain(server.adminToken);
  }
});

test('allows only its own scripts: the inline import map by its hash, nothing from elsewhere', async () => {
  const res = await get('/console');
  const policy = res.headers.get('content-security-policy')!;
  const importMap = /<script type="importmap">([\s\S]*?)<\/script>/.exec(await res.text())![1]!;
  const hash = createHash('sha256').update(importMap).digest('base64');
  expect(policy).toContain(`script-src 'self' 'sha256-${hash}'`);
  expect(policy).toContain("default-src 'none'");
  expect(policy).toContain("connect-src 'self'");
  expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  // Every module the import map names is served, as JavaScript, from the installed packages.
  for (const url of Object.values(JSON.parse(importMap).imports as Record<string, string>)) {
    const module = await get(url);
    expect(module.status).toBe(200);
    expect(module.headers.get('content-type')).toMatch(/javascript/);
    expect(module.headers.get('content-security-policy')).toBe(policy);
  }
});

test("serves the page's own modules and styles", async () => {
  for (const [path, type] of [
    ['/console/app.mjs', /javascript/],
    ['/console/api.mjs', /javascript/],
    ['/console/console.css', /^text\/css/],
    ['/console/favicon.svg', /^image\/svg\+xml/],
  ] as const) {
    const res = await get(path);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(type);
  }
});

test('anything else under /console is a JSON 404, traversals included', async () => {
  for (const path of [
    '/console/nope.mjs',
    '/console/vendor/compat.mjs',
    '/console/vendor/..%2f..%2fpackage.json',
    '/console/..%2fpackage.json',
    '/console/vendor/preact.mjs.map',
  ]) {
    const res = await get(path);
    expect(res.status).toBe(404);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('not_found');
  }
});
