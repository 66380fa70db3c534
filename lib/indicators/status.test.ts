import { describe, expect, it } from "vitest";
import { indicatorStatus, targetDueBy } from "./status";

const base = { measure: "number" as const, timeAggregation: "incremental" as const, baseline: 0, target: 600, projectStart: "2024-07-01", projectEnd: "2027-06-30" };

describe("targetDueBy", () => {
  it("adds the targets of the periods ended, or takes the latest for a running total", () => {
    const periodTargets = [
      { period: "2025Q1", value: 60 },
      { period: "2025Q2", value: 60 },
      { period: "2025Q3", value: 60 },
    ];
    expect(targetDueBy({ ...base, periodTargets, asOf: "2025-06-30" })).toBe(120);
    expect(
      targetDueBy({
        ...base,
        timeAggregation: "cumulative",
        periodTargets: [
          { period: "2025", value: 2500 },
          { period: "2026", value: 4000 },
        ],
        asOf: "2026-12-31",
      }),
    ).toBe(4000);
    expect(targetDueBy({ ...base, periodTargets, asOf: "2025-03-30" })).toBeNull();
  });

  it("prorates a count's target over the project's time, and gives a percentage's only at the end", () => {
    expect(targetDueBy({ ...base, periodTargets: [], asOf: "2026-01-01" })).toBeCloseTo(300, -1);
    expect(targetDueBy({ ...base, measure: "percentage", target: 60, periodTargets: [], asOf: "2026-01-01" })).toBeNull();
    expect(targetDueBy({ ...base, measure: "percentage", target: 60, periodTargets: [], asOf: "2027-06-30" })).toBe(60);
  });
});

describe("indicatorStatus", () => {
  it("is on track from 90% of the way due, at risk from 60%, off track below", () => {
    expect(indicatorStatus({ direction: "increase", baseline: 0, due: 100, actual: 90 })).toBe("on_track");
    expect(indicatorStatus({ direction: "increase", baseline: 0, due: 100, actual: 89 })).toBe("at_risk");
    expect(indicatorStatus({ direction: "increase", baseline: 0, due: 100, actual: 60 })).toBe("at_risk");
    expect(indicatorStatus({ direction: "increase", baseline: 0, due: 100, actual: 59 })).toBe("off_track");
  });

  it("measures a decrease from the baseline down", () => {
    expect(indicatorStatus({ direction: "decrease", baseline: 40, due: 20, actual: 22 })).toBe("on_track");
    expect(indicatorStatus({ direction: "decrease", baseline: 40, due: 20, actual: 35 })).toBe("off_track");
  });

  it("says when nothing is due yet, and when figures are missing", () => {
    expect(indicatorStatus({ direction: "increase", baseline: 0, due: null, actual: 5 })).toBe("not_due");
    expect(indicatorStatus({ direction: "increase", baseline: 0, due: 100, actual: null })).toBe("no_data");
  });
});
