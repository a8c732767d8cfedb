import type { Clock } from '../domain/clock';
import type { AttemptLog } from './attempt-log';
import type { HttpSender, SendResult } from './http-sender';
import type { DeliveryJob } from './outbox';
import { signedRequest } from './signed-request';
import type { SubscriptionStore } from './subscription-store';

export interface AttemptRunnerDeps {
  clock: Clock;
  store: SubscriptionStore;
  log: AttemptLog;
  sender: HttpSender;
  userAgent: string;
  isClientActive: (clientId: string) => boolean;
}

/**
 * Makes and logs one attempt; answers when to retry (clock ms) or null once the job is finished.
 * Every path logs, so an event is delivered or visibly given up, never dropped in silence.
 */
export function createAttemptRunner(deps: AttemptRunnerDeps): (job: DeliveryJob) => Promise<number | null> {
  const { clock, store, log, sender, userAgent, isClientActive } = deps;

  return async function runAttempt(job) {
    const sub = store.find(job.subscriptionId);
    // A deleted subscription's log went with it: there is nobody left to account to.
    if (!sub) return null;
    const startedAt = clock.now();
    const stopped = !sub.enabled
      ? 'the subscription is disabled'
      : !isClientActive(sub.owner_id)
        ? 'the API client was revoked'
        : null;
    let result: SendResult;
    if (stopped) {
      result = { statusCode: null, durationMs: 0, error: stopped, snippet: null };
    } else {
      try {
        const request = await signedRequest(sub, job.event, startedAt, userAgent, job.replay);
        result = await sender.send(sub.url, request.headers, request.body);
      } catch (error) {
        result = {
          statusCode: null,
          durationMs: 0,
          error: `could not sign: ${messageOf(error)}`,
          snippet: null,
        };
      }
    }

    // Deleted while on the wire (or the sandbox reset): its log went with it, so log nothing and retry nothing.
    if (!store.find(sub.id)) return null;
    const delivered = result.error === null;
    const delaySeconds =
      delivered || stopped || sub.retry_policy === 'none' ? undefined : sub.retry_schedule[job.attempt - 1];
    const retryAt = delaySeconds === undefined ? null : clock.now() + delaySeconds * 1000;
    log.record({
      webhook_id: sub.id,
      event_id: job.event.id,
      event_type: job.event.type,
      attempt: job.attempt,
      status_code: result.statusCode,
      duration_ms: result.durationMs,
      error: result.error,
      outcome: delivered ? 'delivered' : retryAt === null ? 'given_up' : 'failed',
      response_snippet: withoutSecret(
        withoutSecret(result.snippet, sub.secret),
        sub.previous_secret?.secret ?? sub.secret,
      ),
      at: new Date(startedAt).toISOString(),
      next_attempt_at: retryAt === null ? null : new Date(retryAt).toISOString(),
    });
    return retryAt;
  };
}

/**
 * Echo endpoints, a common first receiver, answer with the request's headers: the bearer secret must
 * not reach the log that way, whole or cut off at the snippet's end.
 */
function withoutSecret(snippet: string | null, secret: string): string | null {
  if (snippet === null) return null;
  const out = snippet.split(secret).join('[redacted]');
  for (let n = Math.min(secret.length - 1, out.length); n >= 4; n--) {
    if (out.endsWith(secret.slice(0, n))) return `${out.slice(0, -n)}[redacted]`;
  }
  return out;
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));
