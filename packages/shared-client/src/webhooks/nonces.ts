import { refuse } from './errors';
import { defaultReplayStore } from './memory-replay-store';
import type { AnyReplayStore } from './replay-store';
import { recordNonce } from './replay-store';
import type { DeliveryJwtClaims } from './schemes/jwt';

/** Remembers the JWT's nonce in its secret's scope; a nonce seen before, or a full scope, is a refusal. */
export async function spendNonce(
  claims: DeliveryJwtClaims,
  scope: string,
  store: AnyReplayStore | undefined,
  nowMs: number,
): Promise<void> {
  let verdict;
  try {
    verdict = await recordNonce(store ?? defaultReplayStore(), {
      scope,
      nonce: claims.nonce,
      expiresAtMs: claims.exp * 1000,
      nowMs,
    });
  } catch {
    verdict = 'unreachable';
  }
  switch (verdict) {
    case 'recorded':
      return;
    case 'replayed':
      return refuse('replayed', 'This JWT was already accepted once (same nonce): the request is a replay.');
    case 'full':
      return refuse(
        'store_unavailable',
        'The replay store holds as many unexpired nonces for this signing secret as it may, so this JWT cannot be checked: the sender should retry in a few minutes.',
      );
    default:
      return refuse(
        'store_unavailable',
        'The replay store could not be reached, so the JWT nonce could not be checked: the sender should retry.',
      );
  }
}
