import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, signInFailures } from "../tables";
import { demoDatabaseForTests } from "../test-database";
import { ACCOUNT_LIMIT, ADDRESS_LIMIT, signInWithPassword } from "./sign-in";

const demo = demoDatabaseForTests();
const PASSWORD = "baseline-demo";
const at = (minutes: number) => new Date(Date.parse("2026-11-23T10:00:00Z") + minutes * 60_000);

describe("signInWithPassword", () => {
  it("locks an account for 15 minutes after 10 failures, even for the right password, without locking others from the same address", async () => {
    expect(await signInWithPassword("manager@baseline.test", PASSWORD, "10.0.0.1", demo.db, at(0))).toMatchObject({ email: "manager@baseline.test" });
    for (let i = 0; i < ACCOUNT_LIMIT; i++) expect(await signInWithPassword("Manager@Baseline.test", "wrong password", "10.0.0.1", demo.db, at(1))).toBeNull();
    expect(await signInWithPassword("manager@baseline.test", PASSWORD, "10.0.0.1", demo.db, at(2))).toBeNull();
    expect(await signInWithPassword("manager@baseline.test", PASSWORD, "10.9.9.9", demo.db, at(2))).toBeNull();
    expect(await signInWithPassword("staff@baseline.test", PASSWORD, "10.0.0.1", demo.db, at(3))).toMatchObject({ email: "staff@baseline.test" });
    const locks = await demo.db.select().from(auditLog).where(eq(auditLog.action, "user.lock"));
    expect(locks).toHaveLength(1);
    expect(JSON.parse(locks[0]!.details!)).toMatchObject({ email: "manager@baseline.test", failures: ACCOUNT_LIMIT });
    // Fifteen minutes after the tenth failure, the right password works again.
    expect(await signInWithPassword("manager@baseline.test", PASSWORD, "10.0.0.1", demo.db, at(17))).toMatchObject({ email: "manager@baseline.test" });
  }, 60_000);

  it("locks unknown e-mails the same way, so a lock tells nothing about who has an account", async () => {
    for (let i = 0; i < ACCOUNT_LIMIT + 1; i++) expect(await signInWithPassword("nobody@baseline.test", "x", "10.0.0.2", demo.db, at(30))).toBeNull();
    expect(await demo.db.select().from(auditLog).where(eq(auditLog.action, "user.lock"))).toHaveLength(2);
  }, 60_000);

  it("locks an address after a hundred failures, for every account", async () => {
    // A hundred failures from one address (written directly: checking a hundred passwords takes long).
    await demo.db.write((tx) =>
      tx.insert(signInFailures).values(Array.from({ length: ADDRESS_LIMIT }, (_, i) => ({ email: `guess${i}@example.invalid`, address: "10.0.0.3", at: at(60).toISOString() }))),
    );
    expect(await signInWithPassword("admin@baseline.test", PASSWORD, "10.0.0.3", demo.db, at(61))).toBeNull();
    expect(await signInWithPassword("admin@baseline.test", PASSWORD, "10.0.0.4", demo.db, at(61))).toMatchObject({ email: "admin@baseline.test" });
  }, 60_000);
});
