import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { and, asc, eq, gt, inArray, isNull, sql } from "drizzle-orm";
import { z } from "zod";
import { checkNewPassword, type PasswordProblem } from "../../lib/auth/password-policy";
import { hashPassword, verifyPassword } from "../../lib/auth/password";
import type { Language, UserRole } from "../../lib/domain/codes";
import type { FieldProblem } from "../../lib/validation/fields";
import { checkNewUser, removesLastAdmin, roleProblems, userPatchSchema, type UserPatch } from "../../lib/validation/user";
import type { Db, Executor } from "../client";
import { getDb } from "../index";
import { apiTokens, auditLog, organisations, projectMembers, projects, signInLinks, users } from "../schema";
import { canSeeProject, dbOf, seesUnapprovedFigures, type QueryContext } from "./viewer";

/** How long a sign-in link stays valid. */
export const LINK_DAYS = 7;

const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

export type UserState = "active" | "disabled" | "invited" | "invitation_expired";

export type UserListItem = {
  id: number;
  email: string;
  name: string;
  role: UserRole;
  language: Language | null;
  organisation: { code: string; nameEn: string; nameFr: string | null } | null;
  projects: string[];
  state: UserState;
  disabledAt: string | null;
  /** The expiry of the latest sign-in link not used yet. */
  linkExpiresAt: string | null;
};

/** Every account (or one), for admins, with its projects (managers), organisation (donors) and state. */
export function listUsers(ctx: QueryContext, now = new Date(), only?: number): UserListItem[] {
  if (ctx.viewer.role !== "admin") return [];
  const db = dbOf(ctx);
  const rows = db
    .select({ user: users, organisation: { code: organisations.code, nameEn: organisations.nameEn, nameFr: organisations.nameFr } })
    .from(users)
    .leftJoin(organisations, eq(users.organisationId, organisations.id))
    .where(only === undefined ? undefined : eq(users.id, only))
    .orderBy(asc(users.email))
    .all();
  const memberships = db.select({ userId: projectMembers.userId, code: projects.code }).from(projectMembers).innerJoin(projects, eq(projectMembers.projectId, projects.id)).orderBy(asc(projects.code)).all();
  const links = db.select().from(signInLinks).where(isNull(signInLinks.usedAt)).all();
  const everUsed = new Set(db.select({ userId: signInLinks.userId }).from(signInLinks).where(sql`${signInLinks.usedAt} IS NOT NULL`).all().map((l) => l.userId));
  return rows.map(({ user, organisation }) => {
    const pending = links.filter((l) => l.userId === user.id).sort((a, b) => b.expiresAt.localeCompare(a.expiresAt))[0];
    // Invited: made with a link that was never used; an account made otherwise (the demo's, the first admin) is active.
    const invited = pending !== undefined && !everUsed.has(user.id);
    const state: UserState = user.disabledAt ? "disabled" : invited ? (pending.expiresAt > now.toISOString() ? "invited" : "invitation_expired") : "active";
    return {
      id: user.id,
      email: user.email,
      name: user.name,
      role: user.role,
      language: user.language,
      organisation: organisation?.code ? organisation : null,
      projects: memberships.filter((m) => m.userId === user.id).map((m) => m.code),
      state,
      disabledAt: user.disabledAt,
      linkExpiresAt: pending && pending.expiresAt > now.toISOString() ? pending.expiresAt : null,
    };
  });
}

/** Ends every session and token of a user at once: sessions carry an old version from now on. */
function endEverything(tx: Executor, userId: number, now: string, revokeTokens: boolean): void {
  tx.update(users).set({ sessionVersion: sql`${users.sessionVersion} + 1` }).where(eq(users.id, userId)).run();
  if (revokeTokens) tx.update(apiTokens).set({ revokedAt: now }).where(and(eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt))).run();
}

/** A new sign-in link for the user, in place of any unused one. The token is in the answer and nowhere else. */
function makeLink(tx: Executor, userId: number, createdBy: number, now: Date): { token: string; expiresAt: string } {
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(now.getTime() + LINK_DAYS * 24 * 60 * 60 * 1000).toISOString();
  tx.delete(signInLinks).where(and(eq(signInLinks.userId, userId), isNull(signInLinks.usedAt))).run();
  tx.insert(signInLinks).values({ userId, tokenHash: hashToken(token), createdBy, createdAt: now.toISOString(), expiresAt }).run();
  return { token, expiresAt };
}

type Places = { projectIds: Map<string, number>; organisationId: number | null };

/** The ids of the project codes and of the organisation code given, with a problem for each unknown one. */
function resolve(tx: Executor, codes: readonly string[], organisation: string | null, problems: FieldProblem[]): Places {
  const found = codes.length === 0 ? [] : tx.select({ id: projects.id, code: projects.code }).from(projects).where(inArray(projects.code, [...codes])).all();
  codes.forEach((code, i) => {
    if (!found.some((p) => p.code === code)) problems.push({ field: `projects.${i}`, code: "unknown_project" });
  });
  const org = organisation ? tx.select({ id: organisations.id }).from(organisations).where(eq(organisations.code, organisation)).get() : undefined;
  if (organisation && !org) problems.push({ field: "organisation", code: "unknown_organisation" });
  return { projectIds: new Map(found.map((p) => [p.code, p.id])), organisationId: org?.id ?? null };
}

export type CreateUserOutcome =
  | { kind: "created"; user: UserListItem; link: { token: string; expiresAt: string } }
  | { kind: "forbidden" }
  | { kind: "invalid"; problems: FieldProblem[] };

/**
 * An admin adds a person: name, e-mail, role and language, a manager's projects or a donor's
 * organisation. The person gets no password: the answer carries a one-time sign-in link, valid
 * 7 days, with which they set one. Audited, the link apart.
 */
export async function createUser(ctx: QueryContext, raw: unknown, now = new Date()): Promise<CreateUserOutcome> {
  if (ctx.viewer.role !== "admin") return { kind: "forbidden" };
  const checked = checkNewUser(raw);
  if (!checked.ok) return { kind: "invalid", problems: checked.problems };
  const input = checked.user;
  // The hash of a secret nobody keeps: the account has no usable password until the link sets one.
  const passwordHash = await hashPassword(randomBytes(32).toString("base64url"));
  const db = dbOf(ctx);
  const made = db.transaction((tx): { kind: "made"; userId: number; link: { token: string; expiresAt: string } } | { kind: "invalid"; problems: FieldProblem[] } => {
    const problems: FieldProblem[] = [];
    if (tx.select({ id: users.id }).from(users).where(eq(users.email, input.email)).get()) problems.push({ field: "email", code: "duplicate_email" });
    const places = resolve(tx, input.projects, input.organisation, problems);
    if (problems.length > 0) return { kind: "invalid", problems };
    const user = tx.insert(users).values({ email: input.email, name: input.name, role: input.role, language: input.language, organisationId: places.organisationId, passwordHash }).returning().get();
    for (const projectId of places.projectIds.values()) tx.insert(projectMembers).values({ userId: user.id, projectId }).run();
    const link = makeLink(tx, user.id, ctx.viewer.userId, now);
    tx.insert(auditLog)
      .values({ userId: ctx.viewer.userId, action: "user.create", entityType: "user", entityId: user.id, details: JSON.stringify({ email: input.email, name: input.name, role: input.role, language: input.language, projects: input.projects, organisation: input.organisation }) })
      .run();
    return { kind: "made", userId: user.id, link };
  });
  if (made.kind === "invalid") return made;
  const [user] = listUsers(ctx, now, made.userId);
  if (!user) throw new Error(`No user ${made.userId} after creating it`);
  return { kind: "created", user, link: made.link };
}

export type UpdateUserOutcome = { kind: "done"; user: UserListItem } | { kind: "forbidden" } | { kind: "not_found" } | { kind: "invalid"; problems: FieldProblem[] };

/**
 * An admin changes a person's role, projects (a manager's: given or taken back), organisation (a
 * donor's) or whether the account is disabled, all at once or none. Nobody disables or demotes
 * themselves, and the last active admin stays one. A new role or a disabling ends the person's
 * sessions at once (a disabling their tokens too). Each change is audited.
 */
export function updateUser(ctx: QueryContext, userId: number, raw: unknown, now = new Date()): UpdateUserOutcome {
  if (ctx.viewer.role !== "admin") return { kind: "forbidden" };
  const parsed = userPatchSchema.safeParse(raw);
  if (!parsed.success) return { kind: "invalid", problems: parsed.error.issues.map((i) => ({ field: i.path.join("."), code: "invalid" })) };
  const patch: UserPatch = parsed.data;
  const db = dbOf(ctx);
  const outcome = db.transaction((tx): { kind: "changed" } | Exclude<UpdateUserOutcome, { kind: "done" }> => {
    const user = tx.select().from(users).where(eq(users.id, userId)).get();
    if (!user) return { kind: "not_found" };
    const currentProjects = tx.select({ code: projects.code, id: projects.id }).from(projectMembers).innerJoin(projects, eq(projectMembers.projectId, projects.id)).where(eq(projectMembers.userId, userId)).all();
    const currentOrganisation = user.organisationId === null ? null : (tx.select({ code: organisations.code }).from(organisations).where(eq(organisations.id, user.organisationId)).get()?.code ?? null);
    const role = patch.role ?? user.role;
    // A new role leaves what does not fit it: a manager's projects, a donor's organisation.
    const projectCodes = patch.projects ?? (role === "manager" ? currentProjects.map((p) => p.code) : []);
    const organisation = patch.organisation !== undefined ? patch.organisation : role === "donor" ? currentOrganisation : null;
    const disabled = patch.disabled ?? user.disabledAt !== null;
    const problems: FieldProblem[] = [...roleProblems({ role, projects: projectCodes, organisation })];
    if (userId === ctx.viewer.userId && (role !== user.role || disabled)) problems.push({ field: patch.role !== undefined ? "role" : "disabled", code: "self" });
    const admins = tx.select({ id: users.id, disabledAt: users.disabledAt }).from(users).where(eq(users.role, "admin")).all().map((a) => ({ id: a.id, active: a.disabledAt === null }));
    if (removesLastAdmin(admins, userId, { role, active: !disabled })) problems.push({ field: patch.role !== undefined ? "role" : "disabled", code: "last_admin" });
    const places = resolve(tx, projectCodes, organisation, problems);
    if (problems.length > 0) return { kind: "invalid", problems };

    const audit = (action: string, details: object) => tx.insert(auditLog).values({ userId: ctx.viewer.userId, action, entityType: "user", entityId: userId, details: JSON.stringify(details) }).run();
    const at = now.toISOString();
    if (role !== user.role) {
      tx.update(users).set({ role }).where(eq(users.id, userId)).run();
      audit("user.role", { before: user.role, after: role });
    }
    const added = projectCodes.filter((code) => !currentProjects.some((p) => p.code === code));
    const removed = currentProjects.filter((p) => !projectCodes.includes(p.code));
    for (const code of added) tx.insert(projectMembers).values({ userId, projectId: places.projectIds.get(code) as number }).run();
    if (removed.length > 0) tx.delete(projectMembers).where(and(eq(projectMembers.userId, userId), inArray(projectMembers.projectId, removed.map((p) => p.id)))).run();
    if (added.length > 0 || removed.length > 0) audit("user.projects", { added, removed: removed.map((p) => p.code) });
    if (organisation !== currentOrganisation) {
      tx.update(users).set({ organisationId: places.organisationId }).where(eq(users.id, userId)).run();
      audit("user.organisation", { before: currentOrganisation, after: organisation });
    }
    if (disabled !== (user.disabledAt !== null)) {
      tx.update(users).set({ disabledAt: disabled ? at : null }).where(eq(users.id, userId)).run();
      audit(disabled ? "user.disable" : "user.enable", {});
    }
    if (role !== user.role || (disabled && user.disabledAt === null)) endEverything(tx, userId, at, disabled);
    return { kind: "changed" };
  });
  if (outcome.kind !== "changed") return outcome;
  const [user] = listUsers(ctx, now, userId);
  return user ? { kind: "done", user } : { kind: "not_found" };
}

/** A new one-time sign-in link for a person (the last one expired, or was lost), in place of any unused one. */
export function issueSignInLink(ctx: QueryContext, userId: number, now = new Date()): { token: string; expiresAt: string } | null {
  if (ctx.viewer.role !== "admin") return null;
  const db = dbOf(ctx);
  return db.transaction((tx) => {
    if (!tx.select({ id: users.id }).from(users).where(eq(users.id, userId)).get()) return null;
    const link = makeLink(tx, userId, ctx.viewer.userId, now);
    tx.insert(auditLog).values({ userId: ctx.viewer.userId, action: "user.sign_in_link", entityType: "user", entityId: userId, details: JSON.stringify({ expiresAt: link.expiresAt }) }).run();
    return link;
  });
}

/** The person a sign-in link is for, while it is valid: not used, not expired, the account not disabled. */
export function findSignInLink(token: string, db: Executor = getDb(), now = new Date()): { userId: number; name: string; email: string; linkId: number } | null {
  const row = db
    .select({ linkId: signInLinks.id, userId: users.id, name: users.name, email: users.email, disabledAt: users.disabledAt })
    .from(signInLinks)
    .innerJoin(users, eq(signInLinks.userId, users.id))
    .where(and(eq(signInLinks.tokenHash, hashToken(token)), isNull(signInLinks.usedAt), gt(signInLinks.expiresAt, now.toISOString())))
    .get();
  return row && row.disabledAt === null ? { userId: row.userId, name: row.name, email: row.email, linkId: row.linkId } : null;
}

export type LinkOutcome = { kind: "done"; email: string } | { kind: "invalid_link" } | { kind: "invalid"; problem: PasswordProblem };

/** The person of a valid link sets their password: the link is used up, their sessions end. Audited. */
export async function setPasswordWithLink(token: string, password: string, db: Db = getDb(), now = new Date()): Promise<LinkOutcome> {
  const link = findSignInLink(token, db, now);
  if (!link) return { kind: "invalid_link" };
  const problem = checkNewPassword(password, link);
  if (problem) return { kind: "invalid", problem };
  const hash = await hashPassword(password);
  return db.transaction((tx): LinkOutcome => {
    // Used once only, even by two tabs at once.
    const used = tx.update(signInLinks).set({ usedAt: now.toISOString() }).where(and(eq(signInLinks.id, link.linkId), isNull(signInLinks.usedAt))).returning().get();
    if (!used) return { kind: "invalid_link" };
    tx.update(users).set({ passwordHash: hash }).where(eq(users.id, link.userId)).run();
    endEverything(tx, link.userId, now.toISOString(), false);
    tx.insert(auditLog).values({ userId: link.userId, action: "user.set_password_by_link", entityType: "user", entityId: link.userId, details: "{}" }).run();
    return { kind: "done", email: link.email };
  });
}

const passwordSchema = z.object({ password: z.string().max(1000) });

/** An admin sets a person's password; every session of theirs ends. Audited. */
export async function resetPassword(ctx: QueryContext, userId: number, raw: unknown): Promise<{ kind: "done" } | { kind: "forbidden" } | { kind: "invalid"; problem: PasswordProblem | "invalid" }> {
  if (ctx.viewer.role !== "admin") return { kind: "forbidden" };
  const parsed = passwordSchema.safeParse(raw);
  if (!parsed.success) return { kind: "invalid", problem: "invalid" };
  const db = dbOf(ctx);
  const user = db.select().from(users).where(eq(users.id, userId)).get();
  if (!user) return { kind: "forbidden" };
  const problem = checkNewPassword(parsed.data.password, user);
  if (problem) return { kind: "invalid", problem };
  const hash = await hashPassword(parsed.data.password);
  db.transaction((tx) => {
    tx.update(users).set({ passwordHash: hash }).where(eq(users.id, userId)).run();
    endEverything(tx, userId, new Date().toISOString(), false);
    tx.insert(auditLog).values({ userId: ctx.viewer.userId, action: "user.reset_password", entityType: "user", entityId: userId, details: "{}" }).run();
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

/** Who manages a visible project, for those who see its figures in review (not donors). */
export function listProjectManagers(ctx: QueryContext, projectId: number): { name: string; email: string }[] {
  if (!seesUnapprovedFigures(ctx.viewer) || !canSeeProject(ctx, projectId)) return [];
  return dbOf(ctx)
    .select({ name: users.name, email: users.email })
    .from(projectMembers)
    .innerJoin(users, eq(projectMembers.userId, users.id))
    .where(and(eq(projectMembers.projectId, projectId), eq(users.role, "manager"), isNull(users.disabledAt)))
    .orderBy(asc(users.name))
    .all();
}
