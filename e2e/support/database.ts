import Database from "better-sqlite3";
import pg from "pg";
import { test } from "@playwright/test";

// The database behind the app under test, for what a test sets up or checks behind the app's back:
// the SQLite file of the sqlite project, or the PostgreSQL database of the postgresql one
// (playwright.config.ts names it in the project's metadata). Statements take `?` placeholders.

export type TestDatabase = {
  one<T>(sql: string, ...params: unknown[]): Promise<T>;
  all<T>(sql: string, ...params: unknown[]): Promise<T[]>;
  run(sql: string, ...params: unknown[]): Promise<void>;
  close(): Promise<void>;
};

export function appDatabase(): TestDatabase {
  const { databaseUrl, databasePath } = test.info().project.metadata as { databaseUrl?: string; databasePath?: string };
  if (databaseUrl) {
    const client = new pg.Client({ connectionString: databaseUrl });
    const connected = client.connect();
    const numbered = (sql: string) => {
      let n = 0;
      return sql.replace(/\?/g, () => `$${++n}`);
    };
    const all = async <T>(sql: string, ...params: unknown[]) => {
      await connected;
      return (await client.query(numbered(sql), params)).rows as T[];
    };
    return {
      all,
      one: async <T>(sql: string, ...params: unknown[]) => (await all<T>(sql, ...params))[0]!,
      run: async (sql, ...params) => {
        await all(sql, ...params);
        // A write made outside the app: the instances' read caches must hear of it (db/engine/postgres.ts).
        await all("SELECT nextval('baseline_changes')");
      },
      close: () => client.end(),
    };
  }
  const db = new Database(databasePath!);
  return {
    all: async (sql, ...params) => db.prepare(sql).all(...params) as never[],
    one: async (sql, ...params) => db.prepare(sql).get(...params) as never,
    run: async (sql, ...params) => void db.prepare(sql).run(...params),
    close: async () => void db.close(),
  };
}
