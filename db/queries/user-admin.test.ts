import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { users } from "../schema";
import { useDemoDatabase } from "../test-database";
import { createApiToken, findTokenUser } from "./api-tokens";
import { signInWithPassword } from "./sign-in";
import { changeOwnPassword, changeUser } from "./user-admin";
import { findSessionUser } from "./users";

const demo = useDemoDatabase();
const user = (email: string) => demo.db.select().from(users).where(eq(users.email, email)).get()!;

describe("account changes", () => {
  it("a new role, a disabling and a new password end the person's sessions at once; disabling ends their tokens", async () => {
    const admin = demo.as("admin@baseline.test");
    const staff = user("staff@baseline.test");
    const { token } = createApiToken(demo.as("staff@baseline.test"), "script");
    expect(findSessionUser(staff.id, staff.sessionVersion, demo.db)).not.toBeNull();

    expect(await changeUser(admin, staff.id, { change: "role", role: "manager" })).toEqual({ kind: "done" });
    expect(findSessionUser(staff.id, staff.sessionVersion, demo.db)).toBeNull();
    expect(findTokenUser(token, demo.db)?.role).toBe("manager");

    expect(await changeUser(admin, staff.id, { change: "disable" })).toEqual({ kind: "done" });
    expect(findTokenUser(token, demo.db)).toBeNull();
    expect(await signInWithPassword("staff@baseline.test", "baseline-demo", "10.1.1.1", demo.db)).toBeNull();
    expect(await changeUser(admin, staff.id, { change: "enable" })).toEqual({ kind: "done" });
    expect(findTokenUser(token, demo.db)).toBeNull();

    expect(await changeUser(admin, staff.id, { change: "password", password: "password1234" })).toEqual({ kind: "invalid", problem: "password_common" });
    expect(await changeUser(admin, staff.id, { change: "password", password: "short" })).toEqual({ kind: "invalid", problem: "password_too_short" });
    const before = user("staff@baseline.test").sessionVersion;
    expect(await changeUser(admin, staff.id, { change: "password", password: "returnees learn carpentry" })).toEqual({ kind: "done" });
    expect(user("staff@baseline.test").sessionVersion).toBe(before + 1);
    expect(await signInWithPassword("staff@baseline.test", "returnees learn carpentry", "10.1.1.1", demo.db)).toMatchObject({ id: staff.id });
  }, 60_000);

  it("only admins change accounts, and not their own role or state", async () => {
    const admin = user("admin@baseline.test");
    expect(await changeUser(demo.as("manager@baseline.test"), user("staff@baseline.test").id, { change: "disable" })).toEqual({ kind: "forbidden" });
    expect(await changeUser(demo.as("admin@baseline.test"), admin.id, { change: "disable" })).toEqual({ kind: "invalid", problem: "self" });
    expect(await changeUser(demo.as("admin@baseline.test"), admin.id, { change: "role", role: "staff" })).toEqual({ kind: "invalid", problem: "self" });
    expect(user("admin@baseline.test")).toMatchObject({ role: "admin", disabledAt: null });
  });

  it("a user changes their own password with the current one, and every session of theirs ends", async () => {
    const donor = user("donor.japan@baseline.test");
    const ctx = demo.as("donor.japan@baseline.test");
    expect(await changeOwnPassword(ctx, "not it", "a long new passphrase")).toEqual({ kind: "wrong_current" });
    expect(await changeOwnPassword(ctx, "baseline-demo", "donor.japan-2026")).toEqual({ kind: "invalid", problem: "password_common" });
    expect(await changeOwnPassword(ctx, "baseline-demo", "a long new passphrase")).toEqual({ kind: "done" });
    expect(findSessionUser(donor.id, donor.sessionVersion, demo.db)).toBeNull();
  }, 30_000);
});
