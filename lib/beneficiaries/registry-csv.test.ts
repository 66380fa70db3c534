import { describe, expect, it } from "vitest";
import { checkRegistryRecords, readCsv, registryCsvTemplate } from "./registry-csv";

const context = {
  locationCodes: new Set(["RW-05-HUY", "RW-03-MUS"]),
  serviceCodes: new Set(["vocational_training", "livestock", "shelter_materials"]),
  groupCodes: new Set(["returnee", "host_community", "returning_idp", "idp"]),
  currentYear: 2026,
};

async function check(text: string) {
  const { records, header, problems } = await readCsv([text]);
  const checked = checkRegistryRecords(records, header, context);
  return { ...checked, problems: [...problems, ...checked.problems] };
}

describe("registry CSV", () => {
  it("reads the template: one person with two services", async () => {
    const { people, problems } = await check(registryCsvTemplate());
    expect(problems).toEqual([]);
    expect(people.get("RW-900001")).toMatchObject({ sex: "female", birthYear: 1990, householdSize: 5, services: [{ code: "vocational_training", receivedOn: "2026-03-15" }, { code: "livestock", receivedOn: "2026-05-02" }] });
  });

  it("reads semicolons, a byte-order mark and upper-case headers, as French Excel writes them", async () => {
    const text = "\ufeffEXTERNAL_ID;household_id;sex;birth_year;group;location_code;household_size;service;service_date\nA1;;male;;host_community;RW-03-MUS;;shelter_materials;2025-12-01\n";
    const { people, problems } = await check(text);
    expect(problems).toEqual([]);
    expect(people.get("A1")).toMatchObject({ householdRef: null, birthYear: null, householdSize: null });
  });

  it("names every bad row with its line and reason", async () => {
    const text = [
      "external_id,household_id,sex,birth_year,group,location_code,household_size,service,service_date",
      ",H1,female,1990,returnee,RW-05-HUY,5,livestock,2026-01-10",
      "B1,H2,woman,2030,returnee,KIGALI,0,goats,2026-02-30",
      "C1,H3,male,1980,returnee,RW-05-HUY,4,livestock,2026-01-10",
      "C1,H3,female,1981,returnee,RW-05-HUY,4,shelter_materials,2026-02-10",
    ].join("\n");
    const { problems } = await check(text);
    expect(problems.map((p) => [p.line, p.code])).toEqual([
      [2, "missing_id"],
      [3, "unknown_sex"],
      [3, "bad_birth_year"],
      [3, "unknown_location"],
      [3, "bad_household_size"],
      [3, "unknown_service"],
      [3, "bad_service_date"],
      [5, "conflicting_person"],
      [5, "conflicting_person"],
    ]);
  });

  it("refuses a file without the required columns", async () => {
    const { problems } = await check("id,name\n1,x\n");
    expect(problems[0]).toMatchObject({ line: 1, code: "missing_columns" });
  });

  it("counts the same service on the same day once", async () => {
    const { people } = await check(registryCsvTemplate() + "RW-900001,RW-HH-900001,female,1990,returnee,RW-05-HUY,5,livestock,2026-05-02\n");
    expect(people.get("RW-900001")?.services).toHaveLength(2);
  });
});
