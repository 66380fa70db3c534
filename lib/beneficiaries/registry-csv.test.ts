import { describe, expect, it } from "vitest";
import type { ImportCodes } from "./code-book";
import { checkRegistryRecords, problemColumn, registryCsvTemplate, type TemplateText } from "./registry-csv";
import { readRegistryCsv } from "./read-source";

const codes: ImportCodes = {
  places: [
    { code: "RW-05-HUY", nameEn: "Huye", nameFr: null },
    { code: "RW-03-MUS", nameEn: "Musanze", nameFr: null },
  ],
  sexes: [
    { code: "female", nameEn: "Female", nameFr: "Femme" },
    { code: "male", nameEn: "Male", nameFr: "Homme" },
    { code: "unknown", nameEn: "Unknown", nameFr: "Inconnu" },
  ],
  groups: [
    { code: "returnee", nameEn: "Returnee from abroad", nameFr: "Rapatrié" },
    { code: "host_community", nameEn: "Host community", nameFr: "Communauté d'accueil" },
  ],
  services: [
    { code: "vocational_training", nameEn: "Vocational training", nameFr: "Formation professionnelle" },
    { code: "livestock", nameEn: "Livestock support", nameFr: "Aide à l'élevage" },
    { code: "shelter_materials", nameEn: "Construction materials for housing", nameFr: "Matériaux de construction pour le logement" },
  ],
};
const text: TemplateText = {
  notes: ["Template for RW-REINT-P4, with a comma, and a # inside"],
  named: (v) => `${v.code} = ${v.nameEn}`,
  listOf: (column, values) => `${column}: ${values}`,
};
const ONE_PERSON = [
  "external_id,household_id,sex,birth_year,group,location_code,household_size,service,service_date",
  "RW-900001,RW-HH-900001,female,1990,returnee,RW-05-HUY,5,vocational_training,2026-03-15",
  "RW-900001,RW-HH-900001,female,1990,returnee,RW-05-HUY,5,livestock,2026-05-02",
].join("\n");

async function check(text: string) {
  const { records, header, problems } = readRegistryCsv(text);
  const checked = checkRegistryRecords(records, header, codes, 2026);
  return { ...checked, problems: [...problems, ...checked.problems] };
}

describe("registry CSV", () => {
  it("reads one person with two services", async () => {
    const { people, problems } = await check(ONE_PERSON);
    expect(problems).toEqual([]);
    expect(people.get("RW-900001")).toMatchObject({
      sex: "female",
      birthYear: 1990,
      householdSize: 5,
      services: [
        { code: "vocational_training", receivedOn: "2026-03-15" },
        { code: "livestock", receivedOn: "2026-05-02" },
      ],
    });
  });

  it("writes a project's template: its codes and places as notes, an example row per service, which are refused if left in", async () => {
    const template = registryCsvTemplate(codes, text, "2026-11-30");
    expect(template).toContain("# location_code: RW-05-HUY = Huye | RW-03-MUS = Musanze\r\n");
    expect(template).toContain("# sex: female = Female | male = Male | unknown = Unknown\r\n");
    const { records, header } = readRegistryCsv(template);
    expect(records.map((r) => r.fields.service)).toEqual(["vocational_training", "livestock", "shelter_materials"]);
    const checked = checkRegistryRecords(records, header, codes, 2026);
    expect(checked.problems.map((p) => p.code)).toEqual(["example_row", "example_row", "example_row"]);
    const filled = template.replace(/EXAMPLE-/g, "RW-");
    expect((await check(filled)).problems).toEqual([]);
    expect((await check(filled)).people.size).toBe(3);
  });

  it("reads French and English names as well as codes", async () => {
    const text = [
      "external_id,household_id,sex,birth_year,group,location_code,household_size,service,service_date",
      "F1,,femme,1990,rapatrié,huye,3,Formation professionnelle,2026-03-15",
      "F2,,Homme,1980,Communauté d’accueil,RW-03-MUS,3,aide a l'elevage,2026-03-15",
      "F3,,Male,1980,Host community,Musanze,3,Livestock support,2026-03-15",
    ].join("\n");
    const { people, problems } = await check(text);
    expect(problems).toEqual([]);
    expect(people.get("F1")).toMatchObject({ sex: "female", groupCode: "returnee", locationCode: "RW-05-HUY", services: [{ code: "vocational_training" }] });
    expect(people.get("F2")).toMatchObject({ sex: "male", groupCode: "host_community", locationCode: "RW-03-MUS", services: [{ code: "livestock" }] });
    expect(people.get("F3")).toMatchObject({ sex: "male", groupCode: "host_community", locationCode: "RW-03-MUS" });
  });

  it("reads semicolons, a byte-order mark and upper-case headers, as French Excel writes them", async () => {
    const text =
      "\ufeffEXTERNAL_ID;household_id;sex;birth_year;group;location_code;household_size;service;service_date\nA1;;male;;host_community;RW-03-MUS;;shelter_materials;2025-12-01\n";
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
    expect(problems.map(problemColumn)).toEqual(["external_id", "sex", "birth_year", "location_code", "household_size", "service", "service_date", "sex", "birth_year"]);
  });

  it("refuses a file without the required columns", async () => {
    const { problems } = await check("id,name\n1,x\n");
    expect(problems[0]).toMatchObject({ line: 1, code: "missing_columns" });
  });

  it("counts the same service on the same day once", async () => {
    const { people } = await check(ONE_PERSON + "\nRW-900001,RW-HH-900001,female,1990,returnee,RW-05-HUY,5,livestock,2026-05-02\n");
    expect(people.get("RW-900001")?.services).toHaveLength(2);
  });
});
