import { describe, expect, it } from "vitest";
import { formatDate, formatDateTime, formatPeriod } from "./format";

describe("formatPeriod", () => {
  it("names quarters Q in English and T (trimestre) in French, on one line", () => {
    expect(formatPeriod("en", "2026Q2")).toBe("Q2\u00a02026");
    expect(formatPeriod("fr", "2026Q2")).toBe("T2\u00a02026");
    expect(formatPeriod("fr", "2024Q3")).toBe("T3\u00a02024");
  });

  it("names months in words and keeps years as they are", () => {
    expect(formatPeriod("en", "202605")).toBe("May 2026");
    expect(formatPeriod("fr", "202605")).toBe("mai 2026");
    expect(formatPeriod("fr", "2026")).toBe("2026");
  });

  it("shows anything that is not a period as it is", () => {
    expect(formatPeriod("fr", "2026Q5")).toBe("2026Q5");
    expect(formatPeriod("en", "")).toBe("");
  });
});

describe("the first day of a month in French", () => {
  it("is written 1er, in dates and in times", () => {
    expect(formatDate("fr", "2024-07-01")).toBe("1er juil. 2024");
    expect(formatDate("fr", "2024-07-11")).toBe("11 juil. 2024");
    expect(formatDate("en", "2024-07-01")).toBe("1 Jul 2024");
    expect(formatDateTime("fr", "2026-12-01T08:00:00Z", "UTC")).toMatch(/^1er déc\. 2026/);
  });
});
