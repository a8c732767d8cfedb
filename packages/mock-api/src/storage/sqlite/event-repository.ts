import type { EventEnvelope, Page } from '@returns-pack/shared-client';
import type { EventQuery, EventRepository } from '../repositories';
import { pageRows, where } from './paging';
import { RecordCache } from './record-cache';
import type { Condition } from './paging';
import type { SqliteSession } from './session';

/** Events decoded and kept for reads (see RecordCache): the newest pages, the ones being delivered. */
const EVENTS_KEPT = 5_000;

export class SqliteEventRepository implements EventRepository {
  private readonly decoded = new RecordCache<EventEnvelope>(EVENTS_KEPT);

  constructor(private readonly session: SqliteSession) {}

  append(event: EventEnvelope): void {
    this.session.run(
      `INSERT INTO events (id, type, subject_id, subject_type, sequence, created_ms, json)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      event.id,
      event.type,
      event.subject.id,
      event.subject.type,
      event.sequence,
      Date.parse(event.created_at),
      JSON.stringify(event),
    );
  }

  get(id: string): EventEnvelope | undefined {
    const row = this.session.prepare('SELECT pos, json FROM events WHERE id = ?').get(id) as
      { pos: number; json: string } | undefined;
    return row ? this.decoded.decode(row.json, row.pos) : undefined;
  }

  lastSequence(subjectId: string): number {
    const row = this.session
      .prepare('SELECT sequence FROM events WHERE subject_id = ? ORDER BY pos DESC LIMIT 1')
      .get(subjectId) as { sequence: number } | undefined;
    return row?.sequence ?? 0;
  }

  list(query: EventQuery): Page<EventEnvelope> {
    const conditions: Condition[] = [];
    if (query.subject_id !== undefined) conditions.push(where('subject_id = ?', query.subject_id));
    if (query.type !== undefined) conditions.push(where('type = ?', query.type));
    if (query.types !== undefined)
      conditions.push(where(`type IN (${query.types.map(() => '?').join(', ')})`, ...query.types));
    if (query.subject_type !== undefined) conditions.push(where('subject_type = ?', query.subject_type));
    if (query.created_after !== undefined)
      conditions.push(where('created_ms > ?', Date.parse(query.created_after)));
    return pageRows(this.session, 'events', conditions, query, (json, pos) => this.decoded.decode(json, pos));
  }

  /** Lets the kept records go: the sandbox was reset. */
  forgetCached(): void {
    this.decoded.clear();
  }

  listBetween(startMs: number, endMs: number): EventEnvelope[] {
    const rows = this.session
      .prepare('SELECT pos, json FROM events WHERE created_ms BETWEEN ? AND ? ORDER BY pos')
      .all(startMs, endMs) as { pos: number; json: string }[];
    return rows.map((row) => this.decoded.decode(row.json, row.pos));
  }
}
