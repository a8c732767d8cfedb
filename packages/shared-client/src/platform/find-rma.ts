import type { ReturnsClient } from '../client/create-client';
import { NotFoundError, ValidationError } from '../client/errors';
import type { Rma, RmaKind } from '../contract';

/** What a "Find RMA" step searches by; at least one of id, external reference or e-mail. */
export interface FindRmaQuery {
  id?: string;
  external_reference?: string;
  customer_email?: string;
  kind?: RmaKind;
}

const PAGE_SIZE = 100;

/**
 * Finds RMAs the way every connector's search step does: by id when one is given, else by external
 * reference and/or customer e-mail, newest first. No match is an empty list, never an error, so a
 * platform can offer "create if not found".
 */
export async function findRmas(client: ReturnsClient, query: FindRmaQuery, max = 1): Promise<Rma[]> {
  const q = trimmed(query);
  if (!q.id && !q.external_reference && !q.customer_email) {
    throw new ValidationError({
      status: 0,
      code: 'validation_failed',
      message: 'Give an RMA id, an external reference or a customer e-mail to search by.',
      details: [{ path: 'id', message: 'give an RMA id, an external reference or a customer e-mail' }],
    });
  }
  if (q.id) {
    try {
      const rma = await client.rmas.get(q.id);
      return matches(rma, q) ? [rma] : [];
    } catch (error) {
      if (error instanceof NotFoundError) return [];
      throw error;
    }
  }

  // Every filter is the server's (v1.1 added `external_reference`), so the first page holds the
  // newest matches however large the account: no scan, no limit on how far back a match may be.
  const found: Rma[] = [];
  for await (const rma of client.rmas.iterate({
    external_reference: q.external_reference,
    customer_email: q.customer_email,
    kind: q.kind,
    limit: Math.min(PAGE_SIZE, Math.max(1, max)),
  })) {
    if (matches(rma, q)) found.push(rma);
    if (found.length >= max) break;
  }
  return found;
}

function trimmed(query: FindRmaQuery): FindRmaQuery {
  const text = (v: unknown) => (typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined);
  return {
    id: text(query.id),
    external_reference: text(query.external_reference),
    customer_email: text(query.customer_email),
    kind: query.kind || undefined,
  };
}

/** Re-checked on our side too, so a result is right whatever the server filtered. */
function matches(rma: Rma, q: FindRmaQuery): boolean {
  return (
    (!q.kind || rma.kind === q.kind) &&
    (!q.external_reference || rma.external_reference === q.external_reference) &&
    (!q.customer_email || rma.customer.email.toLowerCase() === q.customer_email.toLowerCase())
  );
}
