import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { bootstrapDatabase } from "../bootstrap";
import { getProgrammeSummary } from "../figures/programmes";
import { demoDatabaseForTests, viewerByEmail } from "../test-database";
import { freshDatabase } from "../test-support/postgres-databases";
import { openPostgres } from "./postgres";
import { backupPostgres, restorePostgres } from "./postgres-backup";

// The PostgreSQL half only (db/engine/sqlite-backup.test.ts is SQLite's): npm run db:backup's
// pg_dump, while another connection writes, and the README's restore.
const demo = demoDatabaseForTests();

describe.runIf(process.env.DATABASE_URL)("backupPostgres", () => {
  it("copies one committed state while another connection keeps writing, and the copy restores", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "baseline-pg-backup-"));
    const writer = new pg.Client({ connectionString: demo.location });
    await writer.connect();
    const [{ id: project, place }] = (await writer.query("SELECT id, country_id AS place FROM projects WHERE code = 'RW-REINT-P4'")).rows as [{ id: number; place: number }];
    // Each write is a person and their service, in one transaction: a copy holds both or neither.
    const write = async (n: number) => {
      await writer.query("BEGIN");
      const { id } = (
        await writer.query(
          "INSERT INTO beneficiaries (project_id, ref, sex, group_code, location_id, household_size, created_at) VALUES ($1, $2, 'male', 'returnee', $3, 3, '2026-11-23') RETURNING id",
          [project, `BACKUP-${n}`, place],
        )
      ).rows[0] as { id: number };
      await writer.query("INSERT INTO beneficiary_services (beneficiary_id, service_type_id, received_on) VALUES ($1, 1, '2026-11-01')", [id]);
      await writer.query("COMMIT");
    };
    let n = 0;
    for (; n < 20; n++) await write(n);
    // A transaction left open by the other connection while the copy is made, and writes going on during it.
    await writer.query("BEGIN");
    await writer.query(
      "INSERT INTO beneficiaries (project_id, ref, sex, group_code, location_id, household_size, created_at) VALUES ($1, 'BACKUP-UNCOMMITTED', 'male', 'returnee', $2, 3, '2026-11-23')",
      [project, place],
    );
    const backup = path.join(dir, "copy.dump");
    try {
      const { bytes, entries } = await backupPostgres(demo.location, backup);
      expect(bytes).toBeGreaterThan(100_000);
      expect(entries).toBeGreaterThan(30);
    } finally {
      await writer.query("COMMIT");
      await write(n++);
      await writer.end();
    }
    await expect(backupPostgres(demo.location, backup)).rejects.toThrow(/exists already/);

    // Restoring, as the README says: into a new, empty database, then the app starts on it.
    const { url: restored, drop } = await freshDatabase(process.env.DATABASE_URL!, `baseline_restored_${process.pid}`);
    const db = openPostgres(restored, { maxConnections: 2 });
    try {
      await restorePostgres(backup, restored);
      const [people] = await db.all<{ n: number; served: number }>(sql`
        SELECT count(*) AS n, count(*) FILTER (WHERE EXISTS (SELECT 1 FROM beneficiary_services s WHERE s.beneficiary_id = b.id)) AS served
        FROM beneficiaries b WHERE ref LIKE 'BACKUP-%'`);
      // Everything committed before the copy, nothing of what was not.
      expect(people).toEqual({ n: 20, served: 20 });
      expect(await bootstrapDatabase(db, { demo: true, admin: { email: undefined, password: undefined, name: "Administrator" } })).toBe("kept-existing-data");
      const summary = await getProgrammeSummary({ db, viewer: await viewerByEmail(db, "staff@baseline.test") }, "RW-REINT", { phases: [1, 2, 3] });
      expect(summary?.reach).toMatchObject({ uniqueDirect: 8140, indirect: 40550 });
      // The restored database goes on: new rows take new ids, the audit log is still append-only.
      await db.write((tx) => tx.run(sql`INSERT INTO organisations (code, name_en, type, created_at) VALUES ('AFTER-RESTORE', 'After', 'donor', '2026-11-30')`));
      await expect(db.write((tx) => tx.run(sql`DELETE FROM audit_log`))).rejects.toThrow();
    } finally {
      await db.close();
      await drop();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
