import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DEFAULT_MAX_BODY_BYTES, verifyWebhook, WebhookVerificationError } from '@returns-pack/shared-client';
import type { EventEnvelope, SignatureScheme } from '@returns-pack/shared-client';

export interface WebhookListenerOptions {
  scheme: SignatureScheme;
  secret: string;
  port?: number;
  host?: string;
  /** One line per delivery. */
  print: (line: string) => void;
  now?: () => number;
}

export interface WebhookListener {
  url: string;
  close(): Promise<void>;
}

/**
 * A local receiver in the spirit of `stripe listen`: every delivery is checked with the shared
 * verifier and printed (type, id, subject, verified or why not); the sender gets 200 when it verified,
 * else 401.
 */
export async function startWebhookListener(options: WebhookListenerOptions): Promise<WebhookListener> {
  const server = createServer((req, res) => void receive(req, res, options));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve);
  });
  const { address, port } = server.address() as AddressInfo;
  const host = address.includes(':') ? `[${address}]` : address;
  return {
    url: `http://${host}:${port}/`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function receive(
  req: IncomingMessage,
  res: ServerResponse,
  options: WebhookListenerOptions,
): Promise<void> {
  if (req.method !== 'POST') return answer(res, 405, { error: 'deliveries are POSTed' });
  const rawBody = await readBody(req);
  if (rawBody === null) {
    options.print(line(options, '?', '?', '?', `no (too_large: over ${DEFAULT_MAX_BODY_BYTES} bytes)`));
    return answer(res, 413, { error: 'too_large' });
  }
  try {
    const event = await verifyWebhook(
      { headers: req.headers as Record<string, string>, rawBody },
      { scheme: options.scheme, secret: options.secret, now: options.now },
    );
    options.print(line(options, event.type, event.id, event.subject.id, 'yes', flags(event)));
    answer(res, 200, { received: true });
  } catch (error) {
    const refusal =
      error instanceof WebhookVerificationError
        ? error
        : new WebhookVerificationError('malformed', 'unreadable');
    // What the unverified body claims, shown as a claim: it helps find the misconfigured sender.
    const claimed = claimedEvent(rawBody);
    options.print(
      line(options, claimed.type, claimed.id, claimed.subject, `no (${refusal.reason}: ${refusal.message})`),
    );
    // 401 whatever the reason: to the sender, an unverified delivery is an unauthenticated one.
    answer(res, 401, { error: refusal.reason });
  }
}

function line(
  options: WebhookListenerOptions,
  type: string,
  id: string,
  subject: string,
  verified: string,
  extra = '',
): string {
  const at = new Date(options.now?.() ?? Date.now()).toISOString();
  return `${at}  ${type}  ${id}  subject ${subject}${extra}  verified: ${verified}`;
}

const flags = (event: EventEnvelope) => `${event.test ? '  [test]' : ''}${event.replay ? '  [replay]' : ''}`;

function claimedEvent(rawBody: Buffer): { type: string; id: string; subject: string } {
  try {
    const parsed = JSON.parse(rawBody.toString('utf8')) as Record<string, unknown>;
    const body = (parsed.payload ?? parsed) as { type?: unknown; id?: unknown; subject?: { id?: unknown } };
    const text = (v: unknown) => (typeof v === 'string' ? v.slice(0, 100) : '?');
    return { type: text(body.type), id: text(body.id), subject: text(body.subject?.id) };
  } catch {
    return { type: '?', id: '?', subject: '?' };
  }
}

/** The body, or null once it grows past what the verifier would accept anyway. */
async function readBody(req: IncomingMessage): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > DEFAULT_MAX_BODY_BYTES) return null;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

function answer(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}
