import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { openDatabase, type Db } from "./client";
import { migrateDatabase } from "./migrate";
import type { Viewer } from "./queries/viewer";
import { users } from "./schema";

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
