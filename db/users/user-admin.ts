import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { and, asc, eq, gt, inArray, isNull, sql } from "drizzle-orm";
import { z } from "zod";
import { checkNewPassword, type PasswordProblem } from "../../lib/auth/password-policy";
import { hashPassword, verifyPassword } from "../../lib/auth/password";
import type { Language, UserRole } from "../../lib/domain/codes";
import type { FieldProblem } from "../../lib/validation/fields";
import { checkNewUser, removesLastAdmin, roleProblems, userPatchSchema, type UserPatch } from "../../lib/validation/user";
import type { Db, Executor } from "../engine/types";
import { getDb } from "../index";
import { apiTokens, organisations, projectMembers, projects, signInLinks, users } from "../tables";
import { dbOf, may, seesUnapprovedFigures, type QueryContext } from "./viewer";
import { allows } from "../../lib/auth/permissions";
import { recordAudit } from "../audit/audit-record";

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
export async function listUsers(ctx: QueryContext, now = new Date(), only?: number): Promise<UserListItem[]> {
  if (!allows(ctx.viewer, "administer")) return [];
  const db = dbOf(ctx);
  const rows = await db
    .select({ user: users, organisation: { code: organisations.code, nameEn: organisations.nameEn, nameFr: organisations.nameFr } })
    .from(users)
    .leftJoin(organisations, eq(users.organisationId, organisations.id))
    .where(only === undefined ? undefined : eq(users.id, only))
    .orderBy(asc(users.email));
  const memberships = await db
    .select({ userId: projectMembers.userId, code: projects.code })
    .from(projectMembers)
    .innerJoin(projects, eq(projectMembers.projectId, projects.id))
    .orderBy(asc(projects.code));
  const links = await db.select().from(signInLinks).where(isNull(signInLinks.usedAt));
  const everUsed = new Set(
    (
      await db
        .select({ userId: signInLinks.userId })
        .from(signInLinks)
        .where(sql`${signInLinks.usedAt} IS NOT NULL`)
    ).map((l) => l.userId),
  );
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
async function endEverything(tx: Executor, userId: number, now: string, revokeTokens: boolean): Promise<void> {
  await tx
    .update(users)
    .set({ sessionVersion: sql`${users.sessionVersion} + 1` })
    .where(eq(users.id, userId));
  if (revokeTokens)
    await tx
      .update(apiTokens)
      .set({ revokedAt: now })
      .where(and(eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)));
}

/** A new sign-in link for the user, in place of any unused one. The token is in the answer and nowhere else. */
async function makeLink(tx: Executor, userId: number, createdBy: number, now: Date): Promise<{ token: string; expiresAt: string }> {
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(now.getTime() + LINK_DAYS * 24 * 60 * 60 * 1000).toISOString();
  await tx.delete(signInLinks).where(and(eq(signInLinks.userId, userId), isNull(signInLinks.usedAt)));
  await tx.insert(signInLinks).values({ userId, tokenHash: hashToken(token), createdBy, createdAt: now.toISOString(), expiresAt });
  return { token, expiresAt };
}

type Places = { projectIds: Map<string, number>; organisationId: number | null };

/** The ids of the project codes and of the organisation code given, with a problem for each unknown one. */
async function resolve(tx: Executor, codes: readonly string[], organisation: string | null, problems: FieldProblem[]): Promise<Places> {
  const found =
    codes.length === 0
      ? []
      : await tx
          .select({ id: projects.id, code: projects.code })
          .from(projects)
          .where(inArray(projects.code, [...codes]));
  codes.forEach((code, i) => {
    if (!found.some((p) => p.code === code)) problems.push({ field: `projects.${i}`, code: "unknown_project" });
  });
  const org = organisation ? (await tx.select({ id: organisations.id }).from(organisations).where(eq(organisations.code, organisation)))[0] : undefined;
  if (organisation && !org) problems.push({ field: "organisation", code: "unknown_organisation" });
  return { projectIds: new Map(found.map((p) => [p.code, p.id])), organisationId: org?.id ?? null };
}

export type CreateUserOutcome =
  { kind: "created"; user: UserListItem; link: { token: string; expiresAt: string } } | { kind: "forbidden" } | { kind: "invalid"; problems: FieldProblem[] };

/**
 * An admin adds a person: name, e-mail, role and language, a manager's projects or a donor's
 * organisation. The person gets no password: the answer carries a one-time sign-in link, valid
 * 7 days, with which they set one. Audited, the link apart.
 */
export async function createUser(ctx: QueryContext, raw: unknown, now = new Date()): Promise<CreateUserOutcome> {
  if (!allows(ctx.viewer, "administer")) return { kind: "forbidden" };
  const checked = checkNewUser(raw);
  if (!checked.ok) return { kind: "invalid", problems: checked.problems };
  const input = checked.user;
  // The hash of a secret nobody keeps: the account has no usable password until the link sets one.
  const passwordHash = await hashPassword(randomBytes(32).toString("base64url"));
  const db = dbOf(ctx);
  const made = await db.write(async (tx): Promise<{ kind: "made"; userId: number; link: { token: string; expiresAt: string } } | { kind: "invalid"; problems: FieldProblem[] }> => {
    const problems: FieldProblem[] = [];
    if ((await tx.select({ id: users.id }).from(users).where(eq(users.email, input.email)))[0]) problems.push({ field: "email", code: "duplicate_email" });
    const places = await resolve(tx, input.projects, input.organisation, problems);
    if (problems.length > 0) return { kind: "invalid", problems };
    const user = (
      await tx
        .insert(users)
        .values({ email: input.email, name: input.name, role: input.role, language: input.language, organisationId: places.organisationId, passwordHash })
        .returning()
    )[0]!;
    for (const projectId of places.projectIds.values()) await tx.insert(projectMembers).values({ userId: user.id, projectId });
    const link = await makeLink(tx, user.id, ctx.viewer.userId, now);
    await recordAudit(tx, {
      userId: ctx.viewer.userId,
      action: "user.create",
      entityType: "user",
      entityId: user.id,
      details: { email: input.email, name: input.name, role: input.role, language: input.language, projects: input.projects, organisation: input.organisation },
    });
    return { kind: "made", userId: user.id, link };
  });
  if (made.kind === "invalid") return made;
  const [user] = await listUsers(ctx, now, made.userId);
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
export async function updateUser(ctx: QueryContext, userId: number, raw: unknown, now = new Date()): Promise<UpdateUserOutcome> {
  if (!allows(ctx.viewer, "administer")) return { kind: "forbidden" };
  const parsed = userPatchSchema.safeParse(raw);
  if (!parsed.success) return { kind: "invalid", problems: parsed.error.issues.map((i) => ({ field: i.path.join("."), code: "invalid" })) };
  const patch: UserPatch = parsed.data;
  const db = dbOf(ctx);
  const outcome = await db.write(async (tx): Promise<{ kind: "changed" } | Exclude<UpdateUserOutcome, { kind: "done" }>> => {
    const user = (await tx.select().from(users).where(eq(users.id, userId)))[0];
    if (!user) return { kind: "not_found" };
    const currentProjects = await tx
      .select({ code: projects.code, id: projects.id })
      .from(projectMembers)
      .innerJoin(projects, eq(projectMembers.projectId, projects.id))
      .where(eq(projectMembers.userId, userId));
    const currentOrganisation =
      user.organisationId === null ? null : ((await tx.select({ code: organisations.code }).from(organisations).where(eq(organisations.id, user.organisationId)))[0]?.code ?? null);
    const role = patch.role ?? user.role;
    // A new role leaves what does not fit it: a manager's projects, a donor's organisation.
    const projectCodes = patch.projects ?? (role === "manager" ? currentProjects.map((p) => p.code) : []);
    const organisation = patch.organisation !== undefined ? patch.organisation : role === "donor" ? currentOrganisation : null;
    const disabled = patch.disabled ?? user.disabledAt !== null;
    const problems: FieldProblem[] = [...roleProblems({ role, projects: projectCodes, organisation })];
    if (userId === ctx.viewer.userId && (role !== user.role || disabled)) problems.push({ field: patch.role !== undefined ? "role" : "disabled", code: "self" });
    const admins = (await tx.select({ id: users.id, disabledAt: users.disabledAt }).from(users).where(eq(users.role, "admin"))).map((a) => ({
      id: a.id,
      active: a.disabledAt === null,
    }));
    if (removesLastAdmin(admins, userId, { role, active: !disabled })) problems.push({ field: patch.role !== undefined ? "role" : "disabled", code: "last_admin" });
    const places = await resolve(tx, projectCodes, organisation, problems);
    if (problems.length > 0) return { kind: "invalid", problems };

    const audit = async (action: string, details: object) => await recordAudit(tx, { userId: ctx.viewer.userId, action, entityType: "user", entityId: userId, details });
    const at = now.toISOString();
    if (role !== user.role) {
      await tx.update(users).set({ role }).where(eq(users.id, userId));
      await audit("user.role", { before: user.role, after: role });
    }
    const added = projectCodes.filter((code) => !currentProjects.some((p) => p.code === code));
    const removed = currentProjects.filter((p) => !projectCodes.includes(p.code));
    for (const code of added) await tx.insert(projectMembers).values({ userId, projectId: places.projectIds.get(code) as number });
    if (removed.length > 0)
      await tx.delete(projectMembers).where(
        and(
          eq(projectMembers.userId, userId),
          inArray(
            projectMembers.projectId,
            removed.map((p) => p.id),
          ),
        ),
      );
    if (added.length > 0 || removed.length > 0) await audit("user.projects", { added, removed: removed.map((p) => p.code) });
    if (organisation !== currentOrganisation) {
      await tx.update(users).set({ organisationId: places.organisationId }).where(eq(users.id, userId));
      await audit("user.organisation", { before: currentOrganisation, after: organisation });
    }
    if (disabled !== (user.disabledAt !== null)) {
      await tx
        .update(users)
        .set({ disabledAt: disabled ? at : null })
        .where(eq(users.id, userId));
      await audit(disabled ? "user.disable" : "user.enable", {});
    }
    if (role !== user.role || (disabled && user.disabledAt === null)) await endEverything(tx, userId, at, disabled);
    return { kind: "changed" };
  });
  if (outcome.kind !== "changed") return outcome;
  const [user] = await listUsers(ctx, now, userId);
  return user ? { kind: "done", user } : { kind: "not_found" };
}

/** A new one-time sign-in link for a person (the last one expired, or was lost), in place of any unused one. */
export async function issueSignInLink(ctx: QueryContext, userId: number, now = new Date()): Promise<{ token: string; expiresAt: string } | null> {
  if (!allows(ctx.viewer, "administer")) return null;
  const db = dbOf(ctx);
  return await db.write(async (tx) => {
    if (!(await tx.select({ id: users.id }).from(users).where(eq(users.id, userId)))[0]) return null;
    const link = await makeLink(tx, userId, ctx.viewer.userId, now);
    await recordAudit(tx, { userId: ctx.viewer.userId, action: "user.sign_in_link", entityType: "user", entityId: userId, details: { expiresAt: link.expiresAt } });
    return link;
  });
}

/** The person a sign-in link is for, while it is valid: not used, not expired, the account not disabled. */
export async function findSignInLink(token: string, db: Executor = getDb(), now = new Date()): Promise<{ userId: number; name: string; email: string; linkId: number } | null> {
  const row = (
    await db
      .select({ linkId: signInLinks.id, userId: users.id, name: users.name, email: users.email, disabledAt: users.disabledAt })
      .from(signInLinks)
      .innerJoin(users, eq(signInLinks.userId, users.id))
      .where(and(eq(signInLinks.tokenHash, hashToken(token)), isNull(signInLinks.usedAt), gt(signInLinks.expiresAt, now.toISOString())))
  )[0];
  return row && row.disabledAt === null ? { userId: row.userId, name: row.name, email: row.email, linkId: row.linkId } : null;
}

export type LinkOutcome = { kind: "done"; email: string } | { kind: "invalid_link" } | { kind: "invalid"; problem: PasswordProblem };

/** The person of a valid link sets their password: the link is used up, their sessions end. Audited. */
export async function setPasswordWithLink(token: string, password: string, db: Db = getDb(), now = new Date()): Promise<LinkOutcome> {
  const link = await findSignInLink(token, db, now);
  if (!link) return { kind: "invalid_link" };
  const problem = checkNewPassword(password, link);
  if (problem) return { kind: "invalid", problem };
  const hash = await hashPassword(password);
  return await db.write(async (tx): Promise<LinkOutcome> => {
    // Used once only, even by two tabs at once.
    const used = (
      await tx
        .update(signInLinks)
        .set({ usedAt: now.toISOString() })
        .where(and(eq(signInLinks.id, link.linkId), isNull(signInLinks.usedAt)))
        .returning()
    )[0]!;
    if (!used) return { kind: "invalid_link" };
    await tx.update(users).set({ passwordHash: hash }).where(eq(users.id, link.userId));
    await endEverything(tx, link.userId, now.toISOString(), false);
    await recordAudit(tx, { userId: link.userId, action: "user.set_password_by_link", entityType: "user", entityId: link.userId, details: "{}" });
    return { kind: "done", email: link.email };
  });
}

const passwordSchema = z.object({ password: z.string().max(1000) });

/** An admin sets a person's password; every session of theirs ends. Audited. */
export async function resetPassword(
  ctx: QueryContext,
  userId: number,
  raw: unknown,
): Promise<{ kind: "done" } | { kind: "forbidden" } | { kind: "invalid"; problem: PasswordProblem | "invalid" }> {
  if (!allows(ctx.viewer, "administer")) return { kind: "forbidden" };
  const parsed = passwordSchema.safeParse(raw);
  if (!parsed.success) return { kind: "invalid", problem: "invalid" };
  const db = dbOf(ctx);
  const user = (await db.select().from(users).where(eq(users.id, userId)))[0];
  if (!user) return { kind: "forbidden" };
  const problem = checkNewPassword(parsed.data.password, user);
  if (problem) return { kind: "invalid", problem };
  const hash = await hashPassword(parsed.data.password);
  await db.write(async (tx) => {
    await tx.update(users).set({ passwordHash: hash }).where(eq(users.id, userId));
    await endEverything(tx, userId, new Date().toISOString(), false);
    await recordAudit(tx, { userId: ctx.viewer.userId, action: "user.reset_password", entityType: "user", entityId: userId, details: "{}" });
  });
  return { kind: "done" };
}

/** A user changes their own password, giving the current one; every session of theirs ends, this one too. */
export async function changeOwnPassword(
  ctx: QueryContext,
  current: string,
  next: string,
): Promise<{ kind: "done" } | { kind: "wrong_current" } | { kind: "invalid"; problem: PasswordProblem }> {
  const db = dbOf(ctx);
  const user = (await db.select().from(users).where(eq(users.id, ctx.viewer.userId)))[0];
  if (!user || !(await verifyPassword(current, user.passwordHash))) return { kind: "wrong_current" };
  const problem = checkNewPassword(next, user);
  if (problem) return { kind: "invalid", problem };
  const hash = await hashPassword(next);
  await db.write(async (tx) => {
    await tx.update(users).set({ passwordHash: hash }).where(eq(users.id, user.id));
    await endEverything(tx, user.id, new Date().toISOString(), false);
    await recordAudit(tx, { userId: user.id, action: "user.change_password", entityType: "user", entityId: user.id, details: "{}" });
  });
  return { kind: "done" };
}

/** Who manages a visible project, for those who see its figures in review (not donors). */
export async function listProjectManagers(ctx: QueryContext, projectId: number): Promise<{ name: string; email: string }[]> {
  if (!seesUnapprovedFigures(ctx.viewer) || !(await may(ctx, "see", projectId))) return [];
  return await dbOf(ctx)
    .select({ name: users.name, email: users.email })
    .from(projectMembers)
    .innerJoin(users, eq(projectMembers.userId, users.id))
    .where(and(eq(projectMembers.projectId, projectId), eq(users.role, "manager"), isNull(users.disabledAt)))
    .orderBy(asc(users.name));
}
