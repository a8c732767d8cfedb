import { chmodSync, closeSync, mkdirSync, openSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { migrate } from './schema';

export const DATABASE_FILE = 'returns-mock.sqlite';

export class DataDirError extends Error {}

/**
 * How long the bookkeeping batch stays open. Every commit writes each page it changed whole, and the
 * attempts finished within a few milliseconds share most of their pages (the log's tail, the queue's
 * head): a batch per turn of the event loop committed a few deliveries at a time.
 */
const BATCH_MS = 10;
/**
 * A checkpoint (the WAL's pages copied into the database, with an fsync on each side) every 4,000
 * pages rather than SQLite's 1,000: the outbox rewrites the same pages commit after commit (the
 * attempt log's tail, the queue's), which a checkpoint copies once however often they were written;
 * at 1,000 the delivery bench's commits took twice as long. Once checkpointed, the WAL is cut back
 * to 16 MB.
 */
const WAL_PAGES_PER_CHECKPOINT = 4000;
const WAL_BYTES_KEPT = 16 * 1024 * 1024;

/**
 * One connection to the data folder's database, and the two ways of writing through it.
 *
 * `transaction` commits before it returns: what an API answer reports (an RMA made, its events, their
 * delivery jobs) is on disk by then. `deferred` is for the delivery bookkeeping (an attempt logged, a
 * job done): it joins a batch committed BATCH_MS after it opened, or with the next transaction. A
 * crash can lose only that last batch's bookkeeping, and that means a delivery made again: at least
 * once, never lost.
 */
export class SqliteSession {
  readonly db: Database.Database;
  readonly file: string;
  private depth = 0;
  private flushScheduled: NodeJS.Timeout | undefined;
  private readonly statements = new Map<string, Database.Statement>();
  private readonly rawStatements = new Map<string, Database.Statement>();

  constructor(readonly dataDir: string) {
    this.file = openDataFile(dataDir);
    // No busy wait: the one connection never waits on itself, and a second server is refused at once.
    this.db = new Database(this.file, { timeout: 0 });
    try {
      // EXCLUSIVE: a second server on the same folder is refused, not interleaved; set first, so that
      // WAL keeps its index in this process's memory and no -shm file is made beside the database.
      // WAL: a commit is one append, and a process killed mid-write leaves the last commit whole.
      // NORMAL: no fsync per commit; a killed process loses nothing committed (the OS has it), only
      // a power cut can.
      this.db.pragma('locking_mode = EXCLUSIVE');
      this.db.pragma('journal_mode = WAL');
      this.db.pragma('synchronous = NORMAL');
      this.db.pragma(`wal_autocheckpoint = ${WAL_PAGES_PER_CHECKPOINT}`);
      this.db.pragma(`journal_size_limit = ${WAL_BYTES_KEPT}`);
      migrate(this.db);
    } catch (error) {
      this.db.close();
      if (error instanceof Error && /locked|busy/i.test(error.message)) {
        throw new DataDirError(`${this.dataDir} is in use by another returns-mock: stop it first`);
      }
      throw error;
    }
  }

  /** Prepared once per SQL text: the list queries are built from their filters. */
  prepare(sql: string): Database.Statement {
    let statement = this.statements.get(sql);
    if (!statement) this.statements.set(sql, (statement = this.db.prepare(sql)));
    return statement;
  }

  /** The same, answering each row as an array of its columns rather than as an object: the list pages. */
  prepareRaw(sql: string): Database.Statement {
    let statement = this.rawStatements.get(sql);
    if (!statement) this.rawStatements.set(sql, (statement = this.db.prepare(sql).raw(true)));
    return statement;
  }

  /** One write, committed before this returns (or with the transaction it runs in). */
  run(sql: string, ...params: unknown[]): Database.RunResult {
    return this.transaction(() => this.prepare(sql).run(...params));
  }

  transaction<T>(work: () => T): T {
    if (this.depth > 0) return work();
    const batchOpen = this.db.inTransaction;
    this.db.exec(batchOpen ? 'SAVEPOINT work' : 'BEGIN');
    this.depth++;
    try {
      const result = work();
      if (batchOpen) this.db.exec('RELEASE work');
      this.db.exec('COMMIT');
      return result;
    } catch (error) {
      if (batchOpen) this.db.exec('ROLLBACK TO work; RELEASE work');
      else if (this.db.inTransaction) this.db.exec('ROLLBACK');
      throw error;
    } finally {
      this.depth--;
    }
  }

  deferred(work: () => void): void {
    if (this.depth === 0 && !this.db.inTransaction) {
      this.db.exec('BEGIN');
      this.flushScheduled ??= setTimeout(() => this.flush(), BATCH_MS);
    }
    work();
  }

  /** Commits the deferred batch, if one is open. */
  flush(): void {
    clearTimeout(this.flushScheduled);
    this.flushScheduled = undefined;
    if (this.depth === 0 && this.db.inTransaction) this.db.exec('COMMIT');
  }

  close(): void {
    if (!this.db.open) return;
    this.flush();
    this.db.close();
  }
}

/**
 * The folder (made if missing) and the database file in it, readable by its owner only: it holds the
 * webhook secrets, which the server needs in clear to sign. An existing folder's own mode is left
 * alone (it may be the user's); the files in it are the server's.
 */
function openDataFile(dataDir: string): string {
  const dir = resolve(dataDir);
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
  } catch (error) {
    throw new DataDirError(`--data-dir ${dataDir}: cannot create the folder (${messageOf(error)})`);
  }
  if (!statSync(dir).isDirectory()) throw new DataDirError(`--data-dir ${dataDir}: is not a folder`);
  const file = join(dir, DATABASE_FILE);
  try {
    closeSync(openSync(file, 'a', 0o600));
    chmodSync(file, 0o600);
  } catch (error) {
    throw new DataDirError(
      `--data-dir ${dataDir}: cannot write ${DATABASE_FILE} there (${messageOf(error)})`,
    );
  }
  return file;
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));
