import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { openPostgres } from "../db/engine/postgres";
import { migrateDatabase } from "../db/migrate";
import { readConfig, withoutPassword } from "../lib/config/env";

// `DATABASE_URL=postgres://… npm run db:to-postgres [file]`: moves an office's SQLite file (by
// default DATABASE_PATH) into an empty PostgreSQL database, every row with its id, in one
// transaction; the benchmark uses it to serve the same organisation from both engines.

const ARRAY_TYPES: Record<string, string> = { integer: "int4[]", bigint: "int8[]", text: "text[]", "double precision": "float8[]", boolean: "bool[]" };
const ROWS_PER_STATEMENT = 20_000;

/** The tables in an order where each comes after those it refers to. */
async function tablesInOrder(client: pg.Client): Promise<string[]> {
  const tables = (await client.query<{ name: string }>("SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'")).rows.map((r) => r.name);
  const edges = (
    await client.query<{ child: string; parent: string }>(`
      SELECT DISTINCT tc.table_name AS child, ccu.table_name AS parent FROM information_schema.table_constraints tc
      JOIN information_schema.constraint_column_usage ccu ON ccu.constraint_name = tc.constraint_name AND ccu.table_schema = tc.table_schema
      WHERE tc.constraint_type = 'FOREIGN KEY' AND tc.table_schema = 'public'`)
  ).rows.filter((e) => e.child !== e.parent);
  const ordered: string[] = [];
  const visit = (table: string) => {
    if (ordered.includes(table)) return;
    for (const e of edges.filter((edge) => edge.child === table)) visit(e.parent);
    ordered.push(table);
  };
  tables.sort().forEach(visit);
  return ordered;
}

export async function copyToPostgres(file: string, url: string): Promise<Record<string, number>> {
  const target = openPostgres(url, { maxConnections: 2 });
  await migrateDatabase(target);
  await target.close();
  const sqlite = new Database(file, { readonly: true, fileMustExist: true });
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const copied: Record<string, number> = {};
  try {
    await client.query("BEGIN");
    if (Number((await client.query<{ n: string }>("SELECT count(*) AS n FROM users")).rows[0]!.n) > 0) throw new Error(`${withoutPassword(url)} already holds data: copy into an empty database.`);
    // Reference data the migrations or a start may have written: the copy brings all of it.
    for (const table of (await tablesInOrder(client)).reverse()) if (table !== "audit_log") await client.query(`DELETE FROM "${table}"`);
    for (const table of await tablesInOrder(client)) {
      const columns = (
        await client.query<{ name: string; type: string }>(
          "SELECT column_name AS name, data_type AS type FROM information_schema.columns WHERE table_schema = 'public' AND table_name = $1 ORDER BY ordinal_position",
          [table],
        )
      ).rows;
      const list = columns.map((c) => `"${c.name}"`).join(", ");
      const unnest = columns.map((c, i) => `$${i + 1}::${ARRAY_TYPES[c.type] ?? "text[]"}`).join(", ");
      const insert = `INSERT INTO "${table}" (${list}) SELECT * FROM unnest(${unnest})`;
      const rows = sqlite.prepare(`SELECT ${list} FROM "${table}" ORDER BY rowid`).raw(true).iterate() as IterableIterator<unknown[]>;
      let batch: unknown[][] = columns.map(() => []);
      let n = 0;
      const flush = async () => {
        if (batch[0]!.length > 0) await client.query(insert, batch);
        batch = columns.map(() => []);
      };
      for (const row of rows) {
        row.forEach((value, i) => batch[i]!.push(columns[i]!.type === "boolean" && value !== null ? value === 1 : value));
        if (++n % ROWS_PER_STATEMENT === 0) await flush();
      }
      await flush();
      copied[table] = n;
      // Identity columns go on after the largest id copied.
      if (columns.some((c) => c.name === "id")) await client.query(`SELECT setval(pg_get_serial_sequence('"${table}"', 'id'), coalesce(max(id), 0) + 1, false) FROM "${table}"`);
    }
    await client.query("COMMIT");
    await client.query("ANALYZE");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    await client.end();
    sqlite.close();
  }
  return copied;
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  const result = readConfig(process.env);
  if (!result.ok || !result.config.databaseUrl) {
    console.error(result.ok ? "Set DATABASE_URL to the PostgreSQL database to copy into." : result.errors.join("\n"));
    process.exit(1);
  }
  const file = process.argv[2] ?? result.config.databasePath;
  copyToPostgres(file, result.config.databaseUrl).then(
    (copied) => console.log(`Copied ${file} into ${withoutPassword(result.config.databaseUrl!)}: ${Object.entries(copied).map(([t, n]) => `${t} ${n}`).join(", ")}`),
    (error: unknown) => {
      console.error(`Nothing copied: ${error instanceof Error ? error.message : String(error)}`);
      process.exit(1);
    },
  );
}
