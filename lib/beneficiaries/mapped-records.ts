import type { ImportCodes } from "./code-book";
import { optionOfColumn, type FieldMatches, type ImportField } from "./import-fields";
import type { ImportMapping, ValueMapping } from "./import-mapping";
import type { CsvRecord } from "./registry-csv";
import { valueReader } from "./value-codes";
import { CODED_FIELDS, type CodedField, type ValueCounts } from "./value-counts";

// A Kobo, ODK or Excel table read through a mapping into the template's records, which the usual
// checks then take (registry-csv's checkRegistryRecords): one record per service, the coded values
// as codes, the birth year computed where the file gives an age or a date of birth.

/** "2026-03-14", "2026-03-14T09:12:33.000+02:00", "2026-03-14 09:12" and "14/03/2026" as 2026-03-14; null otherwise. */
export function isoDate(text: string): string | null {
  const trimmed = text.trim();
  const iso = /^(\d{4})-(\d{2})-(\d{2})(?:$|[T ])/.exec(trimmed);
  if (iso) return `${iso[1]}-${iso[2]}-${iso[3]}`;
  const dayFirst = /^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$/.exec(trimmed);
  if (dayFirst) return `${dayFirst[3]}-${dayFirst[2]!.padStart(2, "0")}-${dayFirst[1]!.padStart(2, "0")}`;
  return null;
}

const TICKED = new Set(["1", "true", "yes", "oui", "x", "vrai"]);

/**
 * A cell of a single select_multiple column: one value when it reads as one, else its parts when
 * each of them reads ("vocational livestock"); else the whole cell, so that the manager can say
 * what it means ("Cash for work").
 */
function partsOf(cell: string, reads: (text: string) => boolean): string[] {
  const text = cell.trim();
  if (text === "") return [];
  if (reads(text)) return [text];
  const parts = (/[;,]/.test(text) ? text.split(/[;,]/) : text.split(/\s+/)).map((p) => p.trim()).filter((p) => p !== "");
  return parts.length > 1 && parts.every(reads) ? parts : [text];
}

/** The birth year a row gives, as text for the usual check: "" when it gives none. */
function birthYearOf(match: FieldMatches["birth_year"], cell: (column: string) => string): string {
  if (match === undefined) return "";
  if (typeof match === "string") return cell(match).replace(/\.0+$/, "");
  if ("birth_date" in match) {
    const text = cell(match.birth_date);
    if (text === "") return "";
    return isoDate(text)?.slice(0, 4) ?? text;
  }
  const age = cell(match.age);
  if (age === "") return "";
  const years = Number(age.replace(",", "."));
  const asOf = isoDate(cell(match.as_of));
  if (!Number.isFinite(years) || years < 0 || years > 130 || asOf === null) return age;
  return String(Number(asOf.slice(0, 4)) - Math.floor(years));
}

export type RecordMapper = {
  /** The records of one row of the file: one per service it gives (one, with no service, when it gives none). */
  map(line: number, cells: readonly string[]): CsvRecord[];
  /** Each coded field's values seen so far, most frequent first, with the code each stands for. */
  values(): ValueCounts;
};

/**
 * Reads rows through a mapping, one at a time. Values the manager mapped take their code; others are
 * read as code-book reads them; a value that reads as nothing stays as it is, so the row's problem names it.
 */
export function recordMapper(header: readonly string[], mapping: ImportMapping, codes: ImportCodes): RecordMapper {
  const { matches } = mapping;
  const index = new Map(header.map((h, i) => [h, i]));
  const at = (row: readonly string[], column: string) => (row[index.get(column) ?? -1] ?? "").trim();
  const readers = Object.fromEntries(CODED_FIELDS.map((f) => [f, codeOf(f, mapping.values, codes)])) as Record<CodedField, (text: string) => string | null>;
  const tallies = Object.fromEntries(CODED_FIELDS.map((f) => [f, new Map<string, number>()])) as Record<CodedField, Map<string, number>>;
  const count = (field: CodedField, value: string) => value !== "" && tallies[field].set(value, (tallies[field].get(value) ?? 0) + 1);
  const plain = (field: Exclude<ImportField, "birth_year" | "service">, row: readonly string[]) => {
    const column = matches[field];
    return column === undefined ? "" : at(row, column);
  };
  const coded = (field: "sex" | "group" | "location_code", row: readonly string[]) => {
    const text = plain(field, row);
    count(field, text);
    return readers[field](text) ?? text;
  };
  const service = matches.service;
  return {
    map(line, cells) {
      const dateText = plain("service_date", cells);
      const fields: Record<string, string> = {
        external_id: plain("external_id", cells),
        household_id: plain("household_id", cells),
        sex: coded("sex", cells),
        birth_year: birthYearOf(matches.birth_year, (column) => at(cells, column)),
        group: coded("group", cells),
        location_code: coded("location_code", cells),
        household_size: plain("household_size", cells).replace(/\.0+$/, ""),
        service_date: isoDate(dateText) ?? dateText,
      };
      const given =
        service === undefined
          ? []
          : typeof service === "string"
            ? partsOf(at(cells, service), (text) => readers.service(text) !== null)
            : service.options.filter((column) => TICKED.has(at(cells, column).toLowerCase())).map(optionOfColumn);
      for (const value of given) count("service", value);
      const services = given.length === 0 ? [""] : [...new Set(given.map((value) => readers.service(value) ?? value))];
      return services.map((code) => ({ line, fields: { ...fields, service: code } }));
    },
    values() {
      const values: ValueCounts = {};
      for (const field of CODED_FIELDS) {
        if (matches[field] === undefined) continue;
        values[field] = [...tallies[field]]
          .map(([value, n]) => ({ value, code: readers[field](value), count: n }))
          .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
      }
      return values;
    },
  };
}

/** A field's reader: the manager's choice for a value first, then the automatic one. */
function codeOf(field: CodedField, chosen: ValueMapping, codes: ImportCodes): (text: string) => string | null {
  const auto = valueReader(field, codes);
  const own = new Map(Object.entries(chosen[field] ?? {}).flatMap(([value, code]) => (code === null ? [] : [[value.trim(), code] as const])));
  return (text) => own.get(text.trim()) ?? auto(text);
}
