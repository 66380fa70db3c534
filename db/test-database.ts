import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import BetterSqlite3 from "better-sqlite3";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll } from "vitest";
import { openDatabase, type Db } from "./engine/sqlite";
import { migrateDatabase } from "./migrate";
import type { QueryContext, Viewer } from "./users/viewer";
import { users } from "./schema";
import { seedDemoData } from "./seed";

/** A migrated database in a temporary file of its own, for one test file. */
export function createTestDatabase(): { db: Db; file: string; remove: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "baseline-test-"));
  const file = path.join(dir, "test.db");
  const db = openDatabase(file);
  migrateDatabase(db);
  return {
    db,
    file,
    remove: () => {
      db.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The viewer of a user, found by e-mail. */
export async function viewerByEmail(db: Db, email: string): Promise<Viewer> {
  const user = (await db.select().from(users).where(eq(users.email, email)))[0];
  if (!user) throw new Error(`No user ${email}`);
  return { userId: user.id, role: user.role, organisationId: user.organisationId };
}

/**
 * The demo data in a database of the test file's own, seeded before its tests as of `today`, with
 * the query context of a demo user by e-mail.
 */
export function demoDatabaseForTests(today = "2026-11-23") {
  let made: ReturnType<typeof createTestDatabase> | null = null;
  let sqlite: BetterSqlite3.Database | null = null;
  beforeAll(async () => {
    made = createTestDatabase();
    await seedDemoData(made.db, { today });
  }, 30_000);
  afterAll(() => {
    sqlite?.close();
    made?.remove();
  });
  const current = () => {
    if (!made) throw new Error("The demo database is made before the tests (beforeAll).");
    return made;
  };
  const connection = () => (sqlite ??= new BetterSqlite3(current().file));
  return {
    get db(): Db {
      return current().db;
    },
    get file(): string {
      return current().file;
    },
    /** A connection of the test's own, for SQL that reads or changes the file behind the app's back. */
    get sqlite(): BetterSqlite3.Database {
      return connection();
    },
    /** The context of a user by e-mail, as they are now (a test may change their role), read without a query of the app. */
    as: (email: string): QueryContext => {
      const user = connection().prepare("SELECT id, role, organisation_id AS organisationId FROM users WHERE email = ?").get(email) as
        { id: number; role: Viewer["role"]; organisationId: number | null } | undefined;
      if (!user) throw new Error(`No user ${email}`);
      return { db: current().db, viewer: { userId: user.id, role: user.role, organisationId: user.organisationId } };
    },
  };
}
