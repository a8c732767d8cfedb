import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

/** The page's own files: outside `src`, so that the compiler leaves them alone; the same depth from src and dist. */
export const CONSOLE_DIR = join(__dirname, '../../console');
export const CONSOLE_PATH = '/console';

/**
 * The front-end stack, served from the installed packages (never a CDN, so the page works offline):
 * the file name the page's import map asks for, and the directory it lives in.
 */
const VENDOR: Record<string, string> = {
  'preact.mjs': dirname(require.resolve('preact')),
  'hooks.mjs': dirname(require.resolve('preact/hooks')),
  // htm's `require` entry is its CommonJS build; the ES module sits beside it.
  'htm.mjs': dirname(require.resolve('htm')),
};

/**
 * Only this server's files run: the one inline script, the import map, is allowed by its hash.
 * No data is in these files, so they are served without the admin token; every API call needs it.
 */
function contentSecurityPolicy(indexHtml: string): string {
  const importMap = /<script type="importmap">([\s\S]*?)<\/script>/.exec(indexHtml)?.[1];
  if (importMap === undefined) throw new Error(`${CONSOLE_DIR}/index.html has no import map`);
  const hash = createHash('sha256').update(importMap).digest('base64');
  return [
    "default-src 'none'",
    `script-src 'self' 'sha256-${hash}'`,
    "style-src 'self'",
    "connect-src 'self'",
    "img-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** The developer console at `/console`: static files, through @fastify/static. */
export async function registerConsole(app: FastifyInstance): Promise<void> {
  const csp = contentSecurityPolicy(readFileSync(join(CONSOLE_DIR, 'index.html'), 'utf8'));
  const setHeaders = (res: { setHeader(name: string, value: string): unknown }) => {
    res.setHeader('content-security-policy', csp);
    res.setHeader('x-content-type-options', 'nosniff');
    res.setHeader('referrer-policy', 'no-referrer');
    // Always revalidated (ETag), so a restarted mock never runs a stale page.
    res.setHeader('cache-control', 'no-cache');
  };
  await app.register(fastifyStatic, {
    root: CONSOLE_DIR,
    prefix: `${CONSOLE_PATH}/`,
    // One route per file found at start-up: nothing else under /console is reachable.
    wildcard: false,
    index: 'index.html',
    setHeaders,
  });
  app.get(CONSOLE_PATH, (_request, reply) => reply.sendFile('index.html'));
  app.get<{ Params: { file: string } }>(`${CONSOLE_PATH}/vendor/:file`, (request, reply) => {
    const dir = Object.hasOwn(VENDOR, request.params.file) ? VENDOR[request.params.file] : undefined;
    return dir === undefined ? reply.callNotFound() : reply.sendFile(request.params.file, dir);
  });
}
