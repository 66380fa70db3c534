import { describe, expect, it } from "vitest";
import { ratioActual } from "./actual";
import { combineActuals } from "./combine";

describe("combineActuals", () => {
  it("gives the published 78% average income increase over phases I-III from the phases' parts", () => {
    const phases = [ratioActual(511, 700), ratioActual(632, 800), ratioActual(729, 900)];
    const combined = combineActuals("mean_of_ratios", phases);
    expect(combined).toMatchObject({ numerator: 1872, denominator: 2400 });
    expect(combined?.value).toBeCloseTo(78, 10);
    // The average of the phases' percentages would be 77.67%: not what was published, and wrong.
    expect(((511 / 700 + 632 / 800 + 729 / 900) / 3) * 100).not.toBeCloseTo(78, 1);
  });

  it("gives the published 63% improved living conditions from the phases' parts", () => {
    const combined = combineActuals("percentage", [ratioActual(290, 500), ratioActual(384, 600), ratioActual(460, 700)]);
    expect(combined?.value).toBeCloseTo(63, 10);
  });

  it("adds counts and leaves out phases without an actual", () => {
    expect(combineActuals("number", [{ kind: "number", value: 3 }, null, { kind: "number", value: 4 }])).toEqual({ kind: "number", value: 7 });
  });

  it("has no figure when no phase has one", () => {
    expect(combineActuals("percentage", [null, null])).toBeNull();
  });
});
