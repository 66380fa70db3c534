import { describe, expect, it } from "vitest";
import { breakdownByLocation, breakdownByOption, seriesWithTargets, type ValueCell } from "./indicator-charts";

const cell = (period: string, locationId: number, disaggregation: string, value: number): ValueCell => ({
  period,
  locationId,
  disaggregation,
  value,
  numerator: null,
  denominator: null,
});
const incremental = { measure: "number", timeAggregation: "incremental" } as const;

describe("seriesWithTargets", () => {
  it("gives per period the reported figure, the cumulative line and the target due", () => {
    const totals = [cell("2025Q1", 1, "", 10), cell("2025Q2", 1, "", 30), cell("2025Q2", 2, "", 5)];
    expect(
      seriesWithTargets(incremental, totals, [
        { period: "2025Q1", value: 20 },
        { period: "2025Q2", value: 20 },
      ]),
    ).toEqual([
      { period: "2025Q1", reported: 10, toDate: 10, target: 20, gap: null },
      { period: "2025Q2", reported: 35, toDate: 45, target: 40, gap: null },
    ]);
  });

  it("puts the gaps in their place in time with their target alone, never counted and never joined over", () => {
    const totals = [cell("2025Q1", 1, "", 10), cell("2025Q2", 1, "", 30), cell("2025Q4", 1, "", 5)];
    const gaps = new Map([
      ["2025Q2", "not_reported"],
      ["2025Q3", "awaiting_approval"],
    ] as const);
    expect(seriesWithTargets(incremental, totals, [{ period: "2025Q3", value: 50 }], gaps)).toEqual([
      { period: "2025Q1", reported: 10, toDate: 10, target: null, gap: null },
      { period: "2025Q2", reported: null, toDate: null, target: null, gap: "not_reported" },
      { period: "2025Q3", reported: null, toDate: null, target: 50, gap: "awaiting_approval" },
      { period: "2025Q4", reported: 5, toDate: 15, target: 50, gap: null },
    ]);
  });
});

describe("breakdowns", () => {
  const cells = [
    cell("2025Q1", 1, "", 10),
    cell("2025Q1", 1, "sex=female", 6),
    cell("2025Q1", 1, "sex=male", 4),
    cell("2025Q2", 2, "", 5),
    cell("2025Q2", 2, "sex=female", 5),
    cell("2025Q2", 2, "age=18_35|sex=female", 5),
  ];

  it("adds each option of a dimension, leaving cross-tabulated cells out", () => {
    expect(breakdownByOption(incremental, cells, "sex", ["female", "male", "unknown"])).toEqual([
      { key: "female", value: 11 },
      { key: "male", value: 4 },
    ]);
  });

  it("adds the totals of each location", () => {
    expect(breakdownByLocation(incremental, cells)).toEqual([
      { locationId: 1, value: 10 },
      { locationId: 2, value: 5 },
    ]);
  });
});
