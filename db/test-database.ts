import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, inject } from "vitest";
import { databaseEngine } from "../lib/config/env";
import { openPostgres } from "./engine/postgres";
import { openDatabase } from "./engine/sqlite";
import type { Db } from "./engine/types";
import { migrateDatabase } from "./migrate";
import type { QueryContext, Viewer } from "./users/viewer";
import { users } from "./tables";
import { seedDemoData } from "./seed";
import { copyOfTemplate } from "./test-support/postgres-databases";

declare module "vitest" {
  export interface ProvidedContext {
    /** The test run's id, for the names of its PostgreSQL databases (vitest.global-setup.ts). */
    baselineRun: string;
  }
}

type TestDatabase = {
  db: Db;
  /** The SQLite file, or the PostgreSQL database's URL. */
  location: string;
  remove: () => Promise<void>;
};

/**
 * A migrated database of the test file's own, on the engine the tests run on (PostgreSQL when
 * DATABASE_URL names a server, SQLite otherwise); with the demo data as of `seededOn` when given.
 */
export async function createTestDatabase(seededOn?: string): Promise<TestDatabase> {
  if (databaseEngine() === "postgresql") {
    const kind = seededOn ? `demo as of ${seededOn}` : "migrated";
    const copy = await copyOfTemplate(process.env.DATABASE_URL!, inject("baselineRun"), kind, async (url) => {
      const db = openPostgres(url, { maxConnections: 2 });
      try {
        await migrateDatabase(db);
        if (seededOn) await seedDemoData(db, { today: seededOn });
      } finally {
        await db.close();
      }
    });
    const db = openPostgres(copy.url, { maxConnections: 4 });
    return {
      db,
      location: copy.url,
      remove: async () => {
        await db.close();
        await copy.drop();
      },
    };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "baseline-test-"));
  const file = path.join(dir, "test.db");
  const db = openDatabase(file);
  await migrateDatabase(db);
  if (seededOn) await seedDemoData(db, { today: seededOn });
  return {
    db,
    location: file,
    remove: async () => {
      await db.close();
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
  let made: (TestDatabase & { db: Db }) | null = null;
  // The users as they are now, read again after each write (a test may change a role), so that
  // `as` can give a context at once.
  let people = new Map<string, Viewer>();
  const readPeople = async (db: Db) => {
    people = new Map((await db.select().from(users)).map((u) => [u.email, { userId: u.id, role: u.role, organisationId: u.organisationId }]));
  };
  beforeAll(async () => {
    const created = await createTestDatabase(today);
    const write: Db["write"] = async (work) => {
      const result = await created.db.write(work);
      if (!created.db.inWrite()) await readPeople(created.db);
      return result;
    };
    made = { ...created, db: new Proxy(created.db, { get: (target, key) => (key === "write" ? write : Reflect.get(target, key)) }) };
    await readPeople(created.db);
  }, 60_000);
  afterAll(async () => {
    await made?.remove();
  });
  const current = () => {
    if (!made) throw new Error("The demo database is made before the tests (beforeAll).");
    return made;
  };
  return {
    get db(): Db {
      return current().db;
    },
    /** The SQLite file, or the PostgreSQL database's URL. */
    get location(): string {
      return current().location;
    },
    /** The context of a user by e-mail, as they are now (a test may change their role). */
    as: (email: string): QueryContext => {
      const viewer = people.get(email);
      if (!viewer) throw new Error(`No user ${email}`);
      return { db: current().db, viewer };
    },
  };
}

/**
 * What a failed database statement said, with the engine's own error (drizzle wraps PostgreSQL's
 * in a "Failed query" of its own): for tests of what the database refuses.
 */
export async function refusal(work: Promise<unknown>): Promise<string> {
  try {
    await work;
    return "(not refused)";
  } catch (error) {
    return `${(error as Error).message} ${((error as Error).cause as Error | undefined)?.message ?? ""}`;
  }
}
