import { describe, expect, it } from "vitest";
import { checkIndicatorInput } from "./indicator";
import { checkProjectInput } from "./project";

const project = {
  code: "RW-REINT-P5",
  programmeCode: "RW-REINT",
  phase: "5",
  titleEn: "Phase V",
  status: "pipeline",
  startDate: "2027-07-01",
  endDate: "2029-06-30",
  countryCode: "RW",
  reportingFrequency: "quarterly",
  householdSize: "5",
  currency: "USD",
  organisations: [{ code: "IOM", role: "implementing" }],
  locationCodes: ["RW-05-HUY"],
  budgets: [{ year: "2027", amount: "500000" }],
};

describe("checkProjectInput", () => {
  it("accepts a complete project, reading numbers from a form", () => {
    const checked = checkProjectInput(project);
    expect(checked.ok && checked.project).toMatchObject({ phase: 5, householdSize: 5, budgets: [{ year: 2027, amount: 500000 }], titleFr: null });
  });

  it("refuses an end before the start, budgets outside the dates or twice, a bad code", () => {
    const checked = checkProjectInput({ ...project, code: "p 5", endDate: "2027-01-01", budgets: [{ year: 2026, amount: 1 }, { year: 2026, amount: 2 }] });
    expect(!checked.ok && checked.problems).toEqual(
      expect.arrayContaining([
        { field: "code", code: "invalid_code" },
        { field: "endDate", code: "end_before_start" },
        { field: "budgets.0.year", code: "budget_outside_project" },
        { field: "budgets.1.year", code: "duplicate_budget_year" },
      ]),
    );
  });

  it("takes DAC sectors whose shares add up to 100, and refuses other codes, shares and totals", () => {
    const ok = checkProjectInput({ ...project, sectors: [{ code: "15190", percentage: "60" }, { code: "11330", percentage: "40" }] });
    expect(ok.ok && ok.project.sectors).toEqual([{ code: "15190", percentage: 60 }, { code: "11330", percentage: 40 }]);
    expect(checkProjectInput(project)).toMatchObject({ ok: true, project: { sectors: [] } });
    const bad = checkProjectInput({ ...project, sectors: [{ code: "1519", percentage: "60" }, { code: "11330", percentage: "0" }, { code: "11330", percentage: "30" }] });
    expect(!bad.ok && bad.problems).toEqual(
      expect.arrayContaining([
        { field: "sectors.0.code", code: "invalid_sector" },
        { field: "sectors.1.percentage", code: "invalid_sector_percentage" },
      ]),
    );
    const sums = checkProjectInput({ ...project, sectors: [{ code: "15190", percentage: "60" }, { code: "15190", percentage: "30" }] });
    expect(!sums.ok && sums.problems).toEqual([
      { field: "sectors", code: "sectors_not_100" },
      { field: "sectors", code: "duplicate_sector" },
    ]);
  });
});

const dates = { startDate: "2024-07-01", endDate: "2027-06-30", reportingFrequency: "quarterly" as const };
const indicator = {
  code: "OP3.1",
  resultCode: "OP1",
  nameEn: "Cooperatives registered",
  measure: "number",
  direction: "increase",
  timeAggregation: "incremental",
  isContext: false,
  target: "40",
  source: "manual",
  dimensions: [],
  periodTargets: [{ period: "2025Q1", value: "10" }],
};

describe("checkIndicatorInput", () => {
  it("accepts an indicator with per-period targets within the project", () => {
    expect(checkIndicatorInput(indicator, dates, ["OP1.1"])).toMatchObject({ ok: true, indicator: { target: 40, periodTargets: [{ period: "2025Q1", value: 10 }] } });
  });

  it("refuses a duplicate code, period targets outside the project, and a percentage without its definition", () => {
    const checked = checkIndicatorInput(
      { ...indicator, code: "op1.1", measure: "percentage", periodTargets: [{ period: "2024Q1", value: 1 }, { period: "2025Q5", value: 1 }] },
      dates,
      ["OP1.1"],
    );
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    expect(checked.problems).toEqual([{ field: "definitionEn", code: "ratio_needs_definition" }]);
    const second = checkIndicatorInput({ ...indicator, code: "op1.1", periodTargets: [{ period: "2024Q1", value: 1 }, { period: "2025Q5", value: 1 }, { period: "2025Q1", value: 1 }, { period: "2025Q1", value: 2 }] }, dates, ["OP1.1"]);
    expect(!second.ok && second.problems).toEqual([
      { field: "code", code: "duplicate_indicator_code" },
      { field: "periodTargets.0.period", code: "period_target_outside_project" },
      { field: "periodTargets.1.period", code: "invalid_period" },
      { field: "periodTargets.3.period", code: "duplicate_period_target" },
    ]);
  });

  it("requires a training kind for indicators counted from trainings, and counts only", () => {
    const checked = checkIndicatorInput({ ...indicator, source: "trainings", measure: "percentage", definitionEn: "x" }, dates, []);
    expect(!checked.ok && checked.problems.map((p) => p.code)).toEqual(["required", "computed_must_count"]);
  });
});
