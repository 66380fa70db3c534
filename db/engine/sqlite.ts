import { AsyncLocalStorage } from "node:async_hooks";
import fs from "node:fs";
import path from "node:path";
import BetterSqlite3 from "better-sqlite3";
import { drizzle, type BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import type { SQL } from "drizzle-orm";
import type { Db, Executor } from "./types";
import { streamRows } from "./sqlite-stream";
import { writeQueue } from "./write-queue";

// The only module that knows the embedded engine is better-sqlite3, and that it is synchronous.
//
// Two connections to one file. Reads run on a read-only connection. Writes run in transactions on a
// connection of their own, one transaction at a time behind a queue. better-sqlite3 and drizzle
// commit a transaction when its callback returns, which an asynchronous callback does at its first
// await; on the connection that serves reads, other requests would then read uncommitted rows or
// interleave their statements with it. On a connection of its own, a transaction stays open across
// awaits, and WAL gives the readers the last committed state until it commits.

type Drizzle = BetterSQLite3Database;

const RAW = ["all", "get", "values", "run"] as const;

// Statements prepared once per connection and SQL text: drizzle prepares each query afresh, which cost
// a page of twenty queries about 1.5 ms (a dashboard's 4%). Lists of varying length make new texts:
// the oldest statements go beyond this many.
const KEPT_STATEMENTS = 500;

/**
 * The connection as drizzle is to see it: `prepare` gives back the statement already prepared for the
 * same SQL, in its default mode. The connection's own statements (the data version) stay apart.
 */
function keepingStatements(sqlite: BetterSqlite3.Database): BetterSqlite3.Database {
  const kept = new Map<string, BetterSqlite3.Statement>();
  const client = Object.create(sqlite) as BetterSqlite3.Database;
  client.prepare = ((source: string) => {
    let statement = kept.get(source);
    if (statement) {
      kept.delete(source);
      // drizzle switches a statement to arrays (raw) for its own row mapping; a raw SQL read of the same text wants objects.
      if (statement.reader) statement.raw(false);
    } else {
      statement = sqlite.prepare(source);
      if (kept.size >= KEPT_STATEMENTS) kept.delete(kept.keys().next().value as string);
    }
    kept.set(source, statement);
    return statement;
  }) as typeof sqlite.prepare;
  return client;
}

function connect(file: string, readonly: boolean): BetterSqlite3.Database {
  const sqlite = new BetterSqlite3(file, { readonly });
  if (!readonly) {
    // WAL so readers never wait for the writer; NORMAL is durable across a crash of the app in WAL.
    sqlite.pragma("journal_mode = WAL");
    sqlite.pragma("synchronous = NORMAL");
  }
  sqlite.pragma("foreign_keys = ON");
  // Another process (a script, a second server) may hold the write lock: wait for it instead of failing.
  sqlite.pragma("busy_timeout = 5000");
  return sqlite;
}

/** The query surface of `pick()`'s connection, raw SQL made asynchronous like the builders. */
function surface<T extends object>(own: T, pick: () => Drizzle): T & Executor {
  return new Proxy(own, {
    get(target, key) {
      if (key in target) return Reflect.get(target, key);
      const on = pick();
      if ((RAW as readonly (string | symbol)[]).includes(key)) {
        const raw = on[key as (typeof RAW)[number]].bind(on) as (query: SQL) => unknown;
        return async (query: SQL) => {
          const result = raw(query);
          return key === "run" ? undefined : result;
        };
      }
      const member = Reflect.get(on, key) as unknown;
      return typeof member === "function" ? (member as (...args: unknown[]) => unknown).bind(on) : member;
    },
  }) as T & Executor;
}

/** Opens the embedded SQLite file (made with its folder if missing) with the settings Baseline relies on. */
export function openDatabase(file: string): Db {
  if (file === ":memory:") throw new Error("Baseline's database is a file: a reading and a writing connection must share it.");
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const writer = connect(file, false);
  const reader = connect(file, true);
  const writing = drizzle({ client: keepingStatements(writer), casing: "snake_case" });
  const reading = drizzle({ client: keepingStatements(reader), casing: "snake_case" });
  const inTransaction = new AsyncLocalStorage<true>();
  const enqueue = writeQueue();
  const dataVersion = reader.prepare("PRAGMA data_version").pluck();

  const tx = surface({}, () => writing);
  const write = <T>(work: (tx: Executor) => Promise<T>): Promise<T> => {
    if (inTransaction.getStore()) return work(tx);
    return enqueue(() =>
      inTransaction.run(true, async () => {
        writer.exec("BEGIN IMMEDIATE");
        try {
          const result = await work(tx);
          writer.exec("COMMIT");
          return result;
        } catch (error) {
          if (writer.inTransaction) writer.exec("ROLLBACK");
          throw error;
        }
      }),
    );
  };

  const own: Omit<Db, keyof Executor> = {
    engine: "sqlite",
    write,
    inWrite: () => inTransaction.getStore() === true,
    // The reading connection's data_version moves at each commit by any other connection, the
    // writing one included; the reading connection itself never writes.
    changeStamp: async () => String(dataVersion.get()),
    migrate: async (folder) => migrate(writing, { migrationsFolder: folder }),
    stream: (queries, head, line, rowsPerChunk) => streamRows(file, queries, head, line, rowsPerChunk),
    close: async () => {
      reader.close();
      writer.close();
    },
  };

  // Queries go to the transaction when they run inside one, to the reading connection otherwise.
  return surface(own, () => (inTransaction.getStore() ? writing : reading)) as Db;
}
