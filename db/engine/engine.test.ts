import { count, eq, sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { auditLog, organisations } from "../tables";
import { createTestDatabase, refusal } from "../test-database";

// The guarantees queries rely on, whichever engine answers (the tests run on each).
const made = await createTestDatabase();
const db = made.db;
afterAll(() => made.remove());

const organisationCount = async () => (await db.select({ n: count() }).from(organisations))[0]!.n;
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const donor = (code: string) => ({ code, nameEn: code, type: "donor" as const });

describe(`the ${db.engine} engine`, () => {
  it("never lets a reader see the rows of a write that is still open, nor of one rolled back", async () => {
    const seen: number[] = [];
    let writing = true;
    const readers = (async () => {
      while (writing) {
        seen.push(await organisationCount());
        await pause(1);
      }
    })();
    const slow = db.write(async (tx) => {
      for (let i = 0; i < 20; i++) {
        await tx.insert(organisations).values(donor(`SLOW-${i}`));
        // Inside the write, its own rows are there, through tx and through the database alike.
        expect(await organisationCount()).toBe(i + 1);
        await pause(5);
      }
      throw new Error("rolled back on purpose");
    });
    await expect(slow).rejects.toThrow("rolled back on purpose");
    writing = false;
    await readers;
    expect(seen.length).toBeGreaterThan(10);
    expect(new Set(seen)).toEqual(new Set([0]));
    expect(await organisationCount()).toBe(0);
  });

  it("runs writes one after the other, each whole, in the order they were asked for", async () => {
    const order: string[] = [];
    const batch = (name: string) =>
      db.write(async (tx) => {
        order.push(`${name} begins`);
        for (let i = 0; i < 5; i++) {
          await tx.insert(organisations).values(donor(`${name}-${i}`));
          await pause(2);
        }
        order.push(`${name} ends`);
      });
    const failing = db.write(async (tx) => {
      await tx.insert(organisations).values(donor("FAIL-0"));
      await tx.insert(organisations).values(donor("FAIL-0"));
    });
    await Promise.all([batch("A"), expect(refusal(failing)).resolves.toMatch(/UNIQUE|unique/), batch("B")]);
    expect(order).toEqual(["A begins", "A ends", "B begins", "B ends"]);
    const codes = (await db.select({ code: organisations.code }).from(organisations)).map((o) => o.code).sort();
    expect(codes).toEqual(["A-0", "A-1", "A-2", "A-3", "A-4", "B-0", "B-1", "B-2", "B-3", "B-4"]);
  });

  it("joins a write started inside another, and refuses writes outside one", async () => {
    await db.write(async (tx) => {
      await tx.insert(organisations).values(donor("OUTER"));
      await db.write((inner) => inner.insert(organisations).values(donor("INNER")));
    });
    expect(await db.select({ code: organisations.code }).from(organisations).where(eq(organisations.code, "INNER"))).toHaveLength(1);
    expect(await refusal(db.insert(organisations).values(donor("OUTSIDE")))).toMatch(/readonly|read-only/);
  });

  it("moves its change stamp at each commit, and not at a rollback", async () => {
    const before = await db.changeStamp();
    await expect(db.write(() => Promise.reject(new Error("nothing")))).rejects.toThrow("nothing");
    expect(await db.changeStamp()).toBe(before);
    await db.write((tx) => tx.insert(auditLog).values({ action: "test.stamp", entityType: "test" }));
    expect(await db.changeStamp()).not.toBe(before);
    expect(await db.all(sql`SELECT 1 AS one`)).toEqual([{ one: 1 }]);
  });

  it("reads one SQL text as drizzle's rows and as plain rows, in either order and again", async () => {
    await db.write(async (tx) => {
      await tx.insert(organisations).values(donor("SAME-TEXT"));
    });
    const built = db.select({ code: organisations.code }).from(organisations).where(sql`${organisations.code} = 'SAME-TEXT'`);
    const plain = sql.raw(built.toSQL().sql);
    for (let round = 0; round < 2; round++) {
      expect(await built).toEqual([{ code: "SAME-TEXT" }]);
      expect(await db.all(plain)).toEqual([{ code: "SAME-TEXT" }]);
    }
  });
});
