import type { ApiClientRepository, StoredApiClient } from '../repositories';

export class MemoryApiClientRepository implements ApiClientRepository {
  private readonly byId = new Map<string, StoredApiClient>();
  private readonly byKeyHash = new Map<string, string>();

  insert(client: StoredApiClient): void {
    if (this.byId.has(client.id)) throw new Error(`API client ${client.id} already stored`);
    this.byId.set(client.id, client);
    this.byKeyHash.set(client.key_hash, client.id);
  }

  update(client: StoredApiClient): void {
    if (!this.byId.has(client.id)) throw new Error(`API client ${client.id} is not stored`);
    this.byId.set(client.id, client);
  }

  get(id: string): StoredApiClient | undefined {
    return this.byId.get(id);
  }

  findByKeyHash(keyHash: string): StoredApiClient | undefined {
    const id = this.byKeyHash.get(keyHash);
    return id === undefined ? undefined : this.byId.get(id);
  }

  list(): StoredApiClient[] {
    return [...this.byId.values()];
  }

  clear(): void {
    this.byId.clear();
    this.byKeyHash.clear();
  }
}
