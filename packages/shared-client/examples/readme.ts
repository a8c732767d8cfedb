/**
 * The examples of this package's README, kept here so that they compile and run:
 * packages/demo/test/package-readmes.test.ts checks that the README shows them exactly and runs them
 * against the bundled mock.
 */
import type { IncomingHttpHeaders } from 'node:http';
import type { ReturnsClient } from '@returns-pack/shared-client';
import { RateLimitedError, WebhookVerificationError, verifyWebhook } from '@returns-pack/shared-client';

// #region client
/** Every DELIVERED RMA, page after page as the loop asks for them, and a trade return for Ada. */
export async function deliveredThenCreate(client: ReturnsClient): Promise<string[]> {
  const emails: string[] = [];
  for await (const rma of client.rmas.iterate({ status: 'DELIVERED' })) emails.push(rma.customer.email);
  try {
    await client.tradeReturns.create({
      customer: { email: 'ada@example.com' },
      items: [{ sku: 'SKU-1', quantity: 1 }],
    });
  } catch (error) {
    if (!(error instanceof RateLimitedError)) throw error;
    console.log(`Over the creation limit: try again in ${error.retryAfter} s.`);
  }
  return emails;
}
// #endregion

// #region verifier
/** What a receiver answers: 204 for a verified delivery, else the refusal's status and message. */
export async function receive(
  headers: IncomingHttpHeaders,
  rawBody: Buffer,
  secret: string,
): Promise<{ status: number; message?: string }> {
  try {
    const event = await verifyWebhook({ headers, rawBody }, { scheme: 'hmac-sha256', secret });
    console.log(event.type, event.subject.id); // the contract's envelope, whichever vendor sent it
    return { status: 204 };
  } catch (error) {
    if (!(error instanceof WebhookVerificationError)) throw error;
    return { status: error.status, message: error.message };
  }
}
// #endregion
