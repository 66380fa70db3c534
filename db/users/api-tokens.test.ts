import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { apiTokens, users } from "../tables";
import { demoDatabaseForTests } from "../test-database";
import { createApiToken, findTokenUser, listApiTokens, revokeApiToken } from "./api-tokens";
import { listAuditEntries } from "../audit/audit";

const demo = demoDatabaseForTests();

describe("personal API tokens", () => {
  it("act for their user, are kept hashed, and stop at revocation", async () => {
    const donor = demo.as("donor.japan@baseline.test");
    const { token, item } = await createApiToken(donor, "Power BI");
    expect(token).toMatch(/^bl_[A-Za-z0-9_-]{43}$/);
    expect(item.prefix).toBe(token.slice(0, 10));
    const stored = (await demo.db.select().from(apiTokens).where(eq(apiTokens.id, item.id)))[0]!;
    expect(stored.tokenHash).not.toContain(token.slice(3));
    expect(JSON.stringify(await listApiTokens(donor))).not.toContain(token);

    const user = await findTokenUser(token, demo.db, new Date("2026-11-23T10:00:00Z"));
    expect(user).toMatchObject({ userId: donor.viewer.userId, role: "donor", organisationId: donor.viewer.organisationId });
    expect((await demo.db.select().from(apiTokens).where(eq(apiTokens.id, item.id)))[0]?.lastUsedAt).toBe("2026-11-23T10:00:00.000Z");
    expect(await findTokenUser(`${token.slice(0, -1)}x`, demo.db)).toBeNull();
    expect(await findTokenUser("not a token", demo.db)).toBeNull();

    expect(await revokeApiToken(demo.as("staff@baseline.test"), item.id)).toBe(false);
    expect(await findTokenUser(token, demo.db)).not.toBeNull();
    expect(await revokeApiToken(donor, item.id)).toBe(true);
    expect(await revokeApiToken(donor, item.id)).toBe(false);
    expect(await findTokenUser(token, demo.db)).toBeNull();
  });

  it("stop when their user is disabled", async () => {
    const staff = demo.as("staff@baseline.test");
    const { token } = await createApiToken(staff, "script");
    expect((await findTokenUser(token, demo.db))?.role).toBe("staff");
    await demo.db.write((tx) => tx.update(users).set({ disabledAt: "2026-11-23T00:00:00Z" }).where(eq(users.id, staff.viewer.userId)));
    expect(await findTokenUser(token, demo.db)).toBeNull();
    await demo.db.write((tx) => tx.update(users).set({ disabledAt: null }).where(eq(users.id, staff.viewer.userId)));
  });

  it("are in the audit trail, found by their group", async () => {
    const entries = await listAuditEntries(demo.as("admin@baseline.test"), { action: "api_token" }, 50);
    expect(entries.map((e) => e.action).sort()).toEqual(["api_token.create", "api_token.create", "api_token.revoke"]);
  });
});
