import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, indicators, projects } from "../tables";
import { demoDatabaseForTests } from "../test-database";
import { indicatorFormValues, listIndicatorRevisions, saveIndicator, saveResult } from "./framework-editing";
import { projectFormValues, saveProject } from "../projects/project-editing";

const demo = demoDatabaseForTests();

const { as } = demo;
const project = async (code: string) => {
  const found = (await demo.db.select().from(projects).where(eq(projects.code, code)))[0];
  if (!found) throw new Error(code);
  return found;
};

const phaseFive = {
  code: "RW-REINT-P5",
  programmeCode: "RW-REINT",
  phase: 5,
  titleEn: "Sustainable reintegration of Rwandan returnees, Phase V",
  titleFr: "Réintégration durable des rapatriés rwandais, phase V",
  status: "pipeline",
  startDate: "2027-07-01",
  endDate: "2029-06-30",
  countryCode: "RW",
  reportingFrequency: "quarterly",
  householdSize: 5,
  currency: "USD",
  organisations: [
    { code: "IOM", role: "implementing" },
    { code: "MIDIMAR", role: "partner" },
  ],
  locationCodes: ["RW-05-HUY", "RW-03-MUS"],
  budgets: [
    { year: 2027, amount: 400000 },
    { year: 2028, amount: 900000 },
  ],
};

describe("saveProject", () => {
  it("lets an admin create a phase with its organisations, places and budgets, audited", async () => {
    const outcome = await saveProject(as("admin@baseline.test"), phaseFive);
    expect(outcome.kind).toBe("saved");
    const saved = await project("RW-REINT-P5");
    expect(await projectFormValues(demo.db, saved)).toMatchObject({
      programmeCode: "RW-REINT",
      phase: 5,
      locationCodes: expect.arrayContaining(["RW-05-HUY", "RW-03-MUS"]),
      budgets: [
        { year: 2027, amount: 400000 },
        { year: 2028, amount: 900000 },
      ],
    });
    expect(
      (
        await demo.db
          .select()
          .from(auditLog)
          .where(and(eq(auditLog.action, "project.create"), eq(auditLog.entityId, saved.id)))
      )[0],
    ).toBeDefined();
  });

  it("refuses managers creating projects, a duplicate code, a place in another country and an end before the start", async () => {
    expect(await saveProject(as("manager@baseline.test"), { ...phaseFive, code: "X-1" })).toEqual({ kind: "forbidden" });
    const outcome = await saveProject(as("admin@baseline.test"), { ...phaseFive, locationCodes: ["CD-NK-RUT"] });
    expect(outcome.kind === "invalid" && outcome.problems).toEqual([
      { field: "code", code: "duplicate_project_code" },
      { field: "locationCodes.0", code: "location_outside_country" },
    ]);
    const dates = await saveProject(as("admin@baseline.test"), { ...phaseFive, code: "RW-REINT-P6", phase: 6, endDate: "2027-01-01" });
    expect(dates.kind === "invalid" && dates.problems.map((p) => p.code)).toContain("end_before_start");
  });

  it("lets the project's manager edit it with the version read, refuses a stale one, and closes it", async () => {
    const p4 = await project("RW-REINT-P4");
    const values = await projectFormValues(demo.db, p4);
    expect((await saveProject(as("manager@baseline.test"), { ...values, householdSizeSource: "Household survey 2025" }, { projectId: p4.id, version: p4.version })).kind).toBe(
      "saved",
    );
    expect((await saveProject(as("manager2@baseline.test"), values, { projectId: p4.id, version: p4.version })).kind).toBe("conflict");
    const p5 = await project("RW-REINT-P5");
    expect((await saveProject(as("admin@baseline.test"), { ...(await projectFormValues(demo.db, p5)), status: "completed" }, { projectId: p5.id, version: p5.version })).kind).toBe(
      "saved",
    );
    expect(await project("RW-REINT-P5")).toMatchObject({ status: "completed", closedAt: expect.any(String) });
    expect((await demo.db.select().from(auditLog).where(eq(auditLog.action, "project.close")))[0]).toBeDefined();
  });
});

describe("saveResult and saveIndicator", () => {
  const p4 = async () => await project("RW-REINT-P4");
  const op23 = async () =>
    (
      await demo.db
        .select()
        .from(indicators)
        .where(and(eq(indicators.projectId, (await p4()).id), eq(indicators.code, "OP2.3")))
    )[0]!;

  it("adds a result and an indicator under it", async () => {
    expect((await saveResult(as("manager@baseline.test"), (await p4()).id, { code: "OP3", type: "output", titleEn: "Cooperatives are registered", parentCode: "OC1" })).kind).toBe(
      "saved",
    );
    const outcome = await saveIndicator(as("manager@baseline.test"), (await p4()).id, {
      code: "OP3.1",
      resultCode: "OP3",
      nameEn: "Cooperatives registered",
      measure: "number",
      direction: "increase",
      timeAggregation: "incremental",
      isContext: false,
      target: 40,
      source: "manual",
      dimensions: [],
      periodTargets: [{ period: "2026Q4", value: 10 }],
    });
    expect(outcome.kind).toBe("saved");
  });

  it("refuses a duplicate code and a percentage without its definition", async () => {
    const outcome = await saveIndicator(as("manager@baseline.test"), (await p4()).id, {
      ...(await indicatorFormValues(as("admin@baseline.test"), await op23())),
      code: "OP2.4",
      measure: "percentage",
      definitionEn: null,
    });
    expect(outcome.kind === "invalid" && outcome.problems.map((p) => p.code)).toEqual(["ratio_needs_definition"]);
    const duplicate = await saveIndicator(as("manager@baseline.test"), (await p4()).id, { ...(await indicatorFormValues(as("admin@baseline.test"), await op23())), code: "OP2.4" });
    expect(duplicate.kind === "invalid" && duplicate.problems).toEqual([{ field: "code", code: "duplicate_indicator_code" }]);
  });

  it("keeps the earlier target with date, reason and author when it changes after figures exist", async () => {
    const indicator = await op23();
    const values = await indicatorFormValues(as("manager@baseline.test"), indicator);
    const noReason = await saveIndicator(as("manager@baseline.test"), (await p4()).id, { ...values, target: 700 }, { indicatorId: indicator.id, version: indicator.version });
    expect(noReason.kind === "invalid" && noReason.problems).toEqual([{ field: "reason", code: "reason_required" }]);
    const saved = await saveIndicator(
      as("manager@baseline.test"),
      (await p4()).id,
      { ...values, target: 700, reason: "Extension to Musanze agreed with Japan" },
      { indicatorId: indicator.id, version: indicator.version },
    );
    expect(saved.kind).toBe("saved");
    expect((await op23()).target).toBe(700);
    expect(await listIndicatorRevisions(as("donor.japan@baseline.test"), await op23())).toEqual([
      expect.objectContaining({ field: "target", previousValue: 600, newValue: 700, reason: "Extension to Musanze agreed with Japan", changedBy: "Demo programme manager" }),
    ]);
  });

  it("refuses to take away a dimension that has figures, and writes by others", async () => {
    const indicator = await op23();
    const values = await indicatorFormValues(as("manager@baseline.test"), indicator);
    const outcome = await saveIndicator(as("manager@baseline.test"), (await p4()).id, { ...values, dimensions: [] }, { indicatorId: indicator.id, version: indicator.version });
    expect(outcome.kind === "invalid" && outcome.problems).toEqual([{ field: "dimensions", code: "dimension_in_use" }]);
    expect(await saveIndicator(as("staff@baseline.test"), (await p4()).id, values, { indicatorId: indicator.id, version: indicator.version })).toEqual({ kind: "forbidden" });
  });
});
