import { AsyncLocalStorage } from "node:async_hooks";
import pg from "pg";
import type { SQL } from "drizzle-orm";
import { drizzle, type NodePgDatabase } from "drizzle-orm/node-postgres";
import { migrate } from "drizzle-orm/node-postgres/migrator";
import { PgDialect } from "drizzle-orm/pg-core";
import { streamCursorRows } from "./postgres-stream";
import type { Db, Executor } from "./types";
import { writeQueue } from "./write-queue";

// The only module that knows the server engine is PostgreSQL, through node-postgres.
//
// Reads run on a pool of read-only connections. Writes run one at a time, as on the embedded engine:
// in this process behind a queue, and across the processes that share the database behind a
// transaction-scoped advisory lock. Use cases may then read, check and write in one transaction (a
// period's state, a version) with the guarantees they have on SQLite, on one instance or several.

// Counts and sums come back as numbers, as on SQLite: node-postgres gives 64-bit integers and
// numerics as text by default, and drizzle's builders read the same global parsers. No figure of
// Baseline comes near 2^53.
pg.types.setTypeParser(pg.types.builtins.INT8, Number);
pg.types.setTypeParser(pg.types.builtins.NUMERIC, Number);

/** The lock every write takes: one key for Baseline's writes in a database (its objects, not others'). */
const WRITE_LOCK = 7_242_001;
/** The lock migrations take, so that instances started together migrate once. */
const MIGRATION_LOCK = 7_242_002;

type Drizzle = NodePgDatabase;
type Connection = { db: Drizzle; client: pg.Pool | pg.PoolClient };

/** The query surface of `pick()`'s connection: drizzle's builders, and raw SQL run through node-postgres. */
function surface<T extends object>(own: T, pick: () => Connection): T & Executor {
  const dialect = new PgDialect({ casing: "snake_case" });
  const raw = async (connection: Connection, query: SQL, asArrays: boolean): Promise<unknown[]> => {
    const { sql: text, params } = dialect.sqlToQuery(query);
    return asArrays ? (await connection.client.query({ text, values: params, rowMode: "array" })).rows : (await connection.client.query(text, params)).rows;
  };
  return new Proxy(own, {
    get(target, key) {
      if (key in target) return Reflect.get(target, key);
      const on = pick();
      if (key === "all") return (query: SQL) => raw(on, query, false);
      if (key === "values") return (query: SQL) => raw(on, query, true);
      if (key === "run") return async (query: SQL) => void (await raw(on, query, false));
      const member = Reflect.get(on.db, key) as unknown;
      return typeof member === "function" ? (member as (...args: unknown[]) => unknown).bind(on.db) : member;
    },
  }) as T & Executor;
}

/** Opens a PostgreSQL database by URL (postgres://user:password@host:port/database). Connections are made on first use. */
export function openPostgres(url: string, options: { maxConnections?: number } = {}): Db {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.maxConnections ?? 10,
    // While the server is down, a request fails within seconds (the app answers 503) instead of waiting.
    connectionTimeoutMillis: 5_000,
    application_name: "baseline",
    // A write outside db.write fails, as it does on SQLite's reading connection.
    options: "-c default_transaction_read_only=on",
  });
  // An idle connection the server closed (a restart) is dropped by the pool and replaced on next use;
  // without a listener, node-postgres would end the process.
  pool.on("error", () => undefined);
  const reading: Connection = { db: drizzle({ client: pool, casing: "snake_case" }), client: pool };
  const inTransaction = new AsyncLocalStorage<Connection>();
  const enqueue = writeQueue();

  const tx = surface({}, () => inTransaction.getStore() ?? reading);
  const write = <T>(work: (tx: Executor) => Promise<T>): Promise<T> => {
    if (inTransaction.getStore()) return work(tx);
    return enqueue(async () => {
      const client = await pool.connect();
      let broken: Error | undefined;
      try {
        // One round trip: the lock's key is this module's constant.
        await client.query(`BEGIN READ WRITE; SELECT pg_advisory_xact_lock(${WRITE_LOCK})`);
        const result = await inTransaction.run({ db: drizzle({ client, casing: "snake_case" }), client }, () => work(tx));
        // The counter moves after the commit, before the caller hears of it: an instance that reads
        // it afterwards drops what it kept (see changeStamp). One round trip; a failed COMMIT stops it.
        await client.query("COMMIT; BEGIN READ WRITE; SELECT nextval('baseline_changes'); COMMIT");
        return result;
      } catch (error) {
        await client.query("ROLLBACK").catch((failed: Error) => (broken = failed));
        throw error;
      } finally {
        // A connection whose rollback failed is in an unknown state: the pool closes it.
        client.release(broken);
      }
    });
  };

  const own: Omit<Db, keyof Executor> = {
    engine: "postgresql",
    write,
    inWrite: () => inTransaction.getStore() !== undefined,
    // A sequence moved after each write's commit, by whichever instance made it. A write made
    // outside Baseline (psql) does not move it: the read caches then keep their figures until the
    // next write through the app.
    changeStamp: async () => String((await pool.query<{ n: string }>("SELECT last_value AS n FROM baseline_changes")).rows[0]!.n),
    migrate: async (folder) => {
      const client = await pool.connect();
      try {
        await client.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK]);
        await client.query("SET default_transaction_read_only = off");
        await migrate(drizzle({ client, casing: "snake_case" }), { migrationsFolder: folder });
      } finally {
        await client.query("RESET default_transaction_read_only").catch(() => undefined);
        await client.query("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK]).catch(() => undefined);
        client.release();
      }
    },
    stream: (queries, head, line, rowsPerChunk) => streamCursorRows(pool, queries, head, line, rowsPerChunk),
    close: () => pool.end(),
  };

  // Queries go to the transaction when they run inside one, to the pool otherwise.
  return surface(own, () => inTransaction.getStore() ?? reading) as Db;
}
