import { isOpen } from '@returns-pack/shared-client';
import type { Page, Rma, RmaKind } from '@returns-pack/shared-client';
import { OrderedLog, addToIndex, narrowest, positionsOf } from './ordered-log';
import type { RmaQuery, RmaRepository } from '../repositories';

/**
 * RMAs in creation order, with indexes on what never changes (kind, customer e-mail, external
 * reference), so the per-kind lists and those filters stay O(limit) on a store of any size. Status, `updated_after` and
 * `breached` filter while walking.
 */
export class MemoryRmaRepository implements RmaRepository {
  private readonly log = new OrderedLog<Rma>((rma) => Date.parse(rma.created_at));
  private readonly positions = new Map<string, number>();
  private readonly byKind = new Map<RmaKind, number[]>();
  private readonly byEmail = new Map<string, number[]>();
  private readonly byReference = new Map<string, number[]>();

  insert(rma: Rma): void {
    if (this.positions.has(rma.id)) throw new Error(`RMA ${rma.id} already stored`);
    const position = this.log.append(rma);
    this.positions.set(rma.id, position);
    addToIndex(this.byKind, rma.kind, position);
    addToIndex(this.byEmail, rma.customer.email.toLowerCase(), position);
    if (rma.external_reference !== null) addToIndex(this.byReference, rma.external_reference, position);
  }

  update(rma: Rma): void {
    const position = this.positions.get(rma.id);
    if (position === undefined) throw new Error(`RMA ${rma.id} is not stored`);
    this.log.replace(position, rma);
  }

  get(id: string): Rma | undefined {
    const position = this.positions.get(id);
    return position === undefined ? undefined : this.log.at(position);
  }

  count(): number {
    return this.log.size;
  }

  *awaitingSla(): Iterable<{ id: string; dueAtMs: number }> {
    for (const rma of this.log.values()) {
      if (isOpen(rma.status) && rma.sla.breached_at === null)
        yield { id: rma.id, dueAtMs: Date.parse(rma.sla.due_at) };
    }
  }

  clear(): void {
    this.log.clear();
    for (const map of [this.positions, this.byKind, this.byEmail, this.byReference]) map.clear();
  }

  list(query: RmaQuery): Page<Rma> {
    const email = query.customer_email?.toLowerCase();
    // Walk the shorter index; the other condition is then checked item by item.
    const reference = query.external_reference;
    const index = narrowest(
      positionsOf(this.byEmail, email),
      positionsOf(this.byKind, query.kind),
      positionsOf(this.byReference, reference),
    );
    const updatedAfter = query.updated_after === undefined ? undefined : Date.parse(query.updated_after);
    const checks: ((rma: Rma) => boolean)[] = [];
    if (query.kind !== undefined) checks.push((rma) => rma.kind === query.kind);
    if (email !== undefined) checks.push((rma) => rma.customer.email.toLowerCase() === email);
    if (reference !== undefined) checks.push((rma) => rma.external_reference === reference);
    if (query.status !== undefined) checks.push((rma) => rma.status === query.status);
    if (updatedAfter !== undefined) checks.push((rma) => Date.parse(rma.updated_at) > updatedAfter);
    if (query.breached !== undefined) checks.push((rma) => (rma.sla.breached_at !== null) === query.breached);
    return this.log.page({
      limit: query.limit,
      cursor: query.cursor,
      index,
      keep: checks.length === 0 ? undefined : (rma) => checks.every((check) => check(rma)),
      createdAfterMs: query.created_after === undefined ? undefined : Date.parse(query.created_after),
      createdBeforeMs: query.created_before === undefined ? undefined : Date.parse(query.created_before),
    });
  }
}
