// Stands in for src/storage/memory/ in the `mock-api (durable)` jest project: every server the
// mock-api tests start keeps its state in SQLite, in a fresh folder, so the whole conformance suite
// also runs against the durable store.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sqliteStorage } from '../../src/storage/sqlite';
import type { Storage } from '../../src/storage/repositories';

export { memoryRepositories } from '../../src/storage/memory';

export function memoryStorage(): Storage {
  return sqliteStorage(mkdtempSync(join(tmpdir(), 'returns-mock-durable-')));
}
