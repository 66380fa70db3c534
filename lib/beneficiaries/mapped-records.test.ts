import { describe, expect, it } from "vitest";
import type { ImportCodes } from "./code-book";
import { matchColumns } from "./import-fields";
import type { ImportMapping } from "./import-mapping";
import { isoDate, recordMapper } from "./mapped-records";
import { unmatchedValues } from "./value-counts";
import { checkRegistryRecords } from "./registry-csv";
import { IMPORT_FIELDS } from "./import-fields";

const codes: ImportCodes = {
  places: [
    { code: "RW-05-HUY", nameEn: "Huye", nameFr: "Huye" },
    { code: "RW-05-GIS", nameEn: "Gisagara", nameFr: "Gisagara" },
  ],
  sexes: [
    { code: "female", nameEn: "Female", nameFr: "Femme" },
    { code: "male", nameEn: "Male", nameFr: "Homme" },
  ],
  groups: [
    { code: "returnee", nameEn: "Returnee from abroad", nameFr: "Rapatrié" },
    { code: "host_community", nameEn: "Host community", nameFr: "Communauté d'accueil" },
  ],
  services: [
    { code: "vocational_training", nameEn: "Vocational training", nameFr: "Formation professionnelle" },
    { code: "livestock", nameEn: "Livestock support", nameFr: "Aide à l'élevage" },
  ],
};

type SourceTable = { header: string[]; rows: { line: number; cells: string[] }[] };
const table = (header: string[], ...rows: string[][]): SourceTable => ({ header, rows: rows.map((cells, i) => ({ line: i + 2, cells })) });

/** A whole table through recordMapper, as the import reads a file row by row. */
function mapRecords(file: SourceTable, mapping: ImportMapping, codes: ImportCodes) {
  const mapper = recordMapper(file.header, mapping, codes);
  const records = file.rows.flatMap((row) => mapper.map(row.line, row.cells));
  return { records, values: mapper.values() };
}

describe("mapRecords", () => {
  it("reads F, Female, femme and 2 as female; a place's name as its code; an age at submission as a birth year", () => {
    const file = table(
      ["_uuid", "sex", "age", "_submission_time", "group", "district", "services", "date"],
      ["a", "F", "34", "2026-03-14T09:12:33", "rapatrie", "huye", "vocational", "2026-03-14"],
      ["b", "Female", "", "2026-03-14T09:12:33", "Rapatrié", "Huye", "livestock", "14/03/2026"],
      ["c", "femme", "40", "2026-03-14", "host", "RW-05-GIS", "vocational livestock", "2026-03-14"],
      ["d", "2", "20", "2026-03-14", "Communauté d'accueil", "gisagara", "Formation professionnelle", "2026-03-14"],
    );
    const mapped = mapRecords(file, { matches: matchColumns(file.header), values: {} }, codes);
    expect(
      mapped.records.map((r) => [r.fields.external_id, r.fields.sex, r.fields.birth_year, r.fields.group, r.fields.location_code, r.fields.service, r.fields.service_date]),
    ).toEqual([
      ["a", "female", "1992", "returnee", "RW-05-HUY", "vocational_training", "2026-03-14"],
      ["b", "female", "", "returnee", "RW-05-HUY", "livestock", "2026-03-14"],
      // Two choices in one select_multiple cell: two services.
      ["c", "female", "1986", "host_community", "RW-05-GIS", "vocational_training", "2026-03-14"],
      ["c", "female", "1986", "host_community", "RW-05-GIS", "livestock", "2026-03-14"],
      ["d", "female", "2006", "host_community", "RW-05-GIS", "vocational_training", "2026-03-14"],
    ]);
    expect(unmatchedValues(mapped.values)).toEqual([]);
    expect(checkRegistryRecords(mapped.records, IMPORT_FIELDS, codes, 2026).problems).toEqual([]);
  });

  it("makes one service of each ticked 0/1 column", () => {
    const file = table(
      ["_uuid", "sex", "district", "group", "services/vocational", "services/livestock", "date"],
      ["a", "m", "huye", "returnee", "1", "1", "2026-01-02"],
      ["b", "m", "huye", "returnee", "0", "1", "2026-01-02"],
    );
    const mapped = mapRecords(file, { matches: matchColumns(file.header), values: {} }, codes);
    expect(mapped.records.map((r) => [r.fields.external_id, r.fields.service])).toEqual([
      ["a", "vocational_training"],
      ["a", "livestock"],
      ["b", "livestock"],
    ]);
    expect(mapped.values.service).toEqual([
      { value: "livestock", code: "livestock", count: 2 },
      { value: "vocational", code: "vocational_training", count: 1 },
    ]);
  });

  it("keeps a select_multiple cell whole when its words do not each read as a choice", () => {
    const file = table(
      ["_uuid", "sex", "district", "group", "services", "date"],
      ["a", "f", "huye", "returnee", "Cash for work", "2026-01-02"],
      ["b", "f", "huye", "returnee", "vocational livestock", "2026-01-02"],
    );
    const mapped = mapRecords(file, { matches: matchColumns(file.header), values: {} }, codes);
    expect(unmatchedValues(mapped.values)).toEqual([{ field: "service", value: "Cash for work", count: 1 }]);
    const chosen = mapRecords(file, { matches: matchColumns(file.header), values: { service: { "Cash for work": "livestock" } } }, codes);
    expect(chosen.records.map((r) => [r.fields.external_id, r.fields.service])).toEqual([
      ["a", "livestock"],
      ["b", "vocational_training"],
      ["b", "livestock"],
    ]);
  });

  it("lists every value that maps to nothing with its count, and takes the manager's choice for it", () => {
    const file = table(
      ["_uuid", "sex", "district", "group", "service", "date"],
      ["a", "X", "Butare", "returnee", "livestock", "2026-01-02"],
      ["b", "X", "Butare", "returnee", "livestock", "2026-01-02"],
      ["c", "f", "huye", "returnee", "cash", "2026-01-02"],
    );
    const matches = matchColumns(file.header);
    const first = mapRecords(file, { matches, values: {} }, codes);
    expect(unmatchedValues(first.values)).toEqual([
      { field: "sex", value: "X", count: 2 },
      { field: "location_code", value: "Butare", count: 2 },
      { field: "service", value: "cash", count: 1 },
    ]);
    expect(checkRegistryRecords(first.records, IMPORT_FIELDS, codes, 2026).problems.map((p) => p.code)).toEqual([
      "unknown_sex",
      "unknown_location",
      "unknown_sex",
      "unknown_location",
      "unknown_service",
    ]);
    const chosen = mapRecords(file, { matches, values: { sex: { X: "male" }, location_code: { Butare: "RW-05-HUY" }, service: { cash: "livestock" } } }, codes);
    expect(unmatchedValues(chosen.values)).toEqual([]);
    expect(chosen.values.location_code).toEqual([
      { value: "Butare", code: "RW-05-HUY", count: 2 },
      { value: "huye", code: "RW-05-HUY", count: 1 },
    ]);
  });

  it("computes a birth year from a date of birth, and leaves an age it cannot read for the check to name", () => {
    const file = table(
      ["_uuid", "dob", "sex", "district", "group", "service", "date"],
      ["a", "1990-07-01", "f", "huye", "returnee", "livestock", "2026-01-02"],
      ["b", "03/02/1985", "f", "huye", "returnee", "livestock", "2026-01-02"],
    );
    expect(mapRecords(file, { matches: matchColumns(file.header), values: {} }, codes).records.map((r) => r.fields.birth_year)).toEqual(["1990", "1985"]);
    const ages = table(
      ["_uuid", "age", "_submission_time", "sex", "district", "group", "service", "date"],
      ["a", "about forty", "2026-01-01", "f", "huye", "returnee", "livestock", "2026-01-02"],
    );
    const mapped = mapRecords(ages, { matches: matchColumns(ages.header), values: {} }, codes);
    expect(checkRegistryRecords(mapped.records, IMPORT_FIELDS, codes, 2026).problems).toEqual([{ line: 2, code: "bad_birth_year", value: "about forty" }]);
  });
});

describe("isoDate", () => {
  it("reads the dates Kobo, ODK and Excel write", () => {
    expect(isoDate("2026-03-14")).toBe("2026-03-14");
    expect(isoDate("2026-03-14T09:12:33.000+02:00")).toBe("2026-03-14");
    expect(isoDate("2026-03-14 09:12")).toBe("2026-03-14");
    expect(isoDate("4/3/2026")).toBe("2026-03-04");
    expect(isoDate("March 4")).toBeNull();
  });
});
