import { describe, expect, it } from "vitest";
import { actualToDate, timeSeries, type ReportedTotal } from "./actual-to-date";

const n = (period: string, locationId: number, value: number): ReportedTotal => ({
  period,
  locationId,
  value,
  numerator: null,
  denominator: null,
});
const r = (period: string, locationId: number, numerator: number, denominator: number): ReportedTotal => ({
  period,
  locationId,
  value: null,
  numerator,
  denominator,
});

const incremental = { measure: "number", timeAggregation: "incremental" } as const;
const cumulative = { measure: "number", timeAggregation: "cumulative" } as const;

describe("actualToDate: incremental", () => {
  it("adds every period and location", () => {
    expect(actualToDate(incremental, [n("2025Q1", 1, 10), n("2025Q2", 1, 15), n("2025Q1", 2, 5)])).toEqual({
      kind: "number",
      value: 30,
    });
  });

  it("has no actual when nothing was reported: missing is not zero", () => {
    expect(actualToDate(incremental, [])).toBeNull();
  });

  it("keeps a reported zero as zero", () => {
    expect(actualToDate(incremental, [n("2025Q1", 1, 0)])).toEqual({ kind: "number", value: 0 });
  });

  it("stops at the given period", () => {
    expect(actualToDate(incremental, [n("2025Q1", 1, 10), n("2025Q2", 1, 15)], "2025Q1")?.value).toBe(10);
  });
});

describe("actualToDate: cumulative", () => {
  it("takes each location's latest value and adds the locations", () => {
    const totals = [n("2025Q1", 1, 3), n("2025Q2", 1, 5), n("2025Q1", 2, 2), n("2025Q2", 2, 4)];
    expect(actualToDate(cumulative, totals)?.value).toBe(9);
  });

  it("lets a location that skipped the latest period keep its last value", () => {
    const totals = [n("2025Q1", 1, 3), n("2025Q2", 1, 5), n("2025Q1", 2, 2)];
    expect(actualToDate(cumulative, totals)?.value).toBe(7);
  });

  it("never lets a back-dated correction override a later period", () => {
    // The 2025Q1 figure is entered after the 2025Q2 one: order of entry must not matter.
    const totals = [n("2025Q2", 1, 5), n("2025Q1", 1, 4)];
    expect(actualToDate(cumulative, totals)?.value).toBe(5);
  });

  it("is as of the given period", () => {
    const totals = [n("2025Q1", 1, 3), n("2025Q2", 1, 5), n("2025Q3", 2, 7)];
    expect(actualToDate(cumulative, totals, "2025Q2")?.value).toBe(5);
  });
});

describe("actualToDate: percentages and means of ratios", () => {
  it("divides the sum of numerators by the sum of denominators, never averages percentages", () => {
    // 50% of 10 and 10% of 90: the average of percentages would say 30%, the truth is 14%.
    const actual = actualToDate({ measure: "percentage", timeAggregation: "incremental" }, [r("2025Q1", 1, 5, 10), r("2025Q1", 2, 9, 90)]);
    expect(actual).toEqual({ kind: "ratio", value: 14, numerator: 14, denominator: 100 });
  });

  it("computes the published average income increase of 78% as a mean of ratios", () => {
    // numerator: the sum of each respondent's ratio of income increase; denominator: respondents.
    const actual = actualToDate({ measure: "mean_of_ratios", timeAggregation: "incremental" }, [r("2012", 1, 511, 700), r("2016", 1, 632, 800), r("2024", 1, 729, 900)]);
    expect(actual?.value).toBeCloseTo(78, 10);
  });

  it("takes the latest numerator and denominator per location when cumulative", () => {
    const actual = actualToDate({ measure: "percentage", timeAggregation: "cumulative" }, [r("2025Q1", 1, 1, 10), r("2025Q2", 1, 6, 10), r("2025Q1", 2, 3, 10)]);
    expect(actual?.value).toBe(45);
  });

  it("has no actual when the denominators add up to zero", () => {
    expect(actualToDate({ measure: "percentage", timeAggregation: "incremental" }, [r("2025Q1", 1, 0, 0)])).toBeNull();
  });
});

describe("timeSeries", () => {
  it("gives per period what was reported and the actual to date", () => {
    const series = timeSeries(cumulative, [n("2025Q1", 1, 3), n("2025Q1", 2, 2), n("2025Q2", 1, 5)]);
    expect(series.map((p) => [p.period, p.reported.value, p.toDate.value])).toEqual([
      ["2025Q1", 5, 5],
      ["2025Q2", 5, 7],
    ]);
  });
});
