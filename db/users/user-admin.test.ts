import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, projects, users } from "../tables";
import { demoDatabaseForTests } from "../test-database";
import { createApiToken, findTokenUser } from "./api-tokens";
import { signInWithPassword } from "./sign-in";
import { changeOwnPassword, createUser, findSignInLink, issueSignInLink, listProjectManagers, listUsers, resetPassword, setPasswordWithLink, updateUser } from "./user-admin";
import { findSessionUser } from "./users";
import { projectsWhere } from "./viewer";

const demo = demoDatabaseForTests();
const user = async (email: string) => (await demo.db.select().from(users).where(eq(users.email, email)))[0]!;
const admin = async () => demo.as("admin@baseline.test");
const projectId = async (code: string) => (await demo.db.select().from(projects).where(eq(projects.code, code)))[0]!.id;
const audited = async (entityId: number) =>
  (
    await demo.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(and(eq(auditLog.entityType, "user"), eq(auditLog.entityId, entityId)))
  ).map((a) => a.action);

describe("account changes", () => {
  it("a new role, a disabling and a new password end the person's sessions at once; disabling ends their tokens", async () => {
    const staff = await user("staff@baseline.test");
    const { token } = await createApiToken(demo.as("staff@baseline.test"), "script");
    expect(await findSessionUser(staff.id, staff.sessionVersion, demo.db)).not.toBeNull();

    expect(await updateUser(await admin(), staff.id, { role: "manager" })).toMatchObject({ kind: "done", user: { role: "manager", state: "active" } });
    expect(await findSessionUser(staff.id, staff.sessionVersion, demo.db)).toBeNull();
    expect((await findTokenUser(token, demo.db))?.role).toBe("manager");

    expect(await updateUser(await admin(), staff.id, { disabled: true })).toMatchObject({ kind: "done", user: { state: "disabled" } });
    expect(await findTokenUser(token, demo.db)).toBeNull();
    // The right password of a disabled account says so; a wrong one says nothing more than usual.
    expect(await signInWithPassword("staff@baseline.test", "baseline-demo", "10.1.1.1", demo.db)).toBe("disabled");
    expect(await signInWithPassword("staff@baseline.test", "not the password", "10.1.1.1", demo.db)).toBeNull();
    expect(await updateUser(await admin(), staff.id, { disabled: false })).toMatchObject({ kind: "done", user: { state: "active" } });
    expect(await findTokenUser(token, demo.db)).toBeNull();

    expect(await resetPassword(await admin(), staff.id, { password: "password1234" })).toEqual({ kind: "invalid", problem: "password_common" });
    expect(await resetPassword(await admin(), staff.id, { password: "short" })).toEqual({ kind: "invalid", problem: "password_too_short" });
    const before = (await user("staff@baseline.test")).sessionVersion;
    expect(await resetPassword(await admin(), staff.id, { password: "returnees learn carpentry" })).toEqual({ kind: "done" });
    expect((await user("staff@baseline.test")).sessionVersion).toBe(before + 1);
    expect(await signInWithPassword("staff@baseline.test", "returnees learn carpentry", "10.1.1.1", demo.db)).toMatchObject({ id: staff.id });
    expect(await audited(staff.id)).toEqual(expect.arrayContaining(["user.role", "user.disable", "user.enable", "user.reset_password"]));
  }, 60_000);

  it("only admins change accounts; nobody disables or demotes themselves; the last active admin stays", async () => {
    const me = await user("admin@baseline.test");
    expect(await updateUser(demo.as("manager@baseline.test"), (await user("manager2@baseline.test")).id, { disabled: true })).toEqual({ kind: "forbidden" });
    expect(await updateUser(await admin(), me.id, { disabled: true })).toMatchObject({ kind: "invalid", problems: expect.arrayContaining([{ field: "disabled", code: "self" }]) });
    expect(await updateUser(await admin(), me.id, { role: "staff" })).toMatchObject({
      kind: "invalid",
      problems: expect.arrayContaining([
        { field: "role", code: "self" },
        { field: "role", code: "last_admin" },
      ]),
    });
    // A second admin may be demoted; then the first is the last.
    const second = await user("manager2@baseline.test");
    expect(await updateUser(await admin(), second.id, { role: "admin" })).toMatchObject({ kind: "done" });
    expect(await updateUser(demo.as("manager2@baseline.test"), me.id, { role: "staff" })).toMatchObject({ kind: "done" });
    expect(await updateUser(demo.as("manager2@baseline.test"), me.id, { role: "admin" })).toMatchObject({ kind: "done" });
    expect(await updateUser(await admin(), second.id, { role: "manager", projects: ["RW-REINT-P4", "CD-HSEC-NK"] })).toMatchObject({
      kind: "done",
      user: { projects: ["CD-HSEC-NK", "RW-REINT-P4"] },
    });
    expect(await user("admin@baseline.test")).toMatchObject({ role: "admin", disabledAt: null });
    expect(await updateUser(await admin(), 999_999, { disabled: true })).toEqual({ kind: "not_found" });
    expect(await updateUser(await admin(), second.id, { disabled: "yes" })).toMatchObject({ kind: "invalid" });
  });

  it("gives managers their projects and takes them back, and donors their organisation, audited", async () => {
    const manager = await user("manager@baseline.test");
    const ctx = async () => demo.as("manager@baseline.test");
    expect(await projectsWhere(await ctx(), "enter")).toContain(await projectId("CD-HSEC-NK"));
    expect(await updateUser(await admin(), manager.id, { projects: ["RW-REINT-P4"] })).toMatchObject({ kind: "done", user: { projects: ["RW-REINT-P4"] } });
    expect(await projectsWhere(await ctx(), "enter")).toEqual([await projectId("RW-REINT-P4")]);
    expect((await listProjectManagers(await admin(), await projectId("CD-HSEC-NK"))).map((m) => m.email)).toEqual(["manager2@baseline.test"]);
    expect(await listProjectManagers(demo.as("donor.netherlands@baseline.test"), await projectId("CD-HSEC-NK"))).toEqual([]);
    expect(await updateUser(await admin(), manager.id, { projects: ["RW-REINT-P4", "NOPE"] })).toMatchObject({
      kind: "invalid",
      problems: [{ field: "projects.1", code: "unknown_project" }],
    });
    expect(await updateUser(await admin(), manager.id, { projects: ["RW-REINT-P4", "CD-HSEC-NK"] })).toMatchObject({ kind: "done" });
    expect((await audited(manager.id)).filter((a) => a === "user.projects")).toHaveLength(2);

    const donor = await user("donor.japan@baseline.test");
    expect(await updateUser(await admin(), donor.id, { organisation: null })).toMatchObject({
      kind: "invalid",
      problems: [{ field: "organisation", code: "organisation_required" }],
    });
    expect(await updateUser(await admin(), donor.id, { organisation: "NL-MFA" })).toMatchObject({ kind: "done", user: { organisation: { code: "NL-MFA" } } });
    expect(await projectsWhere(demo.as("donor.japan@baseline.test"), "see")).toEqual([await projectId("CD-HSEC-NK")]);
    expect(await updateUser(await admin(), donor.id, { organisation: "JAPAN" })).toMatchObject({ kind: "done" });
    expect(await updateUser(await admin(), manager.id, { organisation: "JAPAN" })).toMatchObject({
      kind: "invalid",
      problems: [{ field: "organisation", code: "organisation_for_donors" }],
    });
    expect(await audited(donor.id)).toContain("user.organisation");
  });
});

describe("a person added by an admin", () => {
  it("gets a one-time sign-in link, valid 7 days, that sets their password once; then signs in to their project", async () => {
    const now = new Date("2026-11-30T09:00:00Z");
    const refused = await createUser(await admin(), { name: "Aline Uwase", email: "aline.uwase@iom.example", role: "donor", language: "fr" }, now);
    expect(refused).toMatchObject({ kind: "invalid", problems: [{ field: "organisation", code: "organisation_required" }] });
    expect(await createUser(await admin(), { name: "X", email: "manager@baseline.test", role: "manager", language: "en" }, now)).toMatchObject({
      kind: "invalid",
      problems: [{ field: "email", code: "duplicate_email" }],
    });
    expect(await createUser(demo.as("manager@baseline.test"), { name: "X", email: "x@iom.example", role: "manager", language: "en" }, now)).toEqual({ kind: "forbidden" });

    const made = await createUser(await admin(), { name: "Aline Uwase", email: " Aline.Uwase@IOM.example ", role: "manager", language: "fr", projects: ["RW-REINT-P4"] }, now);
    if (made.kind !== "created") throw new Error(JSON.stringify(made));
    expect(made.user).toMatchObject({
      email: "aline.uwase@iom.example",
      role: "manager",
      language: "fr",
      projects: ["RW-REINT-P4"],
      state: "invited",
      linkExpiresAt: "2026-12-07T09:00:00.000Z",
    });
    // No password works until the link sets one.
    expect(await signInWithPassword("aline.uwase@iom.example", "baseline-demo", "10.2.2.2", demo.db, now)).toBeNull();
    expect(await findSignInLink(made.link.token, demo.db, new Date("2026-12-07T09:00:01Z"))).toBeNull();
    expect(await findSignInLink(made.link.token, demo.db, now)).toMatchObject({ name: "Aline Uwase", email: "aline.uwase@iom.example" });
    expect(await setPasswordWithLink(made.link.token, "aline uwase", demo.db, now)).toEqual({ kind: "invalid", problem: "password_too_short" });
    expect(await setPasswordWithLink(made.link.token, "kigali returnees 2026", demo.db, now)).toEqual({ kind: "done", email: "aline.uwase@iom.example" });
    expect(await setPasswordWithLink(made.link.token, "another pass phrase", demo.db, now)).toEqual({ kind: "invalid_link" });
    expect((await listUsers(await admin(), now)).find((u) => u.email === "aline.uwase@iom.example")?.state).toBe("active");
    const signedIn = await signInWithPassword("aline.uwase@iom.example", "kigali returnees 2026", "10.2.2.2", demo.db, now);
    expect(signedIn).toMatchObject({ email: "aline.uwase@iom.example" });
    expect(await projectsWhere(demo.as("aline.uwase@iom.example"), "enter")).toEqual([await projectId("RW-REINT-P4")]);
    expect(await audited(made.user.id)).toEqual(expect.arrayContaining(["user.create", "user.set_password_by_link"]));
    // The audit trail never holds a link's token.
    expect(JSON.stringify(await demo.db.select().from(auditLog))).not.toContain(made.link.token);
  }, 30_000);

  it("an expired invitation shows as such, and a new link replaces the old one", async () => {
    const now = new Date("2026-11-01T09:00:00Z");
    const made = await createUser(await admin(), { name: "Jean Mukiza", email: "jean.mukiza@iom.example", role: "staff", language: "en" }, now);
    if (made.kind !== "created") throw new Error(JSON.stringify(made));
    const later = new Date("2026-11-30T09:00:00Z");
    expect((await listUsers(await admin(), later)).find((u) => u.id === made.user.id)?.state).toBe("invitation_expired");
    expect(await issueSignInLink(demo.as("manager@baseline.test"), made.user.id, later)).toBeNull();
    const fresh = await issueSignInLink(await admin(), made.user.id, later);
    expect(fresh?.expiresAt).toBe("2026-12-07T09:00:00.000Z");
    expect((await listUsers(await admin(), later)).find((u) => u.id === made.user.id)?.state).toBe("invited");
    expect(await findSignInLink(made.link.token, demo.db, now)).toBeNull();
    expect(await findSignInLink(fresh!.token, demo.db, later)).toMatchObject({ email: "jean.mukiza@iom.example" });
  });
});

describe("changing one's own password", () => {
  it("needs the current one, and ends every session of theirs", async () => {
    const donor = await user("donor.japan@baseline.test");
    const ctx = demo.as("donor.japan@baseline.test");
    expect(await changeOwnPassword(ctx, "not it", "a long new passphrase")).toEqual({ kind: "wrong_current" });
    expect(await changeOwnPassword(ctx, "baseline-demo", "donor.japan-2026")).toEqual({ kind: "invalid", problem: "password_common" });
    expect(await changeOwnPassword(ctx, "baseline-demo", "a long new passphrase")).toEqual({ kind: "done" });
    expect(await findSessionUser(donor.id, donor.sessionVersion, demo.db)).toBeNull();
  }, 30_000);
});
