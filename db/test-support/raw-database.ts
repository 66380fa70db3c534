import Database from "better-sqlite3";
import pg from "pg";

// The database behind the app, for what tests, the benchmark and the load test set up or check
// behind the app's back, on either engine: a SQLite file, or a PostgreSQL database by URL.
// Statements take `?` placeholders.

export type RawDatabase = {
  one<T>(sql: string, ...params: unknown[]): Promise<T>;
  all<T>(sql: string, ...params: unknown[]): Promise<T[]>;
  run(sql: string, ...params: unknown[]): Promise<void>;
  close(): Promise<void>;
};

export function rawDatabase(location: { url?: string; file?: string }): RawDatabase {
  const { url, file } = location;
  if (url) {
    // A connection per statement: the server may restart in the middle of a load test, and a
    // connection held open across it would be dropped.
    const all = async <T>(sql: string, ...params: unknown[]) => {
      const client = new pg.Client({ connectionString: url });
      client.on("error", () => undefined);
      await client.connect();
      try {
        let n = 0;
        return (
          await client.query(
            sql.replace(/\?/g, () => `$${++n}`),
            params,
          )
        ).rows as T[];
      } finally {
        await client.end();
      }
    };
    return {
      all,
      one: async <T>(sql: string, ...params: unknown[]) => (await all<T>(sql, ...params))[0]!,
      run: async (sql, ...params) => {
        await all(sql, ...params);
        // A write made outside the app: the instances' read caches must hear of it (db/engine/postgres.ts).
        await all("SELECT nextval('baseline_changes')");
      },
      close: async () => undefined,
    };
  }
  const db = new Database(file!);
  return {
    all: async (sql, ...params) => db.prepare(sql).all(...params) as never[],
    one: async (sql, ...params) => db.prepare(sql).get(...params) as never,
    run: async (sql, ...params) => void db.prepare(sql).run(...params),
    close: async () => void db.close(),
  };
}
