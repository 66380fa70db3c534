import { describe, expect, it } from "vitest";
import { formatDate, formatDateTime, formatNumber, formatPercent, formatPeriod, formatPhase, formatRatio, localized } from "./format";

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

describe("formatting", () => {
  it("writes numbers as each language does", () => {
    expect(formatNumber("en", 5000)).toBe("5,000");
    expect(formatNumber("fr", 5000)).toBe("5\u202f000");
    expect(formatNumber("en", 40550)).toBe("40,550");
  });

  it("writes dates as each language does", () => {
    expect(formatDate("en", "2026-11-23")).toBe("23 Nov 2026");
    expect(formatDate("fr", "2026-11-23")).toBe("23 nov. 2026");
  });

  it("writes percentages as each language does", () => {
    expect(formatPercent("en", 78)).toBe("78%");
    expect(formatPercent("fr", 63)).toBe("63\u202f%"); // the narrow no-break space of French typography
    expect(formatRatio("en", 0.64)).toBe("64%");
    expect(formatRatio("en", 1.2)).toBe("120%");
  });

  it("writes phases in Roman numerals", () => {
    expect([1, 3, 4, 12, 13].map(formatPhase)).toEqual(["I", "III", "IV", "XII", "13"]);
  });

  it("shows the French text where it exists", () => {
    expect(localized("fr", "Trainers trained", "Formateurs formés")).toBe("Formateurs formés");
    expect(localized("fr", "Rutshuru", null)).toBe("Rutshuru");
    expect(localized("en", "Trainers trained", "Formateurs formés")).toBe("Trainers trained");
  });
});
