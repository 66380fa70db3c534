import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import BetterSqlite3 from "better-sqlite3";
import { drizzle } from "drizzle-orm/node-postgres";
import { migrate } from "drizzle-orm/node-postgres/migrator";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "../engine/sqlite";
import { MIGRATIONS_FOLDERS } from "../migrate";
import { freshDatabase, postgresAnswers, TEST_POSTGRES } from "../test-support/postgres-databases";

// The PostgreSQL schema (db/schema-pg, migrations in drizzle-pg/) is held equal to the SQLite one
// (db/schema, drizzle/): both are migrated into empty databases and read back from the databases
// themselves: tables, columns, nullability, primary and foreign keys, unique constraints and indexes.

type Shape = { tables: string[]; columns: string[]; primaryKeys: string[]; foreignKeys: string[]; indexes: string[] };

function sqliteShape(file: string): Shape {
  const db = new BetterSqlite3(file, { readonly: true });
  try {
    const tables = (
      db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> '__drizzle_migrations'").all() as { name: string }[]
    ).map((t) => t.name);
    const shape: Shape = { tables, columns: [], primaryKeys: [], foreignKeys: [], indexes: [] };
    for (const table of tables) {
      const columns = db.prepare(`PRAGMA table_info("${table}")`).all() as { name: string; notnull: number; pk: number }[];
      for (const c of columns) shape.columns.push(`${table}.${c.name} ${c.notnull || c.pk ? "not null" : "null"}`);
      const pk = columns.filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk);
      shape.primaryKeys.push(`${table}(${pk.map((c) => c.name).join(",")})`);
      for (const fk of db.prepare(`PRAGMA foreign_key_list("${table}")`).all() as { from: string; table: string; to: string }[])
        shape.foreignKeys.push(`${table}.${fk.from} -> ${fk.table}.${fk.to}`);
      for (const index of db.prepare(`PRAGMA index_list("${table}")`).all() as { name: string; unique: number; origin: string }[]) {
        if (index.origin === "pk") continue;
        const cols = (db.prepare(`PRAGMA index_info("${index.name}")`).all() as { seqno: number; name: string }[]).sort((a, b) => a.seqno - b.seqno).map((c) => c.name);
        shape.indexes.push(`${table}(${cols.join(",")})${index.unique ? " unique" : ""}`);
      }
    }
    return sorted(shape);
  } finally {
    db.close();
  }
}

async function postgresShape(client: pg.Client): Promise<Shape> {
  const rows = async <T>(query: string) => (await client.query(query)).rows as T[];
  const tables = (await rows<{ name: string }>("SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'")).map(
    (t) => t.name,
  );
  const columns = (
    await rows<{ t: string; c: string; n: string }>("SELECT table_name AS t, column_name AS c, is_nullable AS n FROM information_schema.columns WHERE table_schema = 'public'")
  ).map((r) => `${r.t}.${r.c} ${r.n === "YES" ? "null" : "not null"}`);
  const keys = await rows<{ t: string; primary: boolean; unique: boolean; cols: string[] }>(`
    SELECT t.relname AS t, ix.indisprimary AS primary, ix.indisunique AS unique,
      array_agg(a.attname::text ORDER BY array_position(ix.indkey::int2[], a.attnum)) AS cols
    FROM pg_index ix JOIN pg_class t ON t.oid = ix.indrelid JOIN pg_namespace n ON n.oid = t.relnamespace
    JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = ANY(ix.indkey)
    WHERE n.nspname = 'public' GROUP BY t.relname, ix.indexrelid, ix.indisprimary, ix.indisunique`);
  const foreignKeys = (
    await rows<{ t: string; c: string; rt: string; rc: string }>(`
    SELECT cl.relname AS t, a.attname AS c, rcl.relname AS rt, ra.attname AS rc
    FROM pg_constraint con JOIN pg_class cl ON cl.oid = con.conrelid JOIN pg_class rcl ON rcl.oid = con.confrelid
    JOIN pg_namespace n ON n.oid = cl.relnamespace
    JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = con.conkey[1]
    JOIN pg_attribute ra ON ra.attrelid = con.confrelid AND ra.attnum = con.confkey[1]
    WHERE con.contype = 'f' AND n.nspname = 'public'`)
  ).map((r) => `${r.t}.${r.c} -> ${r.rt}.${r.rc}`);
  return sorted({
    tables,
    columns,
    primaryKeys: keys.filter((k) => k.primary).map((k) => `${k.t}(${k.cols.join(",")})`),
    foreignKeys,
    indexes: keys.filter((k) => !k.primary).map((k) => `${k.t}(${k.cols.join(",")})${k.unique ? " unique" : ""}`),
  });
}

function sorted(shape: Shape): Shape {
  return Object.fromEntries(Object.entries(shape).map(([k, v]) => [k, [...v].sort()])) as Shape;
}

// Runs with the SQLite half, which vitest.config.ts says is alone when no server answers.
describe.skipIf(!postgresAnswers())("the PostgreSQL schema", () => {
  let client: pg.Client;
  let drop: () => Promise<void> = async () => undefined;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "baseline-schema-"));

  beforeAll(async () => {
    const made = await freshDatabase(TEST_POSTGRES, `baseline_schema_${process.pid}`);
    drop = made.drop;
    client = new pg.Client({ connectionString: made.url });
    await client.connect();
    await migrate(drizzle({ client }), { migrationsFolder: MIGRATIONS_FOLDERS.postgresql });
    const sqlite = openDatabase(path.join(dir, "schema.db"));
    await sqlite.migrate(MIGRATIONS_FOLDERS.sqlite);
    await sqlite.close();
  }, 60_000);

  afterAll(async () => {
    await client?.end().catch(() => undefined);
    await drop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("has the SQLite schema's tables, columns, nullability, keys, unique constraints and indexes", async () => {
    const [lite, postgres] = [sqliteShape(path.join(dir, "schema.db")), await postgresShape(client)];
    expect(lite.tables.length).toBeGreaterThan(20);
    expect(postgres.tables).toEqual(lite.tables);
    expect(postgres.columns).toEqual(lite.columns);
    expect(postgres.primaryKeys).toEqual(lite.primaryKeys);
    expect(postgres.foreignKeys).toEqual(lite.foreignKeys);
    expect(postgres.indexes).toEqual(lite.indexes);
  });

  it("keeps the audit log append-only: an UPDATE, a DELETE or a TRUNCATE fails", async () => {
    await client.query("INSERT INTO audit_log (at, action, entity_type) VALUES ('2026-11-30T00:00:00Z', 'test.entry', 'test')");
    await expect(client.query("UPDATE audit_log SET action = 'rewritten'")).rejects.toThrow(/append-only/);
    await expect(client.query("DELETE FROM audit_log")).rejects.toThrow(/append-only/);
    await expect(client.query("TRUNCATE audit_log")).rejects.toThrow(/append-only/);
    expect((await client.query("SELECT action FROM audit_log")).rows).toEqual([{ action: "test.entry" }]);
  });
});
