import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, projects, users } from "../schema";
import { demoDatabaseForTests } from "../test-database";
import { createApiToken, findTokenUser } from "./api-tokens";
import { signInWithPassword } from "./sign-in";
import { changeOwnPassword, createUser, findSignInLink, issueSignInLink, listProjectManagers, listUsers, resetPassword, setPasswordWithLink, updateUser } from "./user-admin";
import { findSessionUser } from "./users";
import { managedProjectIds, visibleProjectIds } from "./viewer";

const demo = demoDatabaseForTests();
const user = (email: string) => demo.db.select().from(users).where(eq(users.email, email)).get()!;
const admin = () => demo.as("admin@baseline.test");
const projectId = (code: string) => demo.db.select().from(projects).where(eq(projects.code, code)).get()!.id;
const audited = (entityId: number) => demo.db.select({ action: auditLog.action }).from(auditLog).where(and(eq(auditLog.entityType, "user"), eq(auditLog.entityId, entityId))).all().map((a) => a.action);

describe("account changes", () => {
  it("a new role, a disabling and a new password end the person's sessions at once; disabling ends their tokens", async () => {
    const staff = user("staff@baseline.test");
    const { token } = createApiToken(demo.as("staff@baseline.test"), "script");
    expect(findSessionUser(staff.id, staff.sessionVersion, demo.db)).not.toBeNull();

    expect(updateUser(admin(), staff.id, { role: "manager" })).toMatchObject({ kind: "done", user: { role: "manager", state: "active" } });
    expect(findSessionUser(staff.id, staff.sessionVersion, demo.db)).toBeNull();
    expect(findTokenUser(token, demo.db)?.role).toBe("manager");

    expect(updateUser(admin(), staff.id, { disabled: true })).toMatchObject({ kind: "done", user: { state: "disabled" } });
    expect(findTokenUser(token, demo.db)).toBeNull();
    // The right password of a disabled account says so; a wrong one says nothing more than usual.
    expect(await signInWithPassword("staff@baseline.test", "baseline-demo", "10.1.1.1", demo.db)).toBe("disabled");
    expect(await signInWithPassword("staff@baseline.test", "not the password", "10.1.1.1", demo.db)).toBeNull();
    expect(updateUser(admin(), staff.id, { disabled: false })).toMatchObject({ kind: "done", user: { state: "active" } });
    expect(findTokenUser(token, demo.db)).toBeNull();

    expect(await resetPassword(admin(), staff.id, { password: "password1234" })).toEqual({ kind: "invalid", problem: "password_common" });
    expect(await resetPassword(admin(), staff.id, { password: "short" })).toEqual({ kind: "invalid", problem: "password_too_short" });
    const before = user("staff@baseline.test").sessionVersion;
    expect(await resetPassword(admin(), staff.id, { password: "returnees learn carpentry" })).toEqual({ kind: "done" });
    expect(user("staff@baseline.test").sessionVersion).toBe(before + 1);
    expect(await signInWithPassword("staff@baseline.test", "returnees learn carpentry", "10.1.1.1", demo.db)).toMatchObject({ id: staff.id });
    expect(audited(staff.id)).toEqual(expect.arrayContaining(["user.role", "user.disable", "user.enable", "user.reset_password"]));
  }, 60_000);

  it("only admins change accounts; nobody disables or demotes themselves; the last active admin stays", () => {
    const me = user("admin@baseline.test");
    expect(updateUser(demo.as("manager@baseline.test"), user("manager2@baseline.test").id, { disabled: true })).toEqual({ kind: "forbidden" });
    expect(updateUser(admin(), me.id, { disabled: true })).toMatchObject({ kind: "invalid", problems: expect.arrayContaining([{ field: "disabled", code: "self" }]) });
    expect(updateUser(admin(), me.id, { role: "staff" })).toMatchObject({ kind: "invalid", problems: expect.arrayContaining([{ field: "role", code: "self" }, { field: "role", code: "last_admin" }]) });
    // A second admin may be demoted; then the first is the last.
    const second = user("manager2@baseline.test");
    expect(updateUser(admin(), second.id, { role: "admin" })).toMatchObject({ kind: "done" });
    expect(updateUser(demo.as("manager2@baseline.test"), me.id, { role: "staff" })).toMatchObject({ kind: "done" });
    expect(updateUser(demo.as("manager2@baseline.test"), me.id, { role: "admin" })).toMatchObject({ kind: "done" });
    expect(updateUser(admin(), second.id, { role: "manager", projects: ["RW-REINT-P4", "CD-HSEC-NK"] })).toMatchObject({ kind: "done", user: { projects: ["CD-HSEC-NK", "RW-REINT-P4"] } });
    expect(user("admin@baseline.test")).toMatchObject({ role: "admin", disabledAt: null });
    expect(updateUser(admin(), 999_999, { disabled: true })).toEqual({ kind: "not_found" });
    expect(updateUser(admin(), second.id, { disabled: "yes" })).toMatchObject({ kind: "invalid" });
  });

  it("gives managers their projects and takes them back, and donors their organisation, audited", () => {
    const manager = user("manager@baseline.test");
    const ctx = () => demo.as("manager@baseline.test");
    expect(managedProjectIds(ctx())).toContain(projectId("CD-HSEC-NK"));
    expect(updateUser(admin(), manager.id, { projects: ["RW-REINT-P4"] })).toMatchObject({ kind: "done", user: { projects: ["RW-REINT-P4"] } });
    expect(managedProjectIds(ctx())).toEqual([projectId("RW-REINT-P4")]);
    expect(listProjectManagers(admin(), projectId("CD-HSEC-NK")).map((m) => m.email)).toEqual(["manager2@baseline.test"]);
    expect(listProjectManagers(demo.as("donor.netherlands@baseline.test"), projectId("CD-HSEC-NK"))).toEqual([]);
    expect(updateUser(admin(), manager.id, { projects: ["RW-REINT-P4", "NOPE"] })).toMatchObject({ kind: "invalid", problems: [{ field: "projects.1", code: "unknown_project" }] });
    expect(updateUser(admin(), manager.id, { projects: ["RW-REINT-P4", "CD-HSEC-NK"] })).toMatchObject({ kind: "done" });
    expect(audited(manager.id).filter((a) => a === "user.projects")).toHaveLength(2);

    const donor = user("donor.japan@baseline.test");
    expect(updateUser(admin(), donor.id, { organisation: null })).toMatchObject({ kind: "invalid", problems: [{ field: "organisation", code: "organisation_required" }] });
    expect(updateUser(admin(), donor.id, { organisation: "NL-MFA" })).toMatchObject({ kind: "done", user: { organisation: { code: "NL-MFA" } } });
    expect(visibleProjectIds(demo.as("donor.japan@baseline.test"))).toEqual([projectId("CD-HSEC-NK")]);
    expect(updateUser(admin(), donor.id, { organisation: "JAPAN" })).toMatchObject({ kind: "done" });
    expect(updateUser(admin(), manager.id, { organisation: "JAPAN" })).toMatchObject({ kind: "invalid", problems: [{ field: "organisation", code: "organisation_for_donors" }] });
    expect(audited(donor.id)).toContain("user.organisation");
  });
});

describe("a person added by an admin", () => {
  it("gets a one-time sign-in link, valid 7 days, that sets their password once; then signs in to their project", async () => {
    const now = new Date("2026-11-30T09:00:00Z");
    const refused = await createUser(admin(), { name: "Aline Uwase", email: "aline.uwase@iom.example", role: "donor", language: "fr" }, now);
    expect(refused).toMatchObject({ kind: "invalid", problems: [{ field: "organisation", code: "organisation_required" }] });
    expect(await createUser(admin(), { name: "X", email: "manager@baseline.test", role: "manager", language: "en" }, now)).toMatchObject({ kind: "invalid", problems: [{ field: "email", code: "duplicate_email" }] });
    expect(await createUser(demo.as("manager@baseline.test"), { name: "X", email: "x@iom.example", role: "manager", language: "en" }, now)).toEqual({ kind: "forbidden" });

    const made = await createUser(admin(), { name: "Aline Uwase", email: " Aline.Uwase@IOM.example ", role: "manager", language: "fr", projects: ["RW-REINT-P4"] }, now);
    if (made.kind !== "created") throw new Error(JSON.stringify(made));
    expect(made.user).toMatchObject({ email: "aline.uwase@iom.example", role: "manager", language: "fr", projects: ["RW-REINT-P4"], state: "invited", linkExpiresAt: "2026-12-07T09:00:00.000Z" });
    // No password works until the link sets one.
    expect(await signInWithPassword("aline.uwase@iom.example", "baseline-demo", "10.2.2.2", demo.db, now)).toBeNull();
    expect(findSignInLink(made.link.token, demo.db, new Date("2026-12-07T09:00:01Z"))).toBeNull();
    expect(findSignInLink(made.link.token, demo.db, now)).toMatchObject({ name: "Aline Uwase", email: "aline.uwase@iom.example" });
    expect(await setPasswordWithLink(made.link.token, "aline uwase", demo.db, now)).toEqual({ kind: "invalid", problem: "password_too_short" });
    expect(await setPasswordWithLink(made.link.token, "kigali returnees 2026", demo.db, now)).toEqual({ kind: "done", email: "aline.uwase@iom.example" });
    expect(await setPasswordWithLink(made.link.token, "another pass phrase", demo.db, now)).toEqual({ kind: "invalid_link" });
    expect(listUsers(admin(), now).find((u) => u.email === "aline.uwase@iom.example")?.state).toBe("active");
    const signedIn = await signInWithPassword("aline.uwase@iom.example", "kigali returnees 2026", "10.2.2.2", demo.db, now);
    expect(signedIn).toMatchObject({ email: "aline.uwase@iom.example" });
    expect(managedProjectIds(demo.as("aline.uwase@iom.example"))).toEqual([projectId("RW-REINT-P4")]);
    expect(audited(made.user.id)).toEqual(expect.arrayContaining(["user.create", "user.set_password_by_link"]));
    // The audit trail never holds a link's token.
    expect(JSON.stringify(demo.db.select().from(auditLog).all())).not.toContain(made.link.token);
  }, 30_000);

  it("an expired invitation shows as such, and a new link replaces the old one", async () => {
    const now = new Date("2026-11-01T09:00:00Z");
    const made = await createUser(admin(), { name: "Jean Mukiza", email: "jean.mukiza@iom.example", role: "staff", language: "en" }, now);
    if (made.kind !== "created") throw new Error(JSON.stringify(made));
    const later = new Date("2026-11-30T09:00:00Z");
    expect(listUsers(admin(), later).find((u) => u.id === made.user.id)?.state).toBe("invitation_expired");
    expect(issueSignInLink(demo.as("manager@baseline.test"), made.user.id, later)).toBeNull();
    const fresh = issueSignInLink(admin(), made.user.id, later);
    expect(fresh?.expiresAt).toBe("2026-12-07T09:00:00.000Z");
    expect(listUsers(admin(), later).find((u) => u.id === made.user.id)?.state).toBe("invited");
    expect(findSignInLink(made.link.token, demo.db, now)).toBeNull();
    expect(findSignInLink(fresh!.token, demo.db, later)).toMatchObject({ email: "jean.mukiza@iom.example" });
  });
});

describe("changing one's own password", () => {
  it("needs the current one, and ends every session of theirs", async () => {
    const donor = user("donor.japan@baseline.test");
    const ctx = demo.as("donor.japan@baseline.test");
    expect(await changeOwnPassword(ctx, "not it", "a long new passphrase")).toEqual({ kind: "wrong_current" });
    expect(await changeOwnPassword(ctx, "baseline-demo", "donor.japan-2026")).toEqual({ kind: "invalid", problem: "password_common" });
    expect(await changeOwnPassword(ctx, "baseline-demo", "a long new passphrase")).toEqual({ kind: "done" });
    expect(findSessionUser(donor.id, donor.sessionVersion, demo.db)).toBeNull();
  }, 30_000);
});
