import { describe, expect, it } from "vitest";
import { checkIndicatorInput } from "./indicator";

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
      {
        ...indicator,
        code: "op1.1",
        measure: "percentage",
        periodTargets: [
          { period: "2024Q1", value: 1 },
          { period: "2025Q5", value: 1 },
        ],
      },
      dates,
      ["OP1.1"],
    );
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    expect(checked.problems).toEqual([{ field: "definitionEn", code: "ratio_needs_definition" }]);
    const second = checkIndicatorInput(
      {
        ...indicator,
        code: "op1.1",
        periodTargets: [
          { period: "2024Q1", value: 1 },
          { period: "2025Q5", value: 1 },
          { period: "2025Q1", value: 1 },
          { period: "2025Q1", value: 2 },
        ],
      },
      dates,
      ["OP1.1"],
    );
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
