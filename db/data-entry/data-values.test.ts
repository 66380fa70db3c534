import { and, count, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, dataValues, indicators, projectPeriods, projects } from "../tables";
import { demoDatabaseForTests, refusal } from "../test-database";
import { listDataValues } from "./data-value-list";
import { recordDataValues, type DataValueInput } from "./data-values";

const TODAY = "2026-11-23";
const demo = demoDatabaseForTests(TODAY);

const { as } = demo;
const manager = () => as("manager@baseline.test");
const manager2 = () => as("manager2@baseline.test");
const projectId = async (code: string) => (await demo.db.select().from(projects).where(eq(projects.code, code)))[0]?.id ?? 0;
const indicatorId = async (project: string, code: string) =>
  (
    await demo.db
      .select()
      .from(indicators)
      .where(and(eq(indicators.projectId, await projectId(project)), eq(indicators.code, code)))
  )[0]?.id ?? 0;
const valueCount = async () => (await demo.db.select({ n: count() }).from(dataValues))[0]?.n;

/** Total, female and male of "Returnees supported to start their own business" in a Phase IV district. */
async function businesses(locationCode: string, total: unknown, female: unknown, male: unknown, period = "2026Q4"): Promise<DataValueInput[]> {
  const indicator = await indicatorId("RW-REINT-P4", "OP2.3");
  return [
    { indicatorId: indicator, period, locationCode, disaggregation: {}, value: total },
    { indicatorId: indicator, period, locationCode, disaggregation: { sex: "female" }, value: female },
    { indicatorId: indicator, period, locationCode, disaggregation: { sex: "male" }, value: male },
  ];
}

describe("recordDataValues", () => {
  it("writes a cell with its breakdown, version 1, and an audit entry each", async () => {
    const auditBefore = (await demo.db.select({ n: count() }).from(auditLog))[0]?.n ?? 0;
    const outcome = await recordDataValues(manager(), await businesses("RW-05-NYR", 8, "5", 3), { today: TODAY });
    expect(outcome.kind).toBe("saved");
    if (outcome.kind !== "saved") return;
    expect(outcome.values).toHaveLength(3);
    expect(outcome.values[0]).toMatchObject({ value: 8, status: "draft", version: 1, locationCode: "RW-05-NYR", disaggregation: {} });
    expect((await demo.db.select({ n: count() }).from(auditLog))[0]?.n).toBe(auditBefore + 3);
  });

  it("refuses breakdowns that do not add up, and writes nothing of the batch", async () => {
    const before = await valueCount();
    const outcome = await recordDataValues(manager(), await businesses("RW-05-NYM", 8, 5, 2), { today: TODAY });
    expect(outcome.kind).toBe("invalid");
    if (outcome.kind !== "invalid") return;
    expect(outcome.problems[0]?.problem).toEqual({ code: "breakdown_mismatch", dimension: "sex", expected: 8, actual: 7 });
    expect(await valueCount()).toBe(before);
  });

  it("is all or nothing: one bad row refuses the whole batch, each bad row named by its index", async () => {
    const before = await valueCount();
    const outcome = await recordDataValues(manager(), [...(await businesses("RW-04-KAR", 4, 2, 2)), ...(await businesses("RW-04-NYB", -1, "two", 1.5))], { today: TODAY });
    expect(outcome).toEqual({
      kind: "invalid",
      problems: [
        { index: 3, problem: { code: "negative", field: "value" } },
        { index: 4, problem: { code: "not_a_number", field: "value" } },
        { index: 5, problem: { code: "decimal_in_count", field: "value" } },
      ],
    });
    expect(await valueCount()).toBe(before);
  });

  it("refuses periods, places, options and indicators that cannot take the figure", async () => {
    const indicator = await indicatorId("RW-REINT-P4", "OP2.3");
    const cell = { indicatorId: indicator, locationCode: "RW-04-RUT", disaggregation: {}, value: 3 };
    const outcome = await recordDataValues(
      manager(),
      [
        { ...cell, period: "2027Q1" },
        { ...cell, period: "2026Q3" },
        { ...cell, period: "2024Q2" },
        { ...cell, period: "2026Q4", locationCode: "CD-NK-RUT" },
        { ...cell, period: "2026Q4", disaggregation: { sex: "other" } },
        { ...cell, period: "2026Q4", disaggregation: { age: "18_35" } },
        { ...cell, period: "2026Q4", indicatorId: await indicatorId("RW-REINT-P4", "OP1.1") },
      ],
      { today: TODAY },
    );
    expect(outcome.kind === "invalid" && outcome.problems.map((p) => p.problem.code)).toEqual([
      "period_not_begun",
      "period_locked",
      "period_outside_project",
      "unknown_location",
      "unknown_option",
      "unknown_dimension",
      "computed_indicator",
    ]);
  });

  it("refuses a stale version and shows the current value, whoever wrote it", async () => {
    const [total] = await businesses("RW-05-NYR", 9, 6, 3);
    const first = await recordDataValues(manager2(), [{ ...total!, value: 8, comment: "checked", version: 1 }], { today: TODAY });
    expect(first.kind).toBe("saved");
    const stale = await recordDataValues(manager(), [{ ...total!, value: 10, version: 1 }], { today: TODAY });
    expect(stale.kind).toBe("conflict");
    expect(stale.kind === "conflict" && stale.conflicts[0]?.current).toMatchObject({ value: 8, version: 2, comment: "checked" });
    expect(stale.kind === "conflict" && stale.conflicts[0]?.changedBy).toBe("Second demo programme manager");
    const blind = await recordDataValues(manager(), [{ ...total!, value: 10 }], { today: TODAY });
    expect(blind.kind).toBe("conflict");
  });

  it("writes a change sent again under the same key once: one value, one audit entry, the first answer", async () => {
    const cells = await businesses("RW-05-NYM", 12, 7, 5);
    const idempotency = { key: "0f5e7c2a-offline-1", requestHash: "hash-of-the-body" };
    const audits = async () => (await demo.db.select({ n: count() }).from(auditLog))[0]?.n ?? 0;
    const [valuesBefore, auditsBefore] = [await valueCount(), await audits()];
    const first = await recordDataValues(manager(), cells, { today: TODAY, idempotency });
    expect(first).toMatchObject({ kind: "saved" });
    const again = await recordDataValues(manager(), cells, { today: TODAY, idempotency });
    expect(again).toEqual({ ...first, replayed: true });
    expect([await valueCount(), await audits()]).toEqual([(valuesBefore ?? 0) + 3, auditsBefore + 3]);
    // The key is the caller's: another body under it is refused; another person's same key is theirs.
    expect(await recordDataValues(manager(), cells, { today: TODAY, idempotency: { ...idempotency, requestHash: "another body" } })).toEqual({ kind: "key_reused" });
    expect((await recordDataValues(manager2(), cells, { today: TODAY, idempotency })).kind).toBe("conflict");
  });

  it("keeps no key for a refused write: the same key may be sent again once it can be written", async () => {
    const idempotency = { key: "refused-then-fixed", requestHash: "h1" };
    expect((await recordDataValues(manager(), await businesses("RW-04-KAR", 9, 5, 3), { today: TODAY, idempotency })).kind).toBe("invalid");
    const fixed = await recordDataValues(manager(), await businesses("RW-04-KAR", 9, 5, 4), { today: TODAY, idempotency: { ...idempotency, requestHash: "h2" } });
    expect(fixed.kind).toBe("saved");
  });

  it("lets only the project's managers and admins write", async () => {
    for (const email of ["donor.japan@baseline.test", "staff@baseline.test"]) {
      expect(await recordDataValues(as(email), await businesses("RW-04-RUT", 1, 1, 0), { today: TODAY })).toEqual({ kind: "forbidden" });
    }
  });

  it("deletes a cleared cell instead of storing a zero, and logs it", async () => {
    const written = await recordDataValues(manager(), await businesses("RW-04-RUT", 2, 1, 1), { today: TODAY });
    expect(written.kind).toBe("saved");
    const cleared = await recordDataValues(
      manager(),
      (await businesses("RW-04-RUT", "", "", "")).map((c) => ({ ...c, version: 1 })),
      { today: TODAY },
    );
    expect(cleared.kind === "saved" && cleared.values.every((v) => "deleted" in v)).toBe(true);
    expect((await demo.db.select({ n: count() }).from(auditLog).where(eq(auditLog.action, "data_value.delete")))[0]?.n).toBe(3);
  });

  it("saves a figure far from the previous period's, with a warning", async () => {
    const previous = (
      await demo.db
        .select()
        .from(dataValues)
        .where(and(eq(dataValues.indicatorId, await indicatorId("RW-REINT-P4", "OP2.3")), eq(dataValues.period, "2026Q3"), eq(dataValues.disaggregation, "")))
    ).find((v) => v.value !== null && v.value > 0);
    expect(previous).toBeDefined();
    const locationCode = "RW-04-NYB";
    const outcome = await recordDataValues(manager(), await businesses(locationCode, 90, 45, 45), { today: TODAY });
    expect(outcome.kind).toBe("saved");
    expect(outcome.kind === "saved" && outcome.warnings[0]?.warning.code).toBe("much_higher_than_previous");
  });

  it("takes a returned period back to draft when it is edited", async () => {
    const drc = await projectId("CD-HSEC-NK");
    const row = async () =>
      (
        await demo.db
          .select()
          .from(projectPeriods)
          .where(and(eq(projectPeriods.projectId, drc), eq(projectPeriods.period, "2026Q3")))
      )[0];
    expect((await row())?.status).toBe("returned");
    const indicator = await indicatorId("CD-HSEC-NK", "OP1.2");
    const current = (await listDataValues(manager(), drc, { period: "2026Q3" })).find((v) => v.indicatorId === indicator && v.locationCode === "CD-NK-NYI");
    const outcome = await recordDataValues(
      manager(),
      [{ indicatorId: indicator, period: "2026Q3", locationCode: "CD-NK-NYI", disaggregation: {}, value: 2, version: current?.version }],
      { today: TODAY },
    );
    expect(outcome.kind).toBe("saved");
    expect((await row())?.status).toBe("draft");
    const logged = (await demo.db.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.entityType, "period"))).map((a) => a.action);
    expect(logged).toContain("period.edit_returned");
    expect(await refusal(demo.db.write((tx) => tx.delete(auditLog)))).toMatch(/append-only/);
  });
});
