import "server-only";
import { and, count, eq, gte, lt } from "drizzle-orm";
import type { Db } from "../engine/types";
import { getDb } from "../index";
import { signInFailures, users } from "../tables";
import { verifyCredentials, type SignedInUser } from "./users";
import { recordAudit } from "../audit/audit-record";

export const ACCOUNT_LIMIT = 10;
export const ADDRESS_LIMIT = 100;
export const LOCK_MINUTES = 15;

/**
 * Signs in with e-mail and password, or refuses, the same way whatever the reason: unknown e-mail,
 * wrong password, or a lock (after ten failures for the e-mail, or a hundred from the address,
 * within 15 minutes: then even the right password is refused until they are older). A disabled
 * account with its right password is told so ("disabled"): only its owner can get that answer.
 * Each failure is kept; the one that locks an account goes to the audit trail.
 */
export async function signInWithPassword(email: string, password: string, address: string, db: Db = getDb(), now = new Date()): Promise<SignedInUser | "disabled" | null> {
  const key = email.trim().toLowerCase();
  const since = new Date(now.getTime() - LOCK_MINUTES * 60_000).toISOString();
  const failures = async (where: ReturnType<typeof eq>) =>
    (
      await db
        .select({ n: count() })
        .from(signInFailures)
        .where(and(where, gte(signInFailures.at, since)))
    )[0]?.n ?? 0;
  const locked = (await failures(eq(signInFailures.email, key))) >= ACCOUNT_LIMIT || (await failures(eq(signInFailures.address, address))) >= ADDRESS_LIMIT;
  // The password is checked even when locked, so that a lock takes as long as any refusal.
  const user = await verifyCredentials(key, password, db);
  if (user && !locked) {
    if (user === "disabled") return "disabled";
    await db.write((tx) => tx.delete(signInFailures).where(eq(signInFailures.email, key)));
    return user;
  }
  await db.write(async (tx) => {
    await tx.delete(signInFailures).where(lt(signInFailures.at, new Date(now.getTime() - 86_400_000).toISOString()));
    await tx.insert(signInFailures).values({ email: key, address, at: now.toISOString() });
    const recent =
      (
        await tx
          .select({ n: count() })
          .from(signInFailures)
          .where(and(eq(signInFailures.email, key), gte(signInFailures.at, since)))
      )[0]?.n ?? 0;
    if (recent === ACCOUNT_LIMIT) {
      const account = (await tx.select({ id: users.id }).from(users).where(eq(users.email, key)))[0];
      await recordAudit(tx, {
        userId: null,
        action: "user.lock",
        entityType: "user",
        entityId: account?.id ?? null,
        details: { email: key, address, failures: recent, until: new Date(now.getTime() + LOCK_MINUTES * 60_000).toISOString() },
      });
    }
  });
  return null;
}
