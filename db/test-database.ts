import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll } from "vitest";
import { openDatabase, type Db } from "./client";
import { migrateDatabase } from "./migrate";
import type { QueryContext, Viewer } from "./queries/viewer";
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
      db.$client.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The viewer of a user, found by e-mail. */
export function viewerByEmail(db: Db, email: string): Viewer {
  const user = db.select().from(users).where(eq(users.email, email)).get();
  if (!user) throw new Error(`No user ${email}`);
  return { userId: user.id, role: user.role, organisationId: user.organisationId };
}

/**
 * The demo data in a database of the test file's own, seeded before its tests as of `today`, with
 * the query context of a demo user by e-mail.
 */
export function demoDatabaseForTests(today = "2026-11-23") {
  let made: ReturnType<typeof createTestDatabase> | null = null;
  beforeAll(async () => {
    made = createTestDatabase();
    await seedDemoData(made.db, { today });
  }, 30_000);
  afterAll(() => made?.remove());
  const current = () => {
    if (!made) throw new Error("The demo database is made before the tests (beforeAll).");
    return made;
  };
  return {
    get db(): Db {
      return current().db;
    },
    get file(): string {
      return current().file;
    },
    as: (email: string): QueryContext => ({ db: current().db, viewer: viewerByEmail(current().db, email) }),
  };
}
