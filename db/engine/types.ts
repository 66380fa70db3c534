import type { SQL } from "drizzle-orm";
import type { BetterSQLite3Database } from "drizzle-orm/better-sqlite3";

// What the queries see of a database, whichever engine answers. Queries are written once, with
// drizzle's builders typed on the embedded engine's: the server engine's builders take the same
// calls and give the same rows (db/tables.ts picks each engine's tables).

type Drizzle = BetterSQLite3Database;

/** The raw-SQL methods of drizzle's SQLite database, synchronous there: replaced by asynchronous ones. */
type SyncRaw = "all" | "get" | "values" | "run";

/**
 * What queries are built on: the reading side, or the transaction inside a write. Builders are
 * awaited; raw SQL runs through `all`, `values` and `run`.
 */
export type Executor = Omit<Drizzle, "transaction" | "$client" | "batch" | SyncRaw> & {
  all<T>(query: SQL): Promise<T[]>;
  values<T extends unknown[] = unknown[]>(query: SQL): Promise<T[]>;
  run(query: SQL): Promise<void>;
};

export type Engine = "sqlite" | "postgresql";

export type Db = Executor & {
  /** Which engine answers: said by /api/health. */
  readonly engine: Engine;
  /**
   * Runs `work` in a write transaction: all of it commits, or none of it if it throws. Writes are
   * taken one at a time, across every process on the database. Inside one, every query of this
   * database, through `tx` or not, runs on the transaction and sees its writes; a write started
   * inside another joins it.
   */
  write<T>(work: (tx: Executor) => Promise<T>): Promise<T>;
  /** Whether the caller runs inside a write transaction of this database. */
  inWrite(): boolean;
  /** Changes whenever a write has been committed, by this process or another. */
  changeStamp(): Promise<string>;
  /** Applies the migrations of `folder` that the database has not had yet. */
  migrate(folder: string): Promise<void>;
  /**
   * The rows of `queries`, one query after the other, as a stream of text: `head`, then a line per
   * row, read from one consistent snapshot, with one chunk in memory at a time.
   */
  stream(queries: SQL | readonly SQL[], head: string, line: (row: unknown[]) => string, rowsPerChunk?: number): ReadableStream<Uint8Array>;
  close(): Promise<void>;
};
