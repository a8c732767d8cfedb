import type { z } from 'zod';
import type { DeliveryAttempt, DeliveryListFilters, Page } from '@returns-pack/shared-client';
import { newId } from '../domain/ids';
import type { DeliveryAttemptRepository } from '../storage/repositories';

export const DEFAULT_ATTEMPTS_KEPT = 1000;

/**
 * Every delivery attempt, per subscription, over the storage seam. Memory is bounded: past
 * `maxPerSubscription` the oldest attempts are dropped (and counted); the events themselves stay
 * replayable from the event log.
 */
export class AttemptLog {
  constructor(
    private readonly repository: DeliveryAttemptRepository,
    private readonly maxPerSubscription = DEFAULT_ATTEMPTS_KEPT,
  ) {}

  record(fields: Omit<DeliveryAttempt, 'id'>): DeliveryAttempt {
    const attempt: DeliveryAttempt = { id: newId('dlv'), ...fields };
    this.repository.append(attempt, this.maxPerSubscription);
    return attempt;
  }

  list(webhookId: string, filters: z.output<typeof DeliveryListFilters>): Page<DeliveryAttempt> {
    return this.repository.list(webhookId, filters);
  }

  /** How many attempts of this subscription fell out of the log. */
  dropped(webhookId: string): number {
    return this.repository.dropped(webhookId);
  }

  forget(webhookId: string): void {
    this.repository.forget(webhookId);
  }
}
