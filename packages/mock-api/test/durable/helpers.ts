import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sqliteStorage } from '../../src/storage/sqlite';
import type { Storage } from '../../src/storage/repositories';

/** A data folder for one test, and the store opened on it again and again, as by successive starts. */
export function dataFolder() {
  const dir = mkdtempSync(join(tmpdir(), 'returns-mock-durable-test-'));
  const opened: Storage[] = [];
  return {
    dir,
    open(): Storage {
      const storage = sqliteStorage(dir);
      opened.push(storage);
      return storage;
    },
    remove() {
      for (const storage of opened) storage.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
