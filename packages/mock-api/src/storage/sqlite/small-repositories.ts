import type { CountdownRepository, SettingsRepository } from '../repositories';
import type { SqliteSession } from './session';

export class SqliteCountdownRepository implements CountdownRepository {
  constructor(private readonly session: SqliteSession) {}

  get(id: string): number | undefined {
    const row = this.session.prepare('SELECT at_ms FROM countdowns WHERE rma_id = ?').get(id) as
      { at_ms: number } | undefined;
    return row?.at_ms;
  }

  set(id: string, atMs: number): void {
    this.session.run(
      'INSERT INTO countdowns (rma_id, at_ms) VALUES (?, ?) ON CONFLICT (rma_id) DO UPDATE SET at_ms = ?',
      id,
      atMs,
      atMs,
    );
  }

  delete(id: string): void {
    this.session.run('DELETE FROM countdowns WHERE rma_id = ?', id);
  }

  all(): Iterable<[string, number]> {
    const rows = this.session.prepare('SELECT rma_id, at_ms FROM countdowns ORDER BY at_ms').all() as {
      rma_id: string;
      at_ms: number;
    }[];
    return rows.map((row) => [row.rma_id, row.at_ms]);
  }
}

export class SqliteSettingsRepository implements SettingsRepository {
  constructor(private readonly session: SqliteSession) {}

  get(key: string): string | undefined {
    const row = this.session.prepare('SELECT value FROM settings WHERE key = ?').get(key) as
      { value: string } | undefined;
    return row?.value;
  }

  set(key: string, value: string): void {
    this.session.run(
      'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = ?',
      key,
      value,
      value,
    );
  }
}
