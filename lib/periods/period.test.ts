import { describe, expect, it } from "vitest";
import { comparePeriods, periodOfRecord, nextPeriod, parsePeriod, periodContains, periodHasBegun, periodOfDate, periodOverlaps, periodsBetween, previousPeriod } from "./period";

describe("parsePeriod", () => {
  it("reads years, quarters and months as DHIS2 names them", () => {
    expect(parsePeriod("2024")).toMatchObject({ type: "year", start: "2024-01-01", end: "2024-12-31" });
    expect(parsePeriod("2024Q1")).toMatchObject({ type: "quarter", start: "2024-01-01", end: "2024-03-31" });
    expect(parsePeriod("2026Q4")).toMatchObject({ start: "2026-10-01", end: "2026-12-31" });
    expect(parsePeriod("202402")).toMatchObject({ type: "month", start: "2024-02-01", end: "2024-02-29" });
    expect(parsePeriod("202302")?.end).toBe("2023-02-28");
  });

  it("refuses what is not a period", () => {
    for (const bad of ["", "2024Q5", "2024Q0", "202413", "202400", "24Q1", "2024-01", "2024q1", " 2024", "0999"]) {
      expect(parsePeriod(bad), bad).toBeNull();
    }
  });
});

describe("period arithmetic", () => {
  it("finds the period of a date", () => {
    expect(periodOfDate("2013-11-15", "quarter").id).toBe("2013Q4");
    expect(periodOfDate("2024-07-01", "month").id).toBe("202407");
    expect(periodOfDate("2024-07-01", "year").id).toBe("2024");
  });

  it("steps to the next period across a year", () => {
    expect(nextPeriod("2024Q4")).toBe("2025Q1");
    expect(nextPeriod("202412")).toBe("202501");
    expect(nextPeriod("2024")).toBe("2025");
  });

  it("steps back to the previous period across a year", () => {
    expect(previousPeriod("2025Q1")).toBe("2024Q4");
    expect(previousPeriod("202501")).toBe("202412");
    expect(previousPeriod("2024Q3")).toBe("2024Q2");
    expect(previousPeriod("2024")).toBe("2023");
  });

  it("lists the periods that overlap a project's dates", () => {
    expect(periodsBetween("2024-07-01", "2025-03-31", "quarter")).toEqual(["2024Q3", "2024Q4", "2025Q1"]);
    expect(periodsBetween("2013-11-01", "2014-01-15", "month")).toEqual(["201311", "201312", "201401"]);
    expect(periodsBetween("2025-01-01", "2024-01-01", "year")).toEqual([]);
  });

  it("orders periods by their end, the shorter first when they end together", () => {
    const sorted = ["2025Q1", "2024", "2024Q4", "202410", "2024Q2"].sort(comparePeriods);
    expect(sorted).toEqual(["2024Q2", "202410", "2024Q4", "2024", "2025Q1"]);
  });

  it("tells overlap, containment and whether a period has begun", () => {
    expect(periodOverlaps("2013Q4", "2013-11-01", "2027-12-31")).toBe(true);
    expect(periodOverlaps("2013Q3", "2013-11-01", "2027-12-31")).toBe(false);
    expect(periodContains("2024", "2024Q2")).toBe(true);
    expect(periodContains("2024Q2", "2024")).toBe(false);
    expect(periodHasBegun("2026Q4", "2026-11-23")).toBe(true);
    expect(periodHasBegun("2027Q1", "2026-11-23")).toBe(false);
  });
});

describe("periodOfRecord", () => {
  it("gives a record the period its date falls in, and the first or last period before or after the project", () => {
    expect(periodOfRecord("2026-08-21", "quarter", "2024-10-01", "2027-03-31")).toBe("2026Q3");
    expect(periodOfRecord("2026-09-30", "quarter", "2024-10-01", "2027-03-31")).toBe("2026Q3");
    expect(periodOfRecord("2026-10-01", "quarter", "2024-10-01", "2027-03-31")).toBe("2026Q4");
    expect(periodOfRecord("2023-05-02", "quarter", "2024-10-01", "2027-03-31")).toBe("2024Q4");
    expect(periodOfRecord("2028-01-15", "quarter", "2024-10-01", "2027-03-31")).toBe("2027Q1");
    expect(periodOfRecord("2026-02-14", "month", "2026-01-15", "2026-06-30")).toBe("202602");
    expect(periodOfRecord("2026-02-14", "year", "2025-07-01", "2027-06-30")).toBe("2026");
  });
});
