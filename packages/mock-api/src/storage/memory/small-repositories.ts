import type { CountdownRepository, SettingsRepository } from '../repositories';

export class MemoryCountdownRepository implements CountdownRepository {
  private readonly deadlines = new Map<string, number>();

  get(id: string): number | undefined {
    return this.deadlines.get(id);
  }

  set(id: string, atMs: number): void {
    this.deadlines.set(id, atMs);
  }

  delete(id: string): void {
    this.deadlines.delete(id);
  }

  all(): Iterable<[string, number]> {
    return this.deadlines.entries();
  }

  clear(): void {
    this.deadlines.clear();
  }
}

export class MemorySettingsRepository implements SettingsRepository {
  private readonly values = new Map<string, string>();

  get(key: string): string | undefined {
    return this.values.get(key);
  }

  set(key: string, value: string): void {
    this.values.set(key, value);
  }

  clear(): void {
    this.values.clear();
  }
}
