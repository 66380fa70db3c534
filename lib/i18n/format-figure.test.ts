import { describe, expect, it } from "vitest";
import { ratioActual } from "../indicators/actual";
import { formatActual, formatMeasureValue } from "./format-figure";

describe("formatActual", () => {
  it("shows a percentage with its numerator and denominator", () => {
    const actual = ratioActual(1134, 1800);
    if (!actual) throw new Error("no actual");
    expect(formatActual("en", actual)).toBe("63% (1,134/1,800)");
    expect(formatActual("fr", actual)).toBe("63\u202f% (1\u202f134/1\u202f800)");
  });

  it("shows a count as a number", () => {
    expect(formatActual("en", { kind: "number", value: 3200 })).toBe("3,200");
  });
});

describe("formatMeasureValue", () => {
  it("shows targets of percentages as percentages and counts as numbers", () => {
    expect(formatMeasureValue("en", "percentage", 85)).toBe("85%");
    expect(formatMeasureValue("en", "mean_of_ratios", 60)).toBe("60%");
    expect(formatMeasureValue("fr", "number", 5000)).toBe("5\u202f000");
  });
});
