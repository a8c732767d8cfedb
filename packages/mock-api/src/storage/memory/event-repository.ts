import type { EventEnvelope, EventType, Page } from '@returns-pack/shared-client';
import { OrderedLog, addToIndex, narrowest, positionsOf } from './ordered-log';
import type { EventQuery, EventRepository } from '../repositories';

/** The append-only event log, indexed by subject and by type so either filter costs O(limit). */
export class MemoryEventRepository implements EventRepository {
  private readonly log = new OrderedLog<EventEnvelope>((event) => Date.parse(event.created_at));
  private readonly bySubject = new Map<string, number[]>();
  private readonly byType = new Map<EventType, number[]>();
  private readonly positions = new Map<string, number>();

  append(event: EventEnvelope): void {
    const position = this.log.append(event);
    this.positions.set(event.id, position);
    addToIndex(this.bySubject, event.subject.id, position);
    addToIndex(this.byType, event.type, position);
  }

  get(id: string): EventEnvelope | undefined {
    const position = this.positions.get(id);
    return position === undefined ? undefined : this.log.at(position);
  }

  lastSequence(subjectId: string): number {
    // Each event of a subject took the next sequence, so the last is the subject's newest.
    const positions = this.bySubject.get(subjectId);
    return positions ? this.log.at(positions[positions.length - 1]!)!.sequence : 0;
  }

  list(query: EventQuery): Page<EventEnvelope> {
    const { subject_id: subject, type, types, subject_type: subjectType } = query;
    // One type (from `type`, or a `types` list of one) walks its index; a longer list is checked per item.
    const single = type ?? (types?.length === 1 ? types[0] : undefined);
    const checks: ((e: EventEnvelope) => boolean)[] = [];
    if (subject !== undefined) checks.push((e) => e.subject.id === subject);
    if (type !== undefined) checks.push((e) => e.type === type);
    if (types !== undefined) checks.push((e) => types.includes(e.type));
    if (subjectType !== undefined) checks.push((e) => e.subject.type === subjectType);
    return this.log.page({
      limit: query.limit,
      cursor: query.cursor,
      index: narrowest(positionsOf(this.bySubject, subject), positionsOf(this.byType, single)),
      keep: checks.length === 0 ? undefined : (e) => checks.every((check) => check(e)),
      createdAfterMs: query.created_after === undefined ? undefined : Date.parse(query.created_after),
    });
  }

  listBetween(startMs: number, endMs: number): EventEnvelope[] {
    return this.log.between(startMs, endMs);
  }

  clear(): void {
    this.log.clear();
    for (const map of [this.bySubject, this.byType, this.positions]) map.clear();
  }
}
