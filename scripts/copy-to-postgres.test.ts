import { sql } from "drizzle-orm";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { demoDatabaseForTests } from "../db/test-database";
import { freshDatabase, postgresAnswers, TEST_POSTGRES } from "../db/test-support/postgres-databases";
import { copyToPostgres } from "./copy-to-postgres";

// Runs with the SQLite half: the demo file, copied into a PostgreSQL database of the test's own.
const demo = demoDatabaseForTests();
const drops: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const drop of drops) await drop();
});

describe.skipIf(!postgresAnswers())("copyToPostgres", () => {
  it("moves every row of an office's file, with its ids, and new rows follow them", async () => {
    const { url, drop } = await freshDatabase(TEST_POSTGRES, `baseline_copy_${process.pid}`);
    drops.push(drop);
    const copied = await copyToPostgres(demo.location, url);
    const target = new pg.Client({ connectionString: url });
    await target.connect();
    try {
      for (const table of ["projects", "indicators", "data_values", "approved_values", "beneficiaries", "beneficiary_services", "trainings", "users", "audit_log"]) {
        // The table names are this list's own.
        const [source] = await demo.db.all<{ n: number }>(sql.raw(`SELECT count(*) AS n FROM ${table}`));
        expect(copied[table], table).toBe(source!.n);
        expect(Number((await target.query(`SELECT count(*) AS n FROM ${table}`)).rows[0].n), table).toBe(source!.n);
      }
      const sum = async (q: string) => Number((await target.query(q)).rows[0].s);
      const [local] = await demo.db.all<{ s: number }>(sql`SELECT sum(value) AS s FROM data_values`);
      expect(await sum("SELECT sum(value) AS s FROM data_values")).toBe(local!.s);
      const maxId = Number((await target.query("SELECT max(id) AS m FROM organisations")).rows[0].m);
      const next = await target.query("INSERT INTO organisations (code, name_en, type, created_at) VALUES ('NEW', 'New', 'donor', '2026-11-30') RETURNING id");
      expect(next.rows[0].id).toBe(maxId + 1);
    } finally {
      await target.end();
    }
    // Into a database that holds data: refused, nothing changed.
    await expect(copyToPostgres(demo.location, url)).rejects.toThrow(/already holds data/);
  }, 60_000);
});
