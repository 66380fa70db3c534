import fc from "fast-check";
import { and, count, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, dataValues, indicators, projects } from "../tables";
import { demoDatabaseForTests } from "../test-database";
import { recordDataValues, type DataValueInput } from "./data-values";

const demo = demoDatabaseForTests();

const text = fc.oneof(
  fc.string(),
  fc.string({ unit: "grapheme", maxLength: 50 }),
  fc.constantFrom(
    "'; DROP TABLE data_values; --",
    "<img src=x onerror=alert(1)>",
    "</td><script>alert(1)</script>",
    '=HYPERLINK("http://example.invalid","x")',
    "\u0000\u202e\ufeff",
    "x".repeat(2000),
    "  spaced  ",
  ),
);
const number = fc.oneof(fc.integer({ min: -10, max: 10_000 }), fc.double(), fc.constantFrom(Number.NaN, Infinity, 1e300, "12", "1e3", "", null), text);

describe("recordDataValues on random and hostile input", () => {
  it("answers every batch without throwing; a refused batch changes nothing; a saved comment is exactly what was typed", async () => {
    const manager = demo.as("manager@baseline.test");
    const p4 = (await demo.db.select().from(projects).where(eq(projects.code, "RW-REINT-P4")))[0]!;
    const ids = (await demo.db.select({ id: indicators.id }).from(indicators).where(eq(indicators.projectId, p4.id))).map((i) => i.id);
    const cell = fc.record({
      indicatorId: fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...ids) }, { weight: 1, arbitrary: fc.integer() }),
      period: fc.oneof({ weight: 4, arbitrary: fc.constant("2026Q4") }, { weight: 1, arbitrary: fc.constantFrom("2026Q3", "2025Q1", "2031Q1") }, { weight: 1, arbitrary: text }),
      locationCode: fc.oneof({ weight: 4, arbitrary: fc.constantFrom("RW-05-HUY", "RW-04-KAR", "RW-03-MUS") }, { weight: 1, arbitrary: text }),
      disaggregation: fc.oneof(
        { weight: 4, arbitrary: fc.constant({}) },
        { weight: 1, arbitrary: fc.constant({ sex: "female" }) },
        { weight: 1, arbitrary: fc.dictionary(text, fc.oneof(text, fc.integer()) as fc.Arbitrary<unknown>, { maxKeys: 3 }) },
      ),
      value: fc.oneof({ weight: 3, arbitrary: fc.integer({ min: 0, max: 500 }) }, { weight: 2, arbitrary: number }),
      numerator: fc.option(number, { nil: undefined, freq: 5 }),
      comment: fc.option(text, { nil: undefined }),
      version: fc.option(fc.integer({ min: -1, max: 5 }), { nil: undefined }),
    });
    // One cell that can be written: an entered count of phase IV, in the open quarter, at a place
    // where nothing was entered for it yet (so its total has no breakdown to agree with).
    const plain = (
      await demo.db.all<{ id: number; code: string }>(sql`
      SELECT i.id, l.code FROM indicators i JOIN project_locations pl ON pl.project_id = i.project_id JOIN locations l ON l.id = pl.location_id
      WHERE i.project_id = ${p4.id} AND i.source = 'manual' AND i.measure = 'number' AND l.level = 'district'
        AND NOT EXISTS (SELECT 1 FROM data_values v WHERE v.indicator_id = i.id AND v.period = '2026Q4' AND v.location_id = l.id)
      ORDER BY i.position, l.code LIMIT 1`)
    )[0]!;
    const writable = fc
      .record({ value: fc.integer({ min: 0, max: 500 }), comment: fc.option(text, { nil: undefined }) })
      .map((c) => ({ ...c, indicatorId: plain.id, period: "2026Q4", locationCode: plain.code, disaggregation: {}, writable: true }));
    const kinds = new Set<string>();
    const rows = async () => (await demo.db.select({ n: count() }).from(dataValues))[0]!.n;
    const audits = async () => (await demo.db.select({ n: count() }).from(auditLog))[0]!.n;
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.array(cell, { minLength: 1, maxLength: 4 }), fc.tuple(writable)), async (batch) => {
        for (const sent of batch as (DataValueInput & { writable?: boolean })[]) {
          if (!sent.writable) continue;
          // The writer read the cell first, as the grid does.
          sent.version =
            (
              await demo.db
                .select({ version: dataValues.version })
                .from(dataValues)
                .where(
                  and(
                    eq(dataValues.indicatorId, sent.indicatorId),
                    eq(dataValues.period, "2026Q4"),
                    eq(dataValues.disaggregation, ""),
                    eq(dataValues.locationId, sql`(SELECT id FROM locations WHERE code = ${plain.code})`),
                  ),
                )
            )[0]?.version ?? null;
          delete sent.writable;
        }
        const [before, beforeAudit] = [await rows(), await audits()];
        const outcome = await recordDataValues(manager, batch as DataValueInput[], { today: "2026-11-23" });
        expect(["saved", "invalid", "conflict", "forbidden"]).toContain(outcome.kind);
        kinds.add(outcome.kind);
        // No engine keeps a null character in text the same way: it is refused on both.
        if ((batch as DataValueInput[]).some((c) => c.comment?.includes("\u0000"))) expect(outcome.kind).not.toBe("saved");
        if (outcome.kind !== "saved") {
          expect([await rows(), await audits()]).toEqual([before, beforeAudit]);
          return;
        }
        for (const [i, saved] of outcome.values.entries()) {
          if ("deleted" in saved) continue;
          const sent = batch[i]!;
          const stored = (
            await demo.db
              .select()
              .from(dataValues)
              .where(and(eq(dataValues.id, saved.id)))
          )[0]!;
          if (typeof sent.comment === "string" && sent.comment.trim() !== "") expect(stored.comment).toBe(sent.comment);
          expect(Number.isFinite(stored.value ?? stored.numerator ?? 0)).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
    // The random batches reached both ends: some were written, some refused.
    expect([...kinds].sort()).toEqual(expect.arrayContaining(["invalid", "saved"]));
  }, 120_000);
});
