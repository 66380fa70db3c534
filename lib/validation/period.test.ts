import { describe, expect, it } from "vitest";
import { checkReportingPeriod } from "./period";

describe("checkReportingPeriod", () => {
  const project = { startDate: "2024-07-01", endDate: "2027-06-30", reportingFrequency: "quarterly" as const };
  it("accepts a quarter within the project that has begun", () => {
    expect(checkReportingPeriod("2026Q4", project, "2026-11-23")).toBeNull();
    expect(checkReportingPeriod("2024Q3", project, "2026-11-23")).toBeNull();
  });

  it("refuses other periods with the reason", () => {
    expect(checkReportingPeriod("2026Q5", project, "2026-11-23")).toEqual({ code: "invalid_period", period: "2026Q5" });
    expect(checkReportingPeriod("2026", project, "2026-11-23")).toEqual({ code: "wrong_period_type", period: "2026", expected: "quarter" });
    expect(checkReportingPeriod("2024Q2", project, "2026-11-23")).toEqual({ code: "period_outside_project", period: "2024Q2" });
    expect(checkReportingPeriod("2027Q3", project, "2027-08-01")).toEqual({ code: "period_outside_project", period: "2027Q3" });
    expect(checkReportingPeriod("2027Q1", project, "2026-11-23")).toEqual({ code: "period_not_begun", period: "2027Q1" });
  });
});
