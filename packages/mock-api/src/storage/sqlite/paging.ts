import type { Page } from '@returns-pack/shared-client';
import { decodeCursor, encodeCursor } from '../cursor';
import type { SqliteSession } from './session';

/** A condition of a list query and the values it binds. */
export interface Condition {
  sql: string;
  params: unknown[];
}

export const where = (sql: string, ...params: unknown[]): Condition => ({ sql, params });

/**
 * Newest first from just below the cursor's position, with the same cursors as the in-memory
 * `OrderedLog` (the position of the last row handed out), so a client cannot tell the stores apart.
 */
export function pageRows<T>(
  session: SqliteSession,
  table: string,
  conditions: Condition[],
  query: { limit: number; cursor?: string | undefined },
  decode: (json: string, pos: number) => T,
): Page<T> {
  const all = [...conditions];
  if (query.cursor !== undefined) all.push(where('pos < ?', decodeCursor(query.cursor)));
  const whereSql = all.length ? `WHERE ${all.map((c) => c.sql).join(' AND ')}` : '';
  const rows = session
    .prepareRaw(`SELECT pos, json FROM ${table} ${whereSql} ORDER BY pos DESC LIMIT ?`)
    .all(...all.flatMap((c) => c.params), query.limit + 1) as [pos: number, json: string][];
  const hasMore = rows.length > query.limit;
  const kept = hasMore ? rows.slice(0, query.limit) : rows;
  return {
    data: kept.map(([pos, json]) => decode(json, pos)),
    has_more: hasMore,
    next_cursor: hasMore ? encodeCursor(kept[kept.length - 1]![0]) : null,
  };
}

export const parse = <T>(json: string) => JSON.parse(json) as T;
