import "server-only";
import { and, count, eq, gte, lt } from "drizzle-orm";
import type { Db } from "../client";
import { getDb } from "../index";
import { auditLog, signInFailures, users } from "../schema";
import { verifyCredentials, type SignedInUser } from "./users";

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
  const failures = (where: ReturnType<typeof eq>) => db.select({ n: count() }).from(signInFailures).where(and(where, gte(signInFailures.at, since))).get()?.n ?? 0;
  const locked = failures(eq(signInFailures.email, key)) >= ACCOUNT_LIMIT || failures(eq(signInFailures.address, address)) >= ADDRESS_LIMIT;
  // The password is checked even when locked, so that a lock takes as long as any refusal.
  const user = await verifyCredentials(key, password, db);
  if (user && !locked) {
    if (user === "disabled") return "disabled";
    db.delete(signInFailures).where(eq(signInFailures.email, key)).run();
    return user;
  }
  db.transaction((tx) => {
    tx.delete(signInFailures).where(lt(signInFailures.at, new Date(now.getTime() - 86_400_000).toISOString())).run();
    tx.insert(signInFailures).values({ email: key, address, at: now.toISOString() }).run();
    const recent = tx.select({ n: count() }).from(signInFailures).where(and(eq(signInFailures.email, key), gte(signInFailures.at, since))).get()?.n ?? 0;
    if (recent === ACCOUNT_LIMIT) {
      const account = tx.select({ id: users.id }).from(users).where(eq(users.email, key)).get();
      tx.insert(auditLog)
        .values({ userId: null, action: "user.lock", entityType: "user", entityId: account?.id ?? null, details: JSON.stringify({ email: key, address, failures: recent, until: new Date(now.getTime() + LOCK_MINUTES * 60_000).toISOString() }) })
        .run();
    }
  });
  return null;
}
