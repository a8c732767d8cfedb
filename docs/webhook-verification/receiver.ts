import { createServer } from 'node:http';
import type { Server } from 'node:http';
import { verifyWebhook } from '@returns-pack/shared-client';
import type {
  EventEnvelope,
  VerifyWebhookOptions,
  WebhookVerificationError,
} from '@returns-pack/shared-client';

/**
 * A receiver that acts only on verified deliveries: the signature is checked on the raw body bytes
 * (never on re-serialised JSON), a refusal is answered with its reason and status, and each event
 * is handled once although retries and replays repeat its id.
 */
export function webhookReceiver(
  options: VerifyWebhookOptions,
  handle: (event: EventEnvelope) => void,
): Server {
  const handled = new Set<string>();
  return createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    let event: EventEnvelope;
    try {
      event = await verifyWebhook({ headers: req.headers, rawBody: Buffer.concat(chunks) }, options);
    } catch (error) {
      // verifyWebhook rejects with WebhookVerificationError only; its reason is safe to send back.
      const { status, reason } = error as WebhookVerificationError;
      res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify({ error: reason }));
      return;
    }
    // Answer at once (the sender waits 5 s at most), then do the work, once per event id.
    res.writeHead(200).end();
    if (handled.has(event.id)) return;
    handled.add(event.id);
    handle(event);
  });
}
