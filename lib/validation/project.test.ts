import { describe, expect, it } from "vitest";
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
    const checked = checkProjectInput({
      ...project,
      code: "p 5",
      endDate: "2027-01-01",
      budgets: [
        { year: 2026, amount: 1 },
        { year: 2026, amount: 2 },
      ],
    });
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
    const ok = checkProjectInput({
      ...project,
      sectors: [
        { code: "15190", percentage: "60" },
        { code: "11330", percentage: "40" },
      ],
    });
    expect(ok.ok && ok.project.sectors).toEqual([
      { code: "15190", percentage: 60 },
      { code: "11330", percentage: 40 },
    ]);
    expect(checkProjectInput(project)).toMatchObject({ ok: true, project: { sectors: [] } });
    const bad = checkProjectInput({
      ...project,
      sectors: [
        { code: "1519", percentage: "60" },
        { code: "11330", percentage: "0" },
        { code: "11330", percentage: "30" },
      ],
    });
    expect(!bad.ok && bad.problems).toEqual(
      expect.arrayContaining([
        { field: "sectors.0.code", code: "invalid_sector" },
        { field: "sectors.1.percentage", code: "invalid_sector_percentage" },
      ]),
    );
    const sums = checkProjectInput({
      ...project,
      sectors: [
        { code: "15190", percentage: "60" },
        { code: "15190", percentage: "30" },
      ],
    });
    expect(!sums.ok && sums.problems).toEqual([
      { field: "sectors", code: "sectors_not_100" },
      { field: "sectors", code: "duplicate_sector" },
    ]);
  });
});
