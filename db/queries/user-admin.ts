import "server-only";
import { and, asc, eq, isNull, sql } from "drizzle-orm";
import { z } from "zod";
import { checkNewPassword, type PasswordProblem } from "../../lib/auth/password-policy";
import { hashPassword, verifyPassword } from "../../lib/auth/password";
import { USER_ROLES } from "../../lib/domain/codes";
import type { Executor } from "../client";
import { apiTokens, auditLog, organisations, users } from "../schema";
import { dbOf, type QueryContext } from "./viewer";

export type UserListItem = { id: number; email: string; name: string; role: (typeof USER_ROLES)[number]; organisation: string | null; disabledAt: string | null };

/** Every account, for admins. */
export function listUsers(ctx: QueryContext): UserListItem[] {
  if (ctx.viewer.role !== "admin") return [];
  return dbOf(ctx)
    .select({ id: users.id, email: users.email, name: users.name, role: users.role, organisation: organisations.nameEn, disabledAt: users.disabledAt })
    .from(users)
    .leftJoin(organisations, eq(users.organisationId, organisations.id))
    .orderBy(asc(users.email))
    .all();
}

/** Ends every session and token of a user at once: sessions carry an old version from now on. */
function endEverything(tx: Executor, userId: number, now: string, revokeTokens: boolean): void {
  tx.update(users).set({ sessionVersion: sql`${users.sessionVersion} + 1` }).where(eq(users.id, userId)).run();
  if (revokeTokens) tx.update(apiTokens).set({ revokedAt: now }).where(and(eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt))).run();
}

const changeSchema = z.discriminatedUnion("change", [
  z.object({ change: z.literal("role"), role: z.enum(USER_ROLES) }),
  z.object({ change: z.literal("disable") }),
  z.object({ change: z.literal("enable") }),
  z.object({ change: z.literal("password"), password: z.string().max(1000) }),
]);

export type UserChangeOutcome = { kind: "done" } | { kind: "forbidden" } | { kind: "invalid"; problem: PasswordProblem | "invalid" | "self" };

/**
 * An admin changes an account: its role, disabled or enabled, or a new password. A new role, a
 * disabling and a new password end the user's sessions at once (and a disabling their tokens too).
 * Admins do not disable or demote themselves (someone must stay to undo it). Audited.
 */
export async function changeUser(ctx: QueryContext, userId: number, raw: unknown): Promise<UserChangeOutcome> {
  if (ctx.viewer.role !== "admin") return { kind: "forbidden" };
  const parsed = changeSchema.safeParse(raw);
  if (!parsed.success) return { kind: "invalid", problem: "invalid" };
  const change = parsed.data;
  const db = dbOf(ctx);
  const user = db.select().from(users).where(eq(users.id, userId)).get();
  if (!user) return { kind: "forbidden" };
  if (userId === ctx.viewer.userId && change.change !== "password" && change.change !== "enable") return { kind: "invalid", problem: "self" };
  let hash: string | null = null;
  if (change.change === "password") {
    const problem = checkNewPassword(change.password, user);
    if (problem) return { kind: "invalid", problem };
    hash = await hashPassword(change.password);
  }
  const now = new Date().toISOString();
  db.transaction((tx) => {
    if (change.change === "role") tx.update(users).set({ role: change.role }).where(eq(users.id, userId)).run();
    if (change.change === "disable") tx.update(users).set({ disabledAt: now }).where(eq(users.id, userId)).run();
    if (change.change === "enable") tx.update(users).set({ disabledAt: null }).where(eq(users.id, userId)).run();
    if (hash) tx.update(users).set({ passwordHash: hash }).where(eq(users.id, userId)).run();
    if (change.change !== "enable") endEverything(tx, userId, now, change.change === "disable");
    tx.insert(auditLog)
      .values({ userId: ctx.viewer.userId, action: `user.${change.change === "password" ? "reset_password" : change.change}`, entityType: "user", entityId: userId, details: JSON.stringify(change.change === "role" ? { before: user.role, after: change.role } : {}) })
      .run();
  });
  return { kind: "done" };
}

/** A user changes their own password, giving the current one; every session of theirs ends, this one too. */
export async function changeOwnPassword(ctx: QueryContext, current: string, next: string): Promise<{ kind: "done" } | { kind: "wrong_current" } | { kind: "invalid"; problem: PasswordProblem }> {
  const db = dbOf(ctx);
  const user = db.select().from(users).where(eq(users.id, ctx.viewer.userId)).get();
  if (!user || !(await verifyPassword(current, user.passwordHash))) return { kind: "wrong_current" };
  const problem = checkNewPassword(next, user);
  if (problem) return { kind: "invalid", problem };
  const hash = await hashPassword(next);
  db.transaction((tx) => {
    tx.update(users).set({ passwordHash: hash }).where(eq(users.id, user.id)).run();
    endEverything(tx, user.id, new Date().toISOString(), false);
    tx.insert(auditLog).values({ userId: user.id, action: "user.change_password", entityType: "user", entityId: user.id, details: "{}" }).run();
  });
  return { kind: "done" };
}
