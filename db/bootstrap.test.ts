import { count, eq } from "drizzle-orm";
import type { SQLiteTable } from "drizzle-orm/sqlite-core";
import { afterEach, describe, expect, it } from "vitest";
import { bootstrapDatabase } from "./bootstrap";
import { getReach } from "./queries/registry";
import { trainingsAsSeen } from "./queries/trainings";
import { COPIES_KEY } from "./records/approved-records";
import { createTestDatabase, viewerByEmail } from "./test-database";
import { appMeta, approvedServices, approvedTrainings, auditLog, dataValues, dimensions, projects, users } from "./schema";
import type { Db } from "./client";

const noAdmin = { email: undefined, password: undefined, name: "Administrator" };
const cleanups: (() => void)[] = [];
function freshDatabase(): Db {
  const { db, remove } = createTestDatabase();
  cleanups.push(remove);
  return db;
}
afterEach(() => cleanups.splice(0).forEach((remove) => remove()));

const rows = (db: Db, table: SQLiteTable) =>
  db.select({ n: count() }).from(table).get()?.n;

describe("bootstrapDatabase in demo mode", () => {
  it("seeds an empty database once and never overwrites what users entered", async () => {
    const db = freshDatabase();
    expect(await bootstrapDatabase(db, { demo: true, admin: noAdmin })).toBe("seeded-demo");
    const before = { users: rows(db, users), projects: rows(db, projects), values: rows(db, dataValues) };
    expect(before.projects).toBe(5);

    const edited = db.select().from(dataValues).where(eq(dataValues.status, "draft")).get();
    if (!edited) throw new Error("the demo data has no draft value");
    db.update(dataValues).set({ value: 4242, comment: "entered by a user" }).where(eq(dataValues.id, edited.id)).run();

    expect(await bootstrapDatabase(db, { demo: true, admin: noAdmin })).toBe("kept-existing-data");
    expect({ users: rows(db, users), projects: rows(db, projects), values: rows(db, dataValues) }).toEqual(before);
    expect(db.select().from(dataValues).where(eq(dataValues.id, edited.id)).get()).toMatchObject({ value: 4242, comment: "entered by a user" });
  }, 30_000);
});

describe("bootstrapDatabase in production mode", () => {
  it("refuses to start an empty database without the first admin's credentials", async () => {
    const db = freshDatabase();
    await expect(bootstrapDatabase(db, { demo: false, admin: noAdmin })).rejects.toThrow(/BASELINE_ADMIN_EMAIL and BASELINE_ADMIN_PASSWORD/);
    expect(rows(db, users)).toBe(0);
  });

  it("refuses a common first admin password, creating nothing", async () => {
    const db = freshDatabase();
    await expect(bootstrapDatabase(db, { demo: false, admin: { email: "it@example.org", password: "password1234", name: "IT" } })).rejects.toThrow(/too common/);
    expect(rows(db, users)).toBe(0);
  });

  it("creates the first admin and the reference data, but no demo data", async () => {
    const db = freshDatabase();
    const admin = { email: "it@example.org", password: "a long enough password", name: "IT" };
    expect(await bootstrapDatabase(db, { demo: false, admin })).toBe("created-admin");
    expect(db.select({ email: users.email, role: users.role }).from(users).all()).toEqual([{ email: "it@example.org", role: "admin" }]);
    expect(db.select().from(users).get()?.passwordHash).not.toContain(admin.password);
    expect(rows(db, projects)).toBe(0);
    expect(rows(db, dimensions)).toBe(3);
    expect(db.select({ action: auditLog.action }).from(auditLog).all()).toEqual([{ action: "user.bootstrap_admin" }]);
    expect(await bootstrapDatabase(db, { demo: false, admin })).toBe("kept-existing-data");
    expect(rows(db, users)).toBe(1);
  });
});

describe("the database connection", () => {
  it("uses WAL, enforces foreign keys and waits for a busy writer", () => {
    const db = freshDatabase();
    expect(db.$client.pragma("journal_mode", { simple: true })).toBe("wal");
    expect(db.$client.pragma("foreign_keys", { simple: true })).toBe(1);
    expect(db.$client.pragma("busy_timeout", { simple: true })).toBe(5000);
    expect(() => db.insert(projects).values({ code: "X", titleEn: "X", status: "active", startDate: "2024-01-01", endDate: "2024-12-31", countryId: 999, reportingFrequency: "yearly" }).run()).toThrow(/FOREIGN KEY/);
  });

  it("keeps the audit log append-only", () => {
    const db = freshDatabase();
    db.insert(auditLog).values({ action: "test.entry", entityType: "test" }).run();
    expect(() => db.update(auditLog).set({ action: "rewritten" }).run()).toThrow(/append-only/);
    expect(() => db.delete(auditLog).run()).toThrow(/append-only/);
    expect(rows(db, auditLog)).toBe(1);
  });

  it("refuses values outside the closed vocabularies and impossible shapes", () => {
    const db = freshDatabase();
    expect(() => db.insert(users).values({ email: "a@b.c", name: "A", passwordHash: "x", role: "superuser" as never }).run()).toThrow(/CHECK/);
  });
});

describe("bootstrapDatabase on a database of an earlier version", () => {
  it("copies, once, the records of the periods approved before approvals recorded them: donors' figures stay as they were", async () => {
    const db = freshDatabase();
    expect(await bootstrapDatabase(db, { demo: true, admin: noAdmin })).toBe("seeded-demo");
    const donor = { db, viewer: viewerByEmail(db, "donor.japan@baseline.test") };
    const p4 = db.select().from(projects).where(eq(projects.code, "RW-REINT-P4")).get()!;
    const seen = () => ({ reach: getReach(donor, [p4.id]), trainings: trainingsAsSeen(donor, [p4.id]) });
    const before = seen();
    expect(before.reach.uniqueDirect).toBeGreaterThan(0);
    // As an earlier version left it: no copies, and no mark that they were made.
    db.delete(approvedServices).run();
    db.delete(approvedTrainings).run();
    db.delete(appMeta).where(eq(appMeta.key, COPIES_KEY)).run();
    expect(seen().reach.uniqueDirect).toBe(0);

    expect(await bootstrapDatabase(db, { demo: true, admin: noAdmin })).toBe("kept-existing-data");
    expect(seen()).toEqual(before);
    const copies = rows(db, approvedServices);
    db.delete(approvedServices).where(eq(approvedServices.period, "2026Q2")).run();
    // Once only: a later start leaves the copies as they are.
    expect(await bootstrapDatabase(db, { demo: true, admin: noAdmin })).toBe("kept-existing-data");
    expect(rows(db, approvedServices)).toBeLessThan(copies ?? 0);
  }, 60_000);
});
