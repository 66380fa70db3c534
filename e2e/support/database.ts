import { test } from "@playwright/test";
import { rawDatabase, type RawDatabase } from "../../db/test-support/raw-database";

// The database behind the app under test: the SQLite file of the sqlite project, or the
// PostgreSQL database of the postgresql one (playwright.config.ts names both in the project's
// metadata; a URL means PostgreSQL).

export type TestDatabase = RawDatabase;

export function appDatabase(): TestDatabase {
  const { databaseUrl, databasePath } = test.info().project.metadata as { databaseUrl?: string; databasePath?: string };
  return rawDatabase({ url: databaseUrl, file: databasePath });
}

/**
 * A person of a test's own (so that no other test loses or locks its user), with the demo password
 * (the hash of a demo account's): left as it is when it exists already. Gives their id.
 */
export async function addPerson(db: TestDatabase, person: { email: string; name: string; role: "staff" | "manager" }): Promise<number> {
  const { h } = await db.one<{ h: string }>("SELECT password_hash AS h FROM users WHERE email = 'staff@baseline.test'");
  await db.run(
    "INSERT INTO users (email, name, password_hash, role, created_at) VALUES (?, ?, ?, ?, '2026-11-23') ON CONFLICT DO NOTHING",
    person.email,
    person.name,
    h,
    person.role,
  );
  return (await db.one<{ id: number }>("SELECT id FROM users WHERE email = ?", person.email)).id;
}
