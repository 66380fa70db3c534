import type { Sex } from "../domain/codes";
import { codeBook, type ImportCodes } from "./code-book";

// The beneficiary CSV: one row per service received, so a person with two services has two rows.
// Lines that start with # are notes (the template's list of codes), never rows.

export const REGISTRY_CSV_COLUMNS = ["external_id", "household_id", "sex", "birth_year", "group", "location_code", "household_size", "service", "service_date"] as const;

export type CsvRecord = { line: number; fields: Record<string, string> };

export type ImportProblem =
  | { line: number; code: "missing_columns"; columns: string }
  | { line: number; code: "unmatched_fields"; fields: string }
  | { line: number; code: "unreadable_workbook"; detail: string }
  | { line: number; code: "unknown_code"; field: string; value: string }
  | { line: number; code: "missing_id" }
  | { line: number; code: "example_row"; value: string }
  | { line: number; code: "unknown_sex"; value: string; allowed: readonly string[] }
  | { line: number; code: "bad_birth_year"; value: string }
  | { line: number; code: "unknown_group"; value: string; allowed: readonly string[] }
  | { line: number; code: "unknown_location"; value: string }
  | { line: number; code: "bad_household_size"; value: string }
  | { line: number; code: "unknown_service"; value: string; allowed: readonly string[] }
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

const PERSON_FIELD_COLUMN: Record<string, (typeof REGISTRY_CSV_COLUMNS)[number]> = {
  sex: "sex",
  birthYear: "birth_year",
  householdRef: "household_id",
  groupCode: "group",
  locationCode: "location_code",
  householdSize: "household_size",
};

/** The column a problem is about, to point at its cell; null for a problem of the whole file. */
export function problemColumn(problem: ImportProblem): (typeof REGISTRY_CSV_COLUMNS)[number] | null {
  switch (problem.code) {
    case "missing_columns":
    case "unmatched_fields":
    case "unreadable":
    case "unreadable_workbook":
    case "unknown_code":
      return null;
    case "missing_id":
    case "example_row":
      return "external_id";
    case "unknown_sex":
      return "sex";
    case "bad_birth_year":
      return "birth_year";
    case "unknown_group":
      return "group";
    case "unknown_location":
      return "location_code";
    case "bad_household_size":
      return "household_size";
    case "unknown_service":
      return "service";
    case "bad_service_date":
      return "service_date";
    case "conflicting_person":
      return PERSON_FIELD_COLUMN[problem.field] ?? null;
  }
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The IDs of the template's example rows, which are never imported. */
export const EXAMPLE_ID = /^EXAMPLE-/i;

export type RegistryChecker = {
  /** Checks one record and adds it to its person. */
  add(record: CsvRecord): void;
  people: Map<string, ImportedPerson>;
  problems: ImportProblem[];
};

/**
 * Checks records one at a time and gathers the rows of each person, so that a file of 100,000 rows
 * is never held whole. Coded columns take codes or names (see code-book). A person's details must
 * agree from row to row; every bad row is reported with its line and all its reasons, not just the first.
 */
export function registryChecker(codes: ImportCodes, currentYear: number): RegistryChecker {
  const problems: ImportProblem[] = [];
  const people = new Map<string, ImportedPerson>();
  const [sexes, groups, places, services] = [codeBook(codes.sexes), codeBook(codes.groups), codeBook(codes.places), codeBook(codes.services)];

  function add({ line, fields }: CsvRecord) {
    const get = (name: string) => (fields[name] ?? "").trim();
    const rowProblems: ImportProblem[] = [];
    const ref = get("external_id");
    if (!ref) rowProblems.push({ line, code: "missing_id" });
    else if (EXAMPLE_ID.test(ref)) rowProblems.push({ line, code: "example_row", value: ref });
    const sex = sexes.find(get("sex"));
    if (!sex) rowProblems.push({ line, code: "unknown_sex", value: get("sex"), allowed: sexes.codes });
    const birthYearText = get("birth_year");
    const birthYear = birthYearText === "" ? null : Number(birthYearText);
    if (birthYear !== null && (!/^\d{4}$/.test(birthYearText) || birthYear < 1900 || birthYear > currentYear))
      rowProblems.push({ line, code: "bad_birth_year", value: birthYearText });
    const group = groups.find(get("group"));
    if (!group) rowProblems.push({ line, code: "unknown_group", value: get("group"), allowed: groups.codes });
    const location = places.find(get("location_code"));
    if (!location) rowProblems.push({ line, code: "unknown_location", value: get("location_code") });
    const sizeText = get("household_size");
    const householdSize = sizeText === "" ? null : Number(sizeText);
    if (householdSize !== null && (!/^\d+$/.test(sizeText) || householdSize < 1 || householdSize > 100)) rowProblems.push({ line, code: "bad_household_size", value: sizeText });
    const service = services.find(get("service"));
    if (!service) rowProblems.push({ line, code: "unknown_service", value: get("service"), allowed: services.codes });
    const date = get("service_date");
    if (
      !DATE.test(date) ||
      Number.isNaN(Date.parse(`${date}T00:00:00Z`)) ||
      new Date(`${date}T00:00:00Z`).toISOString().slice(0, 10) !== date ||
      Number(date.slice(0, 4)) > currentYear
    ) {
      rowProblems.push({ line, code: "bad_service_date", value: date });
    }
    if (rowProblems.length > 0 || !sex || !group || !location || !service) {
      problems.push(...rowProblems);
      return;
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
        return;
      }
      if (!known.services.some((s) => s.code === service && s.receivedOn === date)) known.services.push({ code: service, receivedOn: date });
    } else {
      person.services.push({ code: service, receivedOn: date });
      people.set(ref, person);
    }
  }
  return { add, people, problems };
}

/** Checks a whole file's records (see registryChecker); a header without a required column is one problem. */
export function checkRegistryRecords(
  records: readonly CsvRecord[],
  header: readonly string[],
  codes: ImportCodes,
  currentYear: number,
): { people: Map<string, ImportedPerson>; problems: ImportProblem[] } {
  const missing = REGISTRY_CSV_COLUMNS.filter((c) => c !== "household_id" && c !== "household_size" && c !== "birth_year" && !header.includes(c));
  if (records.length > 0 && missing.length > 0) return { people: new Map(), problems: [{ line: 1, code: "missing_columns", columns: missing.join(", ") }] };
  const checker = registryChecker(codes, currentYear);
  for (const record of records) checker.add(record);
  return { people: checker.people, problems: checker.problems };
}

export type TemplateText = {
  /** Notes above the header, one per line, in the reader's language. */
  notes: readonly string[];
  /** "female = Female" in the reader's language. */
  named: (value: { code: string; nameEn: string; nameFr: string | null }) => string;
  /** "sex: …" */
  listOf: (column: string, values: string) => string;
};

/**
 * The import template of a project: notes (lines starting with #) listing the allowed codes of each
 * coded column with their names, the project's places among them; the header; an example row for
 * each service, whose EXAMPLE- IDs are refused if they are left in.
 */
export function registryCsvTemplate(codes: ImportCodes, text: TemplateText, exampleDate: string): string {
  const list = (column: string, values: ImportCodes["places"]) => `# ${text.listOf(column, values.map(text.named).join(" | "))}`;
  const place = codes.places[0]?.code ?? "";
  const examples = codes.services.map((service, i) => {
    const sex = codes.sexes[i % Math.max(1, Math.min(2, codes.sexes.length))]?.code ?? "";
    const group = codes.groups[i % Math.max(1, codes.groups.length)]?.code ?? "";
    return [`EXAMPLE-${i + 1}`, `EXAMPLE-HH-${i + 1}`, sex, String(1985 + i), group, place, "4", service.code, exampleDate].join(",");
  });
  const lines = [
    ...text.notes.map((note) => `# ${note}`),
    list("sex", codes.sexes),
    list("group", codes.groups),
    list("service", codes.services),
    list("location_code", codes.places),
    REGISTRY_CSV_COLUMNS.join(","),
    ...examples,
  ];
  return lines.join("\r\n") + "\r\n";
}
