import { count } from "drizzle-orm";
import type { AppConfig } from "../lib/config/env";
import { hashPassword } from "../lib/auth/password";
import { checkNewPassword } from "../lib/auth/password-policy";
import type { Db } from "./engine/types";
import { migrateDatabase } from "./migrate";
import { copyRecordsOfEarlierApprovals } from "./records/approved-records";
import { dimensions, projects, users } from "./tables";
import { seedDemoData } from "./seed";
import { seedReferenceData } from "./seed/reference";
import { recordAudit } from "./audit/audit-record";

export type BootstrapOutcome = "seeded-demo" | "created-admin" | "kept-existing-data";

/**
 * Brings a database up to date at start: migrations, then either the demo data (demo mode, empty
 * database) or the reference data and the first admin (production mode, no users yet).
 * Never touches a database that already holds data: seeding never runs twice.
 */
export async function bootstrapDatabase(db: Db, config: Pick<AppConfig, "demo" | "admin">): Promise<BootstrapOutcome> {
  await migrateDatabase(db);
  await copyRecordsOfEarlierApprovals(db);
  // One write from the check to the seed: instances started together on one database seed it once.
  return db.write(async (tx) => {
    const isEmpty =
      (await tx.select({ n: count() }).from(users))[0]?.n === 0 &&
      (await tx.select({ n: count() }).from(projects))[0]?.n === 0 &&
      (await tx.select({ n: count() }).from(dimensions))[0]?.n === 0;
    if (!isEmpty) return "kept-existing-data";

    if (config.demo) {
      await seedDemoData(db);
      return "seeded-demo";
    }

    const { email, password, name } = config.admin;
    if (!email || !password) {
      throw new Error("This database has no users yet. Set BASELINE_ADMIN_EMAIL and BASELINE_ADMIN_PASSWORD (at least 12 characters) to create the first administrator.");
    }
    if (checkNewPassword(password, { email, name })) {
      throw new Error("BASELINE_ADMIN_PASSWORD is too common, or holds the admin's name or e-mail: choose a longer, unusual one (a few words will do).");
    }
    const passwordHash = await hashPassword(password);
    await seedReferenceData(tx);
    const admin = (await tx.insert(users).values({ email, name, role: "admin", passwordHash }).returning({ id: users.id }))[0]!;
    await recordAudit(tx, { action: "user.bootstrap_admin", entityType: "user", entityId: admin.id, details: { email } });
    return "created-admin";
  });
}
