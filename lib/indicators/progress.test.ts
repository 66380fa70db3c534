import { describe, expect, it } from "vitest";
import { progress } from "./progress";

describe("progress", () => {
  it("measures an increase from the baseline", () => {
    expect(progress({ direction: "increase", baseline: 0, target: 5000, actual: 3200 })).toBeCloseTo(0.64);
    expect(progress({ direction: "increase", baseline: 20, target: 60, actual: 40 })).toBeCloseTo(0.5);
  });

  it("is not clamped above 100%", () => {
    expect(progress({ direction: "increase", baseline: 0, target: 184, actual: 220.8 })).toBeCloseTo(1.2);
  });

  it("can be negative when the actual moved away from the target", () => {
    expect(progress({ direction: "increase", baseline: 50, target: 100, actual: 40 })).toBeCloseTo(-0.2);
  });

  it("measures a decrease", () => {
    // Households without adequate shelter: from 40% to a target of 10%, now 25%.
    expect(progress({ direction: "decrease", baseline: 40, target: 10, actual: 25 })).toBeCloseTo(0.5);
    expect(progress({ direction: "decrease", baseline: 40, target: 10, actual: 4 })).toBeCloseTo(1.2);
  });

  it("is null without a target, without an actual, or with a target equal to the baseline", () => {
    expect(progress({ direction: "increase", baseline: 0, target: null, actual: 10 })).toBeNull();
    expect(progress({ direction: "increase", baseline: 0, target: 10, actual: null })).toBeNull();
    expect(progress({ direction: "increase", baseline: 10, target: 10, actual: 12 })).toBeNull();
  });

  it("counts a missing baseline as zero for an increase but not for a decrease", () => {
    expect(progress({ direction: "increase", baseline: null, target: 1500, actual: 750 })).toBeCloseTo(0.5);
    expect(progress({ direction: "decrease", baseline: null, target: 10, actual: 5 })).toBeNull();
  });
});
