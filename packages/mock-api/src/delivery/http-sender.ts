import { performance } from 'node:perf_hooks';
import { Agent } from 'undici';
import type { Answer } from './receiver-post';
import { DeadlineError, post } from './receiver-post';
import type { UrlPolicy } from './url-policy';
import { UrlRefusedError } from './url-policy';

/** What one POST to a receiver came to. `error` is null exactly when the receiver answered 2xx. */
export interface SendResult {
  statusCode: number | null;
  durationMs: number;
  error: string | null;
  snippet: string | null;
}

export interface HttpSenderOptions {
  policy: UrlPolicy;
  /** One deadline over connect, headers and body together; the contract gives receivers 5 s. */
  timeoutMs?: number;
  /** Kept-alive sockets per receiver origin. */
  connectionsPerOrigin?: number;
  /** How much of a receiver's answer the attempt log keeps. */
  snippetChars?: number;
}

export interface HttpSender {
  send(url: string, headers: Record<string, string>, body: string): Promise<SendResult>;
  close(): Promise<void>;
}

export const DEFAULT_TIMEOUT_MS = 5000;

/** Parsed URLs of the last subscriptions sent to: a subscription's URL is posted to again and again. */
const URLS_KEPT = 1024;

export function createHttpSender(options: HttpSenderOptions): HttpSender {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const snippetChars = options.snippetChars ?? 512;
  // undici's own timers bound each phase; `post` holds the one deadline over all of them.
  const agent = new Agent({
    // The policy's lookup both checks and pins the address each socket connects to.
    connect: { lookup: options.policy.lookup, timeout: timeoutMs },
    connections: options.connectionsPerOrigin ?? 32,
    headersTimeout: timeoutMs,
    bodyTimeout: timeoutMs,
    keepAliveTimeout: 10_000,
  });
  const timedOut = `timed out after ${timeoutMs} ms`;
  const urls = new Map<string, URL>();
  const parse = (url: string): URL => {
    let target = urls.get(url);
    if (target === undefined) {
      if (urls.size >= URLS_KEPT) urls.clear();
      urls.set(url, (target = new URL(url)));
    }
    return target;
  };

  return {
    async send(url, headers, body) {
      const started = performance.now();
      const elapsed = () => Math.round((performance.now() - started) * 100) / 100;
      try {
        const target = parse(url);
        options.policy.checkLiteral(target);
        const answer = await post(agent, target, headers, body, snippetChars, timeoutMs);
        // An answer whose end was handled after the deadline, behind a busy event loop, is still late.
        if (performance.now() - started > timeoutMs) {
          return {
            statusCode: answer.statusCode,
            durationMs: elapsed(),
            error: timedOut,
            snippet: answer.snippet,
          };
        }
        return {
          statusCode: answer.statusCode,
          durationMs: elapsed(),
          error: statusError(answer),
          snippet: answer.snippet,
        };
      } catch (error) {
        return {
          statusCode: null,
          durationMs: elapsed(),
          error: describeError(error, timedOut),
          snippet: null,
        };
      }
    },
    // Shutdown does not wait out a slow receiver: its attempt ends as a failure.
    close: () => agent.destroy(),
  };
}

function statusError({ statusCode, location }: Answer): string | null {
  if (statusCode >= 200 && statusCode < 300) return null;
  if (statusCode >= 300 && statusCode < 400) {
    const to = location === undefined ? '' : ` to ${location.slice(0, 200)}`;
    return `answered ${statusCode}${to}: redirects are not followed`;
  }
  return `answered ${statusCode}`;
}

const TIMEOUT_CODES = new Set(['UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT']);

function describeError(error: unknown, timedOut: string): string {
  if (error instanceof UrlRefusedError) return error.message;
  if (error instanceof DeadlineError) return timedOut;
  const { code, message } = error as { code?: string; message?: string };
  const codeText = code ?? (error as { cause?: { code?: string } }).cause?.code;
  if (codeText !== undefined && TIMEOUT_CODES.has(codeText)) return timedOut;
  if (codeText === 'ECONNREFUSED') return 'connection refused (ECONNREFUSED)';
  return [codeText, message].filter(Boolean).join(': ') || 'request failed';
}
