import { describe, expect, it } from "vitest";
import { checkAgainstPrevious } from "./outlier";

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
