import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { backupDatabase } from "./sqlite-backup";
import { bootstrapDatabase } from "../bootstrap";
import { openDatabase } from "./sqlite";
import { getProgrammeSummary } from "../figures/programmes";
import { demoDatabaseForTests, viewerByEmail } from "../test-database";

const demo = demoDatabaseForTests();

describe("backupDatabase", () => {
  it("copies one committed state while another connection keeps writing, and the copy restores", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "baseline-backup-"));
    const writer = new Database(demo.location);
    const project = writer.prepare("SELECT id, country_id AS place FROM projects WHERE code = 'RW-REINT-P4'").get() as { id: number; place: number };
    // Each write is a person and their service, in one transaction: a copy holds both or neither.
    const write = writer.transaction((n: number) => {
      const { id } = writer
        .prepare(
          "INSERT INTO beneficiaries (project_id, ref, sex, group_code, location_id, household_size, created_at) VALUES (?, ?, 'male', 'returnee', ?, 3, '2026-11-23') RETURNING id",
        )
        .get(project.id, `BACKUP-${n}`, project.place) as { id: number };
      writer.prepare("INSERT INTO beneficiary_services (beneficiary_id, service_type_id, received_on) VALUES (?, 1, '2026-11-01')").run(id);
    });
    // Writes before, and a transaction left open by the other connection while the copy is made.
    let n = 0;
    for (; n < 20; n++) write(n);
    writer.prepare("BEGIN IMMEDIATE").run();
    writer
      .prepare(
        "INSERT INTO beneficiaries (project_id, ref, sex, group_code, location_id, household_size, created_at) VALUES (?, 'BACKUP-UNCOMMITTED', 'male', 'returnee', ?, 3, '2026-11-23')",
      )
      .run(project.id, project.place);
    try {
      const { bytes } = backupDatabase(demo.location, path.join(dir, "copy.db"));
      expect(bytes).toBeGreaterThan(1_000_000);
    } finally {
      writer.prepare("COMMIT").run();
      write(n++);
      writer.close();
    }
    const copy = new Database(path.join(dir, "copy.db"), { readonly: true });
    const people = copy.prepare("SELECT count(*) AS n FROM beneficiaries WHERE ref LIKE 'BACKUP-%'").get() as { n: number };
    const withService = copy
      .prepare("SELECT count(*) AS n FROM beneficiaries b WHERE ref LIKE 'BACKUP-%' AND EXISTS (SELECT 1 FROM beneficiary_services s WHERE s.beneficiary_id = b.id)")
      .get() as { n: number };
    expect(withService.n).toBe(people.n);
    // Everything committed before the copy, nothing of what was not.
    expect(people.n).toBe(20);
    expect(copy.pragma("journal_mode", { simple: true })).toBe("delete");
    copy.close();
    expect(() => backupDatabase(demo.location, path.join(dir, "copy.db"))).toThrow(/exists already/);

    // Restoring, as the README says: the copy in the database's place, then the app starts on it.
    const restored = path.join(dir, "restored", "baseline.db");
    fs.mkdirSync(path.dirname(restored));
    fs.copyFileSync(path.join(dir, "copy.db"), restored);
    const db = openDatabase(restored);
    try {
      expect(await bootstrapDatabase(db, { demo: true, admin: { email: undefined, password: undefined, name: "Administrator" } })).toBe("kept-existing-data");
      const summary = await getProgrammeSummary({ db, viewer: await viewerByEmail(db, "staff@baseline.test") }, "RW-REINT", { phases: [1, 2, 3] });
      expect(summary?.reach).toMatchObject({ uniqueDirect: 8140, indirect: 40550 });
    } finally {
      await db.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
