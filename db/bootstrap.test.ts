import { count, eq, sql } from "drizzle-orm";
import type { SQLiteTable } from "drizzle-orm/sqlite-core";
import { afterEach, describe, expect, it } from "vitest";
import { bootstrapDatabase } from "./bootstrap";
import { getReach } from "./registry/registry";
import { trainingsAsSeen } from "./trainings/trainings";
import { COPIES_KEY } from "./records/approved-records";
import { createTestDatabase, refusal, viewerByEmail } from "./test-database";
import { appMeta, approvedServices, approvedTrainings, auditLog, dataValues, dimensions, projects, users } from "./tables";
import type { Db } from "./engine/types";

const noAdmin = { email: undefined, password: undefined, name: "Administrator" };
const cleanups: (() => Promise<void>)[] = [];
async function freshDatabase(): Promise<Db> {
  const { db, remove } = await createTestDatabase();
  cleanups.push(remove);
  return db;
}
afterEach(async () => {
  for (const remove of cleanups.splice(0)) await remove();
});

const rows = async (db: Db, table: SQLiteTable) => (await db.select({ n: count() }).from(table))[0]?.n;

describe("bootstrapDatabase in demo mode", () => {
  it("seeds an empty database once and never overwrites what users entered", async () => {
    const db = await freshDatabase();
    expect(await bootstrapDatabase(db, { demo: true, admin: noAdmin })).toBe("seeded-demo");
    const before = { users: await rows(db, users), projects: await rows(db, projects), values: await rows(db, dataValues) };
    expect(before.projects).toBe(5);

    const edited = (await db.select().from(dataValues).where(eq(dataValues.status, "draft")))[0];
    if (!edited) throw new Error("the demo data has no draft value");
    await db.write((tx) => tx.update(dataValues).set({ value: 4242, comment: "entered by a user" }).where(eq(dataValues.id, edited.id)));

    expect(await bootstrapDatabase(db, { demo: true, admin: noAdmin })).toBe("kept-existing-data");
    expect({ users: await rows(db, users), projects: await rows(db, projects), values: await rows(db, dataValues) }).toEqual(before);
    expect((await db.select().from(dataValues).where(eq(dataValues.id, edited.id)))[0]).toMatchObject({ value: 4242, comment: "entered by a user" });
  }, 30_000);
});

describe("bootstrapDatabase in production mode", () => {
  it("refuses to start an empty database without the first admin's credentials", async () => {
    const db = await freshDatabase();
    await expect(bootstrapDatabase(db, { demo: false, admin: noAdmin })).rejects.toThrow(/BASELINE_ADMIN_EMAIL and BASELINE_ADMIN_PASSWORD/);
    expect(await rows(db, users)).toBe(0);
  });

  it("refuses a common first admin password, creating nothing", async () => {
    const db = await freshDatabase();
    await expect(bootstrapDatabase(db, { demo: false, admin: { email: "it@example.org", password: "password1234", name: "IT" } })).rejects.toThrow(/too common/);
    expect(await rows(db, users)).toBe(0);
  });

  it("creates the first admin and the reference data, but no demo data", async () => {
    const db = await freshDatabase();
    const admin = { email: "it@example.org", password: "a long enough password", name: "IT" };
    expect(await bootstrapDatabase(db, { demo: false, admin })).toBe("created-admin");
    expect(await db.select({ email: users.email, role: users.role }).from(users)).toEqual([{ email: "it@example.org", role: "admin" }]);
    expect((await db.select().from(users))[0]?.passwordHash).not.toContain(admin.password);
    expect(await rows(db, projects)).toBe(0);
    expect(await rows(db, dimensions)).toBe(3);
    expect(await db.select({ action: auditLog.action }).from(auditLog)).toEqual([{ action: "user.bootstrap_admin" }]);
    expect(await bootstrapDatabase(db, { demo: false, admin })).toBe("kept-existing-data");
    expect(await rows(db, users)).toBe(1);
  });
});

describe("the database connection", () => {
  it("enforces foreign keys; on SQLite, uses WAL and waits for a busy writer", async () => {
    const db = await freshDatabase();
    if (db.engine === "sqlite") {
      expect(await db.all(sql`PRAGMA journal_mode`)).toEqual([{ journal_mode: "wal" }]);
      expect(await db.all(sql`PRAGMA busy_timeout`)).toEqual([{ timeout: 5000 }]);
    }
    expect(
      await refusal(
        db.write((tx) =>
          tx.insert(projects).values({ code: "X", titleEn: "X", status: "active", startDate: "2024-01-01", endDate: "2024-12-31", countryId: 999, reportingFrequency: "yearly" }),
        ),
      ),
    ).toMatch(/FOREIGN KEY|foreign key/);
  });

  it("keeps the audit log append-only", async () => {
    const db = await freshDatabase();
    await db.write((tx) => tx.insert(auditLog).values({ action: "test.entry", entityType: "test" }));
    expect(await refusal(db.write((tx) => tx.update(auditLog).set({ action: "rewritten" })))).toMatch(/append-only/);
    expect(await refusal(db.write((tx) => tx.delete(auditLog)))).toMatch(/append-only/);
    expect(await rows(db, auditLog)).toBe(1);
  });

  it("refuses values outside the closed vocabularies and impossible shapes", async () => {
    const db = await freshDatabase();
    expect(await refusal(db.write((tx) => tx.insert(users).values({ email: "a@b.c", name: "A", passwordHash: "x", role: "superuser" as never })))).toMatch(/CHECK|check constraint/);
  });
});

describe("bootstrapDatabase on a database of an earlier version", () => {
  it("copies, once, the records of the periods approved before approvals recorded them: donors' figures stay as they were", async () => {
    const db = await freshDatabase();
    expect(await bootstrapDatabase(db, { demo: true, admin: noAdmin })).toBe("seeded-demo");
    const donor = { db, viewer: await viewerByEmail(db, "donor.japan@baseline.test") };
    const p4 = (await db.select().from(projects).where(eq(projects.code, "RW-REINT-P4")))[0]!;
    const seen = async () => ({ reach: await getReach(donor, [p4.id]), trainings: await trainingsAsSeen(donor, [p4.id]) });
    const before = await seen();
    expect(before.reach.uniqueDirect).toBeGreaterThan(0);
    // As an earlier version left it: no copies, and no mark that they were made.
    await db.write((tx) => tx.delete(approvedServices));
    await db.write((tx) => tx.delete(approvedTrainings));
    await db.write((tx) => tx.delete(appMeta).where(eq(appMeta.key, COPIES_KEY)));
    expect((await seen()).reach.uniqueDirect).toBe(0);

    expect(await bootstrapDatabase(db, { demo: true, admin: noAdmin })).toBe("kept-existing-data");
    expect(await seen()).toEqual(before);
    const copies = await rows(db, approvedServices);
    await db.write((tx) => tx.delete(approvedServices).where(eq(approvedServices.period, "2026Q2")));
    // Once only: a later start leaves the copies as they are.
    expect(await bootstrapDatabase(db, { demo: true, admin: noAdmin })).toBe("kept-existing-data");
    expect(await rows(db, approvedServices)).toBeLessThan(copies ?? 0);
  }, 60_000);
});
