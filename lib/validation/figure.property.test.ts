import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkFigure } from "./figure";

// Random and hostile values: whatever comes, an answer (never an exception), and nothing accepted
// that a figure cannot be.
const hostile = fc.oneof(
  fc.double(),
  fc.integer(),
  fc.constantFrom(Number.NaN, Infinity, -Infinity, 1e308, -0, 5e-324, Number.MAX_SAFE_INTEGER + 2),
  fc.string(),
  fc.string({ unit: "grapheme" }),
  fc.constantFrom("1e5", "0x10", "١٢٣", "12 000", "12,5", "--1", "'; DROP TABLE data_values; --", "<script>alert(1)</script>", "9".repeat(400)),
  fc.constantFrom(null, undefined, true, false),
  fc.array(fc.integer()),
  fc.object(),
);

describe("checkFigure on random and hostile input", () => {
  it("never throws, and accepts only finite figures of the measure's shape", () => {
    fc.assert(
      fc.property(fc.constantFrom("number", "percentage", "mean_of_ratios" as const), hostile, hostile, hostile, (measure, value, numerator, denominator) => {
        const checked = checkFigure(measure, { value, numerator, denominator });
        if (!checked.ok) {
          expect(checked.problems.length).toBeGreaterThan(0);
          return;
        }
        const figure = checked.figure;
        if (figure === null) return;
        if (measure === "number") {
          expect(Number.isInteger(figure.value) && figure.value! >= 0 && figure.value! <= 1e15).toBe(true);
          expect(figure.numerator).toBeNull();
        } else {
          expect(Number.isFinite(figure.numerator) && Number.isInteger(figure.denominator) && figure.denominator! > 0).toBe(true);
          if (measure === "percentage") expect(figure.numerator! >= 0 && figure.numerator! <= figure.denominator!).toBe(true);
        }
      }),
      { numRuns: 3000 },
    );
  });
});
