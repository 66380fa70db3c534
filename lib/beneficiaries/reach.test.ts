import { describe, expect, it } from "vitest";
import { measureReach, type RegistryRecord } from "./reach";

const person = (ref: string, services: string[], householdRef: string | null = `HH-${ref}`, householdSize: number | null = 5): RegistryRecord => ({
  ref,
  householdRef,
  householdSize,
  services,
});

describe("measureReach", () => {
  it("counts a person with two services once, and shows the services beside", () => {
    const reach = measureReach([person("A", ["vocational_training", "livestock"]), person("B", ["livestock"])], 5);
    expect(reach.uniqueDirect).toBe(2);
    expect(reach.byService).toEqual({ vocational_training: 1, livestock: 2 });
    expect(reach.byNumberOfServices).toEqual({ 1: 1, 2: 1 });
  });

  it("counts a person registered in two projects once", () => {
    const reach = measureReach([person("A", ["livestock"]), person("A", ["shelter_materials"])], 5);
    expect(reach.uniqueDirect).toBe(1);
    expect(reach.byNumberOfServices).toEqual({ 2: 1 });
    expect(reach.indirect).toBe(5);
  });

  it("counts a service received twice once for that service", () => {
    expect(measureReach([person("A", ["livestock", "livestock"])], 5).byService).toEqual({ livestock: 1 });
  });

  it("leaves out registered people who received no service", () => {
    expect(measureReach([person("A", [])], 5)).toEqual({ uniqueDirect: 0, byService: {}, byNumberOfServices: {}, indirect: 0 });
  });

  it("counts a household with two direct beneficiaries once for indirect beneficiaries", () => {
    const reach = measureReach([person("A", ["livestock"], "HH-1", 6), person("B", ["shelter_materials"], "HH-1", 6), person("C", ["livestock"], "HH-2", 4)], 5);
    expect(reach.uniqueDirect).toBe(3);
    expect(reach.indirect).toBe(10);
  });

  it("follows the published convention: people x 5 where each is in a household of 5", () => {
    const records = Array.from({ length: 8000 }, (_, i) => person(`P${i}`, ["livestock"]));
    expect(measureReach(records, 5)).toMatchObject({ uniqueDirect: 8000, indirect: 40000 });
  });

  it("uses the project's household size where the household or its size is unknown", () => {
    const reach = measureReach([person("A", ["livestock"], null, null), person("B", ["livestock"], null, 7), person("C", ["livestock"], "HH-9", null)], 5);
    expect(reach.indirect).toBe(5 + 7 + 5);
  });

  it("has no indirect figure when a size is unknown and the project has none", () => {
    expect(measureReach([person("A", ["livestock"], null, null)], null).indirect).toBeNull();
  });
});
