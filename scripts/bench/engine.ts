import Database from "better-sqlite3";
import pg from "pg";

// Which engine `npm run bench` and `npm run test:load` measure (`--engine sqlite|postgresql`), and
// the few reads they make of its database behind the app, with `?` placeholders on either engine.

export type Engine = "sqlite" | "postgresql";

export function engineOption(argv: readonly string[] = process.argv): Engine {
  const at = argv.indexOf("--engine");
  const value = at === -1 ? "sqlite" : argv[at + 1];
  if (value !== "sqlite" && value !== "postgresql") throw new Error(`--engine takes sqlite or postgresql, not ${value}`);
  return value;
}

/** A fresh database of that name on the PostgreSQL server of TEST_DATABASE_URL, or the local one. */
export async function freshPostgresDatabase(name: string): Promise<string> {
  const server = new URL(process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres");
  const client = new pg.Client({ connectionString: server.toString() });
  await client.connect();
  await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await client.query(`CREATE DATABASE ${name}`);
  await client.end();
  server.pathname = `/${name}`;
  return server.toString();
}

export type Reader = { all<T>(sql: string, ...params: unknown[]): Promise<T[]>; close(): Promise<void> };

/** Reads of the measured database: the SQLite file, or the PostgreSQL database at `url`. */
export function reader(file: string, url?: string): Reader {
  if (url) {
    // A connection per read: the server may restart in the middle of a load test, and a connection
    // held open across it would be dropped.
    return {
      all: async <T>(sql: string, ...params: unknown[]) => {
        const client = new pg.Client({ connectionString: url });
        client.on("error", () => undefined);
        await client.connect();
        try {
          let n = 0;
          return (await client.query(sql.replace(/\?/g, () => `$${++n}`), params)).rows as T[];
        } finally {
          await client.end();
        }
      },
      close: async () => undefined,
    };
  }
  const db = new Database(file, { readonly: true });
  return { all: async <T>(sql: string, ...params: unknown[]) => db.prepare(sql).all(...params) as T[], close: async () => void db.close() };
}
