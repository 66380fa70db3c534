import { describe, expect, it } from "vitest";
import { periodSchema } from "./period-schema";

describe("periodSchema", () => {
  it("reads quarters, months and years", () => {
    for (const period of ["2026Q3", "202609", "2026", "2010Q1"]) expect(periodSchema.safeParse(period).success, period).toBe(true);
  });

  it("refuses what is not a period, however close", () => {
    for (const period of ["", "2026Q5", "202613", "26Q1", "2026-Q3", "2026Q3 ", "1800", "2026Q3'--", "2026Q3Q3"])
      expect(periodSchema.safeParse(period).success, period).toBe(false);
    expect(periodSchema.safeParse(2026).success).toBe(false);
  });
});
