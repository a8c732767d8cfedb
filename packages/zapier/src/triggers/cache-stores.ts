import { createMemoryReplayStore, memorySeenEvents } from '@returns-pack/shared-client';
import type { ReceiveStores, ReplayStore, SeenEvents } from '@returns-pack/shared-client';
import type { ZObject } from 'zapier-platform-core';

/**
 * Zapier runs each hook delivery in a fresh invocation, possibly in parallel, and does not dedupe
 * REST-hook payloads (only polling results): the event-id dedupe and the JWT nonces live in
 * `z.cache`, Zapier's shared cache, as one set-if-absent key each, so that two invocations racing
 * on one delivery cannot both claim it.
 */

/** Retries and replays of one event within a day start the Zap once; a replay asked for later fires again. */
export const SEEN_EVENT_TTL_SECONDS = 24 * 60 * 60;

/** Keys are kept per connection (and carry the Zap's subscription id), never shared across accounts. */
const SCOPE = ['auth'];

type Cache = {
  get(key: string, scope?: string[]): Promise<unknown>;
  set(key: string, value: unknown, ttl?: number, scope?: string[], nx?: boolean): Promise<unknown>;
};

/**
 * True when this call took `key`. The local cache of `createAppTester` ignores `nx`, so a value
 * already there is looked for first; `set` with nx answers null (or false) when another
 * invocation took the key in between.
 */
async function claim(z: ZObject, key: string, ttlSeconds: number): Promise<boolean> {
  const cache = z.cache as unknown as Cache;
  if ((await cache.get(key, SCOPE)) !== null) return false;
  const set = await cache.set(key, 1, ttlSeconds, SCOPE, true);
  return set !== null && set !== false;
}

/**
 * Where a run goes when z.cache cannot be reached (an RPC outage, or a runtime without Zapier's
 * RPC such as a bare Lambda host): this warm container's memory. Refusing instead would lose the
 * event for good, since Zapier has already answered the sender 200 and nothing retries it.
 */
const fallbackNonces = createMemoryReplayStore();
const fallbackSeen = new Map<string, SeenEvents>();
const FALLBACK_SUBSCRIPTIONS = 200;

function fallbackSeenFor(subscriptionId: string): SeenEvents {
  let seen = fallbackSeen.get(subscriptionId);
  if (!seen) {
    if (fallbackSeen.size >= FALLBACK_SUBSCRIPTIONS) fallbackSeen.delete(fallbackSeen.keys().next().value!);
    seen = memorySeenEvents();
    fallbackSeen.set(subscriptionId, seen);
  }
  return seen;
}

/** The stores one hook invocation hands the catalogue's `receiveDelivery`. */
export function zapierReceiveStores(z: ZObject, subscriptionId: string): ReceiveStores {
  let warned = false;
  const degrade = () => {
    if (warned) return;
    warned = true;
    z.console.log(
      'Zapier’s cache could not be reached: repeated deliveries and JWT nonces were checked against this worker’s memory only.',
    );
  };

  const replayStore: ReplayStore = {
    async record(entry) {
      const ttl = Math.max(1, Math.ceil((entry.expiresAtMs - entry.nowMs) / 1000));
      try {
        return (await claim(z, `returns-pack:nonce:${entry.scope}:${entry.nonce}`, ttl))
          ? 'recorded'
          : 'replayed';
      } catch {
        degrade();
        return fallbackNonces.record(entry);
      }
    },
  };

  const seen: SeenEvents = {
    async recordIfNew(eventId) {
      try {
        return await claim(z, `returns-pack:seen:${subscriptionId}:${eventId}`, SEEN_EVENT_TTL_SECONDS);
      } catch {
        degrade();
        return fallbackSeenFor(subscriptionId).recordIfNew(eventId);
      }
    },
  };

  return { replayStore, seen };
}
