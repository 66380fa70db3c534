import "server-only";
import { and, eq, isNull, sql } from "drizzle-orm";
import { verifyPassword } from "../../lib/auth/password";
import type { Language } from "../../lib/domain/codes";
import type { Db } from "../engine/types";
import { getDb } from "../index";
import { users, type User } from "../tables";
import type { Viewer } from "./viewer";
import { recordAudit } from "../audit/audit-record";

// A bcrypt hash of a random password: an unknown e-mail costs the same time as a wrong password,
// so response times do not tell which e-mails have accounts.
const UNKNOWN_USER_HASH = "$2b$12$2l51.T0nHSdfKL7XIHdSB.wKuC.19znQzls7jpH6dgk8NDD9316X6";

export type SignedInUser = { id: number; name: string; email: string; sessionVersion: number };

/**
 * The user whose e-mail and password these are: active, or "disabled" (only for the right password,
 * so that a disabled account cannot be told from a wrong password by anyone else); null otherwise.
 */
export async function verifyCredentials(email: string, password: string, db: Db = getDb()): Promise<SignedInUser | "disabled" | null> {
  const user = (await db.select().from(users).where(eq(users.email, email.trim().toLowerCase())))[0];
  const matches = await verifyPassword(password, user?.passwordHash ?? UNKNOWN_USER_HASH);
  if (!user || !matches) return null;
  if (user.disabledAt !== null) return "disabled";
  return { id: user.id, name: user.name, email: user.email, sessionVersion: user.sessionVersion };
}

export type CurrentUser = Viewer & { name: string; email: string; language: Language | null };

/**
 * The user behind a session, read afresh from the database: role, organisation and language as
 * they are now. Null when the account is gone or disabled, or the session was ended (its version is old).
 */
export async function findSessionUser(userId: number, sessionVersion: number, db: Db = getDb()): Promise<CurrentUser | null> {
  const user = (
    await db
      .select()
      .from(users)
      .where(and(eq(users.id, userId), eq(users.sessionVersion, sessionVersion), isNull(users.disabledAt)))
  )[0];
  return user ? currentUserOf(user) : null;
}

/** What the app knows of a signed-in user on each request. */
export function currentUserOf(user: User): CurrentUser {
  return { userId: user.id, role: user.role, organisationId: user.organisationId, name: user.name, email: user.email, language: user.language };
}

/** Keeps the language the user chose. */
export async function setUserLanguage(userId: number, language: Language, db: Db = getDb()): Promise<void> {
  await db.write(async (tx) => {
    await tx.update(users).set({ language }).where(eq(users.id, userId));
    await recordAudit(tx, { userId, action: "user.choose_language", entityType: "user", entityId: userId, details: { language } });
  });
}

/** Ends every session of the user: their tokens carry the old version from now on. */
export async function endUserSessions(userId: number, db: Db = getDb()): Promise<void> {
  await db.write((tx) =>
    tx
      .update(users)
      .set({ sessionVersion: sql`${users.sessionVersion} + 1` })
      .where(eq(users.id, userId)),
  );
}
