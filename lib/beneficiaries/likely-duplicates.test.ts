import { describe, expect, it } from "vitest";
import { findLikelyDuplicates, idKey, pairKey, type RegisteredPerson } from "./likely-duplicates";

const person = (id: number, ref: string, householdRef: string | null, sex: string, birthYear: number | null): RegisteredPerson => ({ id, ref, householdRef, sex, birthYear });

describe("findLikelyDuplicates", () => {
  it("pairs the same household and sex with birth years at most one year apart", () => {
    const people = [
      person(1, "A", "HH-1", "female", 1990),
      person(2, "B", "HH-1", "female", 1991),
      person(3, "C", "HH-1", "female", 1993),
      person(4, "D", "HH-1", "male", 1990),
      person(5, "E", "HH-2", "female", 1990),
    ];
    expect(findLikelyDuplicates(people)).toEqual([{ firstId: 1, secondId: 2, reason: "same_household" }]);
  });

  it("pairs external IDs that differ only in case, spaces, dashes or underscores", () => {
    expect(idKey(" RW-0012 ")).toBe(idKey("rw 0012"));
    const people = [person(7, "RW-0012", null, "male", null), person(3, "rw 0012", "HH-9", "female", 1950), person(9, "RW-0013", null, "male", null)];
    expect(findLikelyDuplicates(people)).toEqual([{ firstId: 3, secondId: 7, reason: "similar_id" }]);
  });

  it("never pairs people without a household or a birth year on the household rule", () => {
    expect(
      findLikelyDuplicates([
        person(1, "A", null, "female", 1990),
        person(2, "B", null, "female", 1990),
        person(3, "C", "HH", "female", null),
        person(4, "D", "HH", "female", null),
      ]),
    ).toEqual([]);
  });

  it("leaves out pairs already decided, and gives a pair that fits both rules once", () => {
    const people = [person(1, "X-1", "HH", "male", 1980), person(2, "x1", "HH", "male", 1980)];
    expect(findLikelyDuplicates(people)).toEqual([{ firstId: 1, secondId: 2, reason: "similar_id" }]);
    expect(findLikelyDuplicates(people, new Set([pairKey(2, 1)]))).toEqual([]);
  });
});
