import type { ApiClientRepository, StoredApiClient } from '../repositories';
import { parse } from './paging';
import type { SqliteSession } from './session';

/**
 * Every request authenticates and every delivery checks its client is not revoked: the clients (a
 * few, hashes only) are read once at start and kept beside the table, which each write updates.
 */
export class SqliteApiClientRepository implements ApiClientRepository {
  private readonly byId = new Map<string, StoredApiClient>();
  private readonly byKeyHash = new Map<string, StoredApiClient>();

  constructor(private readonly session: SqliteSession) {
    const rows = session.prepare('SELECT json FROM api_clients ORDER BY pos').all() as { json: string }[];
    for (const row of rows) this.remember(parse<StoredApiClient>(row.json));
  }

  insert(client: StoredApiClient): void {
    if (this.byId.has(client.id)) throw new Error(`API client ${client.id} already stored`);
    this.session.run(
      'INSERT INTO api_clients (id, key_hash, json) VALUES (?, ?, ?)',
      client.id,
      client.key_hash,
      JSON.stringify(client),
    );
    this.remember(client);
  }

  update(client: StoredApiClient): void {
    if (!this.byId.has(client.id)) throw new Error(`API client ${client.id} is not stored`);
    this.session.run(
      'UPDATE api_clients SET key_hash = ?, json = ? WHERE id = ?',
      client.key_hash,
      JSON.stringify(client),
      client.id,
    );
    this.remember(client);
  }

  get(id: string): StoredApiClient | undefined {
    return this.byId.get(id);
  }

  findByKeyHash(keyHash: string): StoredApiClient | undefined {
    return this.byKeyHash.get(keyHash);
  }

  list(): StoredApiClient[] {
    return [...this.byId.values()];
  }

  forgetCached(): void {
    this.byId.clear();
    this.byKeyHash.clear();
  }

  private remember(client: StoredApiClient): void {
    this.byId.set(client.id, client);
    this.byKeyHash.set(client.key_hash, client);
  }
}
