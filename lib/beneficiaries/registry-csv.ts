import { parse } from "csv-parse";
import { SEXES, type Sex } from "../domain/codes";

// The beneficiary CSV: one row per service received, so a person with two services has two rows.

export const REGISTRY_CSV_COLUMNS = [
  "external_id",
  "household_id",
  "sex",
  "birth_year",
  "group",
  "location_code",
  "household_size",
  "service",
  "service_date",
] as const;

export type CsvRecord = { line: number; fields: Record<string, string> };

export type ImportProblem =
  | { line: number; code: "missing_columns"; columns: string }
  | { line: number; code: "missing_id" }
  | { line: number; code: "unknown_sex"; value: string }
  | { line: number; code: "bad_birth_year"; value: string }
  | { line: number; code: "unknown_group"; value: string }
  | { line: number; code: "unknown_location"; value: string }
  | { line: number; code: "bad_household_size"; value: string }
  | { line: number; code: "unknown_service"; value: string }
  | { line: number; code: "bad_service_date"; value: string }
  | { line: number; code: "conflicting_person"; field: string; id: string }
  | { line: number; code: "unreadable"; detail: string };

export type ImportedPerson = {
  ref: string;
  householdRef: string | null;
  sex: Sex;
  birthYear: number | null;
  groupCode: string;
  locationCode: string;
  householdSize: number | null;
  services: { code: string; receivedOn: string }[];
  firstLine: number;
};

/**
 * Reads a CSV stream (UTF-8, comma or semicolon, header row) into records with their line numbers,
 * without holding the raw text. Throws nothing: unreadable input comes back as a problem.
 */
export async function readCsv(source: AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string>): Promise<{ records: CsvRecord[]; header: string[]; problems: ImportProblem[] }> {
  const parser = parse({ delimiter: [",", ";"], bom: true, trim: true, skip_empty_lines: true, relax_column_count: true, info: true, columns: (header: string[]) => header.map((h) => h.trim().toLowerCase()) });
  const records: CsvRecord[] = [];
  let header: string[] = [];
  try {
    const feeding = (async () => {
      for await (const chunk of source) parser.write(chunk);
      parser.end();
    })();
    for await (const { record, info } of parser as AsyncIterable<{ record: Record<string, string>; info: { lines: number; columns: boolean | { name: string }[] } }>) {
      if (header.length === 0) header = Object.keys(record);
      records.push({ line: info.lines, fields: record });
    }
    await feeding;
  } catch (error) {
    return { records: [], header, problems: [{ line: 0, code: "unreadable", detail: error instanceof Error ? error.message : String(error) }] };
  }
  return { records, header, problems: [] };
}

export type CheckContext = { locationCodes: ReadonlySet<string>; serviceCodes: ReadonlySet<string>; groupCodes: ReadonlySet<string>; currentYear: number };

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Checks every row and gathers the rows of each person. A person's details must agree from row to
 * row; every bad row is reported with its line and reason, not just the first.
 */
export function checkRegistryRecords(records: readonly CsvRecord[], header: readonly string[], context: CheckContext): { people: Map<string, ImportedPerson>; problems: ImportProblem[] } {
  const problems: ImportProblem[] = [];
  const people = new Map<string, ImportedPerson>();
  const missing = REGISTRY_CSV_COLUMNS.filter((c) => c !== "household_id" && c !== "household_size" && c !== "birth_year" && !header.includes(c));
  if (records.length > 0 && missing.length > 0) return { people, problems: [{ line: 1, code: "missing_columns", columns: missing.join(", ") }] };

  for (const { line, fields } of records) {
    const get = (name: string) => (fields[name] ?? "").trim();
    const rowProblems: ImportProblem[] = [];
    const ref = get("external_id");
    if (!ref) rowProblems.push({ line, code: "missing_id" });
    const sex = get("sex").toLowerCase();
    if (!(SEXES as readonly string[]).includes(sex)) rowProblems.push({ line, code: "unknown_sex", value: get("sex") });
    const birthYearText = get("birth_year");
    const birthYear = birthYearText === "" ? null : Number(birthYearText);
    if (birthYear !== null && (!/^\d{4}$/.test(birthYearText) || birthYear < 1900 || birthYear > context.currentYear)) rowProblems.push({ line, code: "bad_birth_year", value: birthYearText });
    const group = get("group").toLowerCase();
    if (!context.groupCodes.has(group)) rowProblems.push({ line, code: "unknown_group", value: get("group") });
    const location = get("location_code");
    if (!context.locationCodes.has(location)) rowProblems.push({ line, code: "unknown_location", value: location });
    const sizeText = get("household_size");
    const householdSize = sizeText === "" ? null : Number(sizeText);
    if (householdSize !== null && (!/^\d+$/.test(sizeText) || householdSize < 1 || householdSize > 100)) rowProblems.push({ line, code: "bad_household_size", value: sizeText });
    const service = get("service").toLowerCase();
    if (!context.serviceCodes.has(service)) rowProblems.push({ line, code: "unknown_service", value: get("service") });
    const date = get("service_date");
    if (!DATE.test(date) || Number.isNaN(Date.parse(`${date}T00:00:00Z`)) || new Date(`${date}T00:00:00Z`).toISOString().slice(0, 10) !== date || Number(date.slice(0, 4)) > context.currentYear) {
      rowProblems.push({ line, code: "bad_service_date", value: date });
    }
    if (rowProblems.length > 0) {
      problems.push(...rowProblems);
      continue;
    }
    const person: ImportedPerson = {
      ref,
      householdRef: get("household_id") || null,
      sex: sex as Sex,
      birthYear,
      groupCode: group,
      locationCode: location,
      householdSize,
      services: [],
      firstLine: line,
    };
    const known = people.get(ref);
    if (known) {
      const conflicts = (["sex", "birthYear", "householdRef", "groupCode", "locationCode", "householdSize"] as const).filter((field) => known[field] !== person[field]);
      if (conflicts.length > 0) {
        for (const field of conflicts) problems.push({ line, code: "conflicting_person", field, id: ref });
        continue;
      }
      if (!known.services.some((s) => s.code === service && s.receivedOn === date)) known.services.push({ code: service, receivedOn: date });
    } else {
      person.services.push({ code: service, receivedOn: date });
      people.set(ref, person);
    }
  }
  return { people, problems };
}

/** The template offered on the import page: the header and two rows of one person with two services. */
export function registryCsvTemplate(): string {
  return [
    REGISTRY_CSV_COLUMNS.join(","),
    "RW-900001,RW-HH-900001,female,1990,returnee,RW-05-HUY,5,vocational_training,2026-03-15",
    "RW-900001,RW-HH-900001,female,1990,returnee,RW-05-HUY,5,livestock,2026-05-02",
  ].join("\n") + "\n";
}
