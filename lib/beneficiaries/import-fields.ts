import { normaliseCode } from "./code-book";
import { REGISTRY_CSV_COLUMNS } from "./registry-csv";

// Which column of a KoboToolbox, ODK or Excel file holds each of Baseline's fields, guessed from the
// column's name or label, in English or French. Kobo writes group paths (`household/size`), ODK
// Central writes them with dashes (`household-size`), a labels export writes the question
// ("Taille du ménage"): all are compared as words, case and accents aside.

export type ImportField = (typeof REGISTRY_CSV_COLUMNS)[number];
export const IMPORT_FIELDS: readonly ImportField[] = REGISTRY_CSV_COLUMNS;

/** Birth year is read from a column, or computed from an age and the date it was given, or from a date of birth. */
export type BirthYearMatch = string | { age: string; as_of: string } | { birth_date: string };
/** Services come from one column of codes separated by spaces, or from one 0/1 column per option. */
export type ServiceMatch = string | { options: string[] };
export type FieldMatches = Partial<Record<Exclude<ImportField, "birth_year" | "service">, string>> & { birth_year?: BirthYearMatch; service?: ServiceMatch };

// Names each field goes by, as words (normaliseCode's form). The first that fits wins.
const NAMES: Record<Exclude<ImportField, "birth_year">, string[]> = {
  external_id: [
    "external_id",
    "uuid",
    "meta_instanceid",
    "instanceid",
    "key",
    "beneficiary_id",
    "id_beneficiaire",
    "identifiant_beneficiaire",
    "identifiant",
    "person_id",
    "respondent_id",
  ],
  household_id: [
    "household_id",
    "hh_id",
    "household_ref",
    "household_code",
    "household_number",
    "id_menage",
    "menage_id",
    "code_menage",
    "identifiant_du_menage",
    "identifiant_menage",
    "numero_menage",
  ],
  sex: ["sex", "sexe", "gender", "genre"],
  group: [
    "group",
    "beneficiary_group",
    "groupe",
    "groupe_de_beneficiaires",
    "category",
    "categorie",
    "population_group",
    "displacement_status",
    "statut_de_deplacement",
    "beneficiary_type",
    "type_de_beneficiaire",
  ],
  location_code: ["location_code", "location", "district", "place", "lieu", "localite", "commune", "territoire", "zone", "site", "admin2"],
  household_size: ["household_size", "hh_size", "taille_du_menage", "taille_menage", "household_members", "nombre_de_membres", "membres_du_menage"],
  service: ["service", "services", "services_received", "services_recus", "service_recu", "type_of_assistance", "assistance_type", "type_d_assistance"],
  service_date: ["service_date", "date_of_service", "date_du_service", "date_service", "distribution_date", "date_de_distribution", "date_distribution", "assistance_date"],
};
const BIRTH_YEAR = ["birth_year", "year_of_birth", "annee_de_naissance", "annee_naissance", "yob"];
const BIRTH_DATE = ["date_of_birth", "birth_date", "birthdate", "dob", "date_de_naissance", "date_naissance"];
const AGE = ["age", "age_years", "age_en_annees", "age_ans"];
// When the form noted no date of its own, the day it was filled in.
const SUBMITTED = ["submission_time", "submissiondate", "submission_date", "today", "end", "date_d_enregistrement", "registration_date"];

/** The words of a column's name; the last step of a group path is kept apart. */
function wordsOf(column: string): { whole: string; last: string } {
  const whole = normaliseCode(column);
  const steps = column.split(/[/]/);
  const last = normaliseCode(steps.at(-1) ?? column);
  return { whole, last };
}

/** Kobo's and Central's own columns (`_id`, `_status`, `__version__`, `Status`...) hold no field but the few named here. */
const META = /^_|^(status|reviewstate|submitterid|submittername|attachmentspresent|attachmentsexpected|deviceid|edits|formversion)$/i;

/** How well a column's name fits one of `names`: 3 the whole name, 2 the last step of its path, 1 a run of its words; 0 not at all. */
export function fitOf(column: string, names: readonly string[]): number {
  return Math.ceil(scoreOf(column, names) / 1000);
}

/** The fit (in thousands), less the rank of the name that fits: "end" and "_submission_time" both fit, the submission time first. */
function scoreOf(column: string, names: readonly string[]): number {
  const { whole, last } = wordsOf(column);
  const words = `_${whole}_`;
  let best = 0;
  names.forEach((name, i) => {
    const fit = whole === name ? 3 : last === name ? 2 : name.length > 2 && words.includes(`_${name}_`) ? 1 : 0;
    if (fit > 0) best = Math.max(best, fit * 1000 - i);
  });
  return best;
}

/** The best column for `names` among those still free, fitting at least `minFit` (see fitOf); null when none does. */
function bestColumn(header: readonly string[], names: readonly string[], taken: ReadonlySet<string>, allowMeta = false, minFit = 1): string | null {
  let best: { column: string; score: number } | null = null;
  for (const column of header) {
    if (taken.has(column) || (!allowMeta && META.test(column.trim()))) continue;
    const score = scoreOf(column, names);
    if (score > (minFit - 1) * 1000 && score > (best?.score ?? 0)) best = { column, score };
  }
  return best?.column ?? null;
}

/** Kobo's own columns that stand for a field when the form has none: the submission's ID and time. */
const META_NAMES = { external_id: ["uuid", "meta_instanceid", "instanceid", "key"], submitted: SUBMITTED };

/**
 * Where the services are: the single column of a select_multiple whose 0/1 columns
 * (`services/vocational`) are there too, else a column that fits on its own, else the 0/1 columns of
 * the question that fits best.
 */
function serviceColumns(header: readonly string[], taken: ReadonlySet<string>): ServiceMatch | null {
  const free = header.filter((c) => !taken.has(c) && !META.test(c.trim()));
  const byQuestion = new Map<string, string[]>();
  for (const column of free) {
    const cut = column.lastIndexOf("/");
    if (cut <= 0) continue;
    const question = column.slice(0, cut);
    if (fitOf(question, NAMES.service) > 0) byQuestion.set(question, [...(byQuestion.get(question) ?? []), column]);
  }
  const questions = [...byQuestion].sort(([a, ac], [b, bc]) => scoreOf(b, NAMES.service) - scoreOf(a, NAMES.service) || bc.length - ac.length);
  const asked = questions.find(([question]) => free.includes(question));
  if (asked) return asked[0];
  const options = new Set(questions.flatMap(([, columns]) => columns));
  const single = bestColumn(
    free.filter((c) => !options.has(c)),
    NAMES.service,
    taken,
  );
  if (single !== null) return single;
  const best = questions[0];
  return best ? { options: best[1] } : null;
}

/**
 * Matches each field to a column of the file: the template's own names first, then Kobo's, ODK's
 * and labels in English and French. A column stands for one field at most. Services come from the
 * single column of a select_multiple when the file has one, else from its 0/1 columns.
 */
export function matchColumns(header: readonly string[]): FieldMatches {
  const taken = new Set<string>();
  const matches: FieldMatches = {};
  const take = (column: string | null) => {
    if (column !== null) taken.add(column);
    return column ?? undefined;
  };
  // The template's column, else Kobo's or Central's ID of the submission, else an ID of the form's own.
  const id = take(bestColumn(header, ["external_id"], taken) ?? bestColumn(header, META_NAMES.external_id, taken, true) ?? bestColumn(header, NAMES.external_id, taken));
  if (id !== undefined) matches.external_id = id;
  for (const field of ["household_id", "household_size", "sex", "group", "location_code"] as const) {
    const column = take(bestColumn(header, NAMES[field], taken));
    if (column !== undefined) matches[field] = column;
  }
  const birthYear = bestColumn(header, BIRTH_YEAR, taken);
  const birthDate = birthYear === null ? bestColumn(header, BIRTH_DATE, taken) : null;
  const age = birthYear === null && birthDate === null ? bestColumn(header, AGE, taken) : null;
  const submitted = bestColumn(header, META_NAMES.submitted, taken, true);
  if (birthYear !== null) matches.birth_year = take(birthYear);
  else if (birthDate !== null) matches.birth_year = { birth_date: take(birthDate) as string };
  else if (age !== null && submitted !== null) matches.birth_year = { age: take(age) as string, as_of: submitted };

  // The service's date before the service: "Date du service" names the service too. A column named
  // just "date" counts, a date of birth or of return does not.
  const dated = header.filter((c) => fitOf(c, BIRTH_DATE) === 0);
  const date = take(bestColumn(dated, NAMES.service_date, taken) ?? bestColumn(dated, ["date"], taken, false, 2));
  const service = serviceColumns(header, taken);
  if (service !== null) {
    matches.service = service;
    for (const column of typeof service === "string" ? [service] : service.options) taken.add(column);
  }
  const serviceDate = date ?? submitted ?? undefined;
  if (serviceDate !== undefined) matches.service_date = serviceDate;
  return matches;
}

/** Every column a set of matches reads, in no order. */
export function columnsRead(matches: FieldMatches): string[] {
  const columns: string[] = [];
  for (const match of Object.values(matches)) {
    if (match === undefined) continue;
    if (typeof match === "string") columns.push(match);
    else if ("options" in match) columns.push(...match.options);
    else if ("age" in match) columns.push(match.age, match.as_of);
    else columns.push(match.birth_date);
  }
  return [...new Set(columns)];
}

/** The option a 0/1 column stands for: `services/vocational` -> `vocational`. */
export function optionOfColumn(column: string): string {
  return column.slice(column.lastIndexOf("/") + 1).trim();
}
