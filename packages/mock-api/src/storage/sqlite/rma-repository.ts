import { TERMINAL_STATUSES } from '@returns-pack/shared-client';
import type { Page, Rma } from '@returns-pack/shared-client';
import type { RmaQuery, RmaRepository } from '../repositories';
import { pageRows, where } from './paging';
import { RecordCache } from './record-cache';
import type { Condition } from './paging';
import type { SqliteSession } from './session';

/** RMAs decoded and kept for reads (see RecordCache): the newest pages and the RMAs being worked on. */
const RMAS_KEPT = 5_000;

export class SqliteRmaRepository implements RmaRepository {
  private readonly decoded = new RecordCache<Rma>(RMAS_KEPT);

  constructor(private readonly session: SqliteSession) {}

  insert(rma: Rma): void {
    this.session.run(
      `INSERT INTO rmas (id, kind, email, external_reference, status, created_ms, updated_ms, breached, json)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      rma.id,
      rma.kind,
      rma.customer.email.toLowerCase(),
      rma.external_reference,
      rma.status,
      Date.parse(rma.created_at),
      Date.parse(rma.updated_at),
      rma.sla.breached_at === null ? 0 : 1,
      JSON.stringify(rma),
    );
  }

  update(rma: Rma): void {
    const { changes } = this.session.run(
      'UPDATE rmas SET status = ?, updated_ms = ?, breached = ?, json = ? WHERE id = ?',
      rma.status,
      Date.parse(rma.updated_at),
      rma.sla.breached_at === null ? 0 : 1,
      JSON.stringify(rma),
      rma.id,
    );
    if (changes === 0) throw new Error(`RMA ${rma.id} is not stored`);
  }

  get(id: string): Rma | undefined {
    const row = this.session.prepare('SELECT pos, json FROM rmas WHERE id = ?').get(id) as
      { pos: number; json: string } | undefined;
    return row ? this.decoded.decode(row.json, row.pos) : undefined;
  }

  count(): number {
    return (this.session.prepare('SELECT count(*) AS n FROM rmas').get() as { n: number }).n;
  }

  list(query: RmaQuery): Page<Rma> {
    const conditions: Condition[] = [];
    if (query.kind !== undefined) conditions.push(where('kind = ?', query.kind));
    if (query.customer_email !== undefined)
      conditions.push(where('email = ?', query.customer_email.toLowerCase()));
    if (query.external_reference !== undefined)
      conditions.push(where('external_reference = ?', query.external_reference));
    if (query.status !== undefined) conditions.push(where('status = ?', query.status));
    if (query.updated_after !== undefined)
      conditions.push(where('updated_ms > ?', Date.parse(query.updated_after)));
    if (query.breached !== undefined) conditions.push(where('breached = ?', query.breached ? 1 : 0));
    if (query.created_after !== undefined)
      conditions.push(where('created_ms > ?', Date.parse(query.created_after)));
    if (query.created_before !== undefined)
      conditions.push(where('created_ms < ?', Date.parse(query.created_before)));
    return pageRows(this.session, 'rmas', conditions, query, (json, pos) => this.decoded.decode(json, pos));
  }

  /** Lets the kept records go: the sandbox was reset. */
  forgetCached(): void {
    this.decoded.clear();
  }

  *awaitingSla(): Iterable<{ id: string; dueAtMs: number }> {
    const closed = TERMINAL_STATUSES.map(() => '?').join(', ');
    const rows = this.session
      .prepare(
        `SELECT id, json ->> '$.sla.due_at' AS due FROM rmas WHERE breached = 0 AND status NOT IN (${closed})`,
      )
      .all(...TERMINAL_STATUSES) as { id: string; due: string }[];
    for (const row of rows) yield { id: row.id, dueAtMs: Date.parse(row.due) };
  }
}
