import { describe, expect, it } from "vitest";
import { checkAgainstPrevious, checkFigureAgainstPrevious } from "./outlier";

describe("checkAgainstPrevious", () => {
  it("warns above three times or below a third of the previous period", () => {
    expect(checkAgainstPrevious(31, { value: 10, period: "2026Q3" })).toEqual({ code: "much_higher_than_previous", previous: 10, previousPeriod: "2026Q3" });
    expect(checkAgainstPrevious(3, { value: 10, period: "2026Q3" })).toEqual({ code: "much_lower_than_previous", previous: 10, previousPeriod: "2026Q3" });
  });

  it("is quiet within the range, without a previous figure, or after a zero", () => {
    expect(checkAgainstPrevious(30, { value: 10, period: "2026Q3" })).toBeNull();
    expect(checkAgainstPrevious(4, { value: 10, period: "2026Q3" })).toBeNull();
    expect(checkAgainstPrevious(50, null)).toBeNull();
    expect(checkAgainstPrevious(50, { value: 0, period: "2026Q3" })).toBeNull();
  });
});

describe("checkFigureAgainstPrevious", () => {
  const figure = (value: number | null, numerator: number | null = null, denominator: number | null = null) => ({ value, numerator, denominator });

  it("compares numbers by value and ratios by percentage", () => {
    expect(checkFigureAgainstPrevious(figure(31), { figure: figure(10), period: "2026Q3" })).toMatchObject({ code: "much_higher_than_previous", previous: 10 });
    // 9 of 12 (75%) after 2 of 10 (20%): more than three times.
    expect(checkFigureAgainstPrevious(figure(null, 9, 12), { figure: figure(null, 2, 10), period: "2026Q3" })).toMatchObject({ code: "much_higher_than_previous", previous: 20 });
    expect(checkFigureAgainstPrevious(figure(null, 5, 10), { figure: figure(null, 4, 10), period: "2026Q3" })).toBeNull();
  });

  it("says nothing of an empty figure, a ratio over zero, or without a previous figure", () => {
    expect(checkFigureAgainstPrevious(null, { figure: figure(10), period: "2026Q3" })).toBeNull();
    expect(checkFigureAgainstPrevious(figure(null, 3, 0), { figure: figure(null, 1, 10), period: "2026Q3" })).toBeNull();
    expect(checkFigureAgainstPrevious(figure(50), null)).toBeNull();
  });
});
