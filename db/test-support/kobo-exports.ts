import { PassThrough } from "node:stream";
import ExcelJS from "exceljs";

// Registration exports as KoboToolbox and ODK Central write them, for the tests and the import
// benchmark. Kobo (support.kobotoolbox.org, "Downloading and exporting data"): the form's questions
// under their XML names with the group path joined by "/" (or their labels, here in French),
// select_multiple as one column of space-separated choices and/or one 0/1 column per choice
// (`services/vocational`), then Kobo's own columns `_id`, `_uuid`, `_submission_time`,
// `_validation_status`, `_notes`, `_status`, `_submitted_by`, `__version__`, `_tags`, `_index`.
// ODK Central's CSV (docs.getodk.org, "Central submissions"): `SubmissionDate` first, groups joined
// by "-", select_multiple space-separated, then `meta-instanceID`, `KEY` and its review columns.
// The people are those of Rwanda phase IV's places; every tenth has an age instead of nothing.

const PLACES = [
  ["gisagara", "Gisagara"],
  ["huye", "Huye"],
  ["nyaruguru", "Nyaruguru"],
  ["nyamagabe", "Nyamagabe"],
  ["karongi", "Karongi"],
] as const;
const CHOICES = [
  { name: "vocational", label: "Formation professionnelle" },
  { name: "livestock", label: "Aide à l'élevage" },
  { name: "shelter", label: "Matériaux de construction pour le logement" },
] as const;
const GROUPS = [
  { name: "returnee", label: "Rapatrié" },
  { name: "host", label: "Communauté d'accueil" },
] as const;

export type KoboPerson = {
  uuid: string;
  household: string;
  sex: "f" | "m";
  age: number;
  group: (typeof GROUPS)[number];
  place: (typeof PLACES)[number];
  size: number;
  services: (typeof CHOICES)[number][];
  serviceDate: string;
  submitted: string;
};

/** The n-th person of a sample: one or two services, an age at submission, a place of phase IV. */
export function koboPerson(i: number, prefix = "k"): KoboPerson {
  const hex = i.toString(16).padStart(12, "0");
  const first = CHOICES[i % 3]!;
  const second = CHOICES[(i + 1) % 3]!;
  const month = String((i % 9) + 1).padStart(2, "0");
  return {
    uuid: `${prefix}0f3c2a1-${hex.slice(0, 4)}-4b7e-9d1a-${hex}`,
    household: `HH-${String(Math.floor(i / 3)).padStart(6, "0")}`,
    sex: i % 2 === 0 ? "f" : "m",
    age: 18 + (i % 50),
    group: GROUPS[i % 2]!,
    place: PLACES[i % PLACES.length]!,
    size: 2 + (i % 6),
    services: i % 4 === 0 ? [first, second] : [first],
    serviceDate: `2025-${month}-1${i % 10}`,
    submitted: `2026-${month}-2${i % 8}T09:${String(i % 60).padStart(2, "0")}:33.000+02:00`,
  };
}

export type KoboLayout = { labels: "xml" | "fr"; selectMultiple: "both" | "single" | "separate" };

const SEX_LABEL = { f: "Femme", m: "Homme" } as const;

/** The header and rows of a Kobo export of `people`. */
export function koboTable(people: readonly KoboPerson[], layout: KoboLayout): { header: string[]; rows: (string | number)[][] } {
  const fr = layout.labels === "fr";
  const single = layout.selectMultiple !== "separate";
  const separate = layout.selectMultiple !== "single";
  const servicesQuestion = fr ? "Services reçus" : "assistance/services";
  const header = [
    "start",
    "end",
    fr ? "Identifiant du ménage" : "household/hh_id",
    fr ? "Sexe" : "respondent/sex",
    fr ? "Âge" : "respondent/age",
    fr ? "Groupe de bénéficiaires" : "respondent/beneficiary_group",
    fr ? "District" : "location/district",
    fr ? "Taille du ménage" : "household/hh_size",
    ...(single ? [servicesQuestion] : []),
    ...(separate ? CHOICES.map((c) => `${servicesQuestion}/${fr ? c.label : c.name}`) : []),
    fr ? "Date du service" : "assistance/service_date",
    "_id",
    "_uuid",
    "_submission_time",
    "_validation_status",
    "_notes",
    "_status",
    "_submitted_by",
    "__version__",
    "_tags",
    "_index",
  ];
  const rows = people.map((p, i) => [
    p.submitted,
    p.submitted,
    p.household,
    fr ? SEX_LABEL[p.sex] : p.sex === "f" ? "female" : "male",
    p.age,
    fr ? p.group.label : p.group.name,
    fr ? p.place[1] : p.place[0],
    p.size,
    ...(single ? [p.services.map((s) => (fr ? s.label : s.name)).join(fr ? ";" : " ")] : []),
    ...(separate ? CHOICES.map((c) => (p.services.includes(c) ? 1 : 0)) : []),
    p.serviceDate,
    100000 + i,
    p.uuid,
    p.submitted.slice(0, 19),
    "",
    "",
    "submitted_via_web",
    "enumerator1",
    "vGx7k2bX9pQ",
    "",
    i + 1,
  ]);
  return { header, rows };
}

/**
 * A Kobo export as an XLSX workbook, written by exceljs's streaming writer as Kobo's formpack writes
 * it (xlsxwriter in constant_memory mode: strings inline, no shared-strings table; one sheet per
 * section, named after the form).
 */
export async function koboXlsx(people: readonly KoboPerson[], layout: KoboLayout, sheetName = "Enregistrement"): Promise<Buffer> {
  const { header, rows } = koboTable(people, layout);
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on("data", (chunk: Buffer) => chunks.push(chunk));
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: false });
  const sheet = workbook.addWorksheet(sheetName);
  sheet.addRow(header).commit();
  for (const row of rows) sheet.addRow(row).commit();
  sheet.commit();
  await workbook.commit();
  return Buffer.concat(chunks);
}

/** A Kobo CSV export: semicolons, every value quoted, as Kobo writes it. (A labels export joins the labels of a select_multiple with spaces, which cannot be read back when labels hold spaces: the samples join them with semicolons, as a manager does in Excel.) */
export function koboCsv(people: readonly KoboPerson[], layout: KoboLayout): string {
  const { header, rows } = koboTable(people, layout);
  const quote = (v: string | number) => `"${String(v).replace(/"/g, '""')}"`;
  return [header, ...rows].map((r) => r.map(quote).join(";")).join("\r\n") + "\r\n";
}

/** An ODK Central CSV export of the same form: groups joined by "-", select_multiple space-separated. */
export function odkCentralCsv(people: readonly KoboPerson[]): string {
  const header = [
    "SubmissionDate",
    "respondent-sex",
    "respondent-age",
    "respondent-beneficiary_group",
    "location-district",
    "household-hh_id",
    "household-hh_size",
    "assistance-services",
    "assistance-service_date",
    "meta-instanceID",
    "KEY",
    "SubmitterID",
    "SubmitterName",
    "AttachmentsPresent",
    "AttachmentsExpected",
    "Status",
    "ReviewState",
    "DeviceID",
    "Edits",
    "FormVersion",
  ];
  const rows = people.map((p) => [
    new Date(p.submitted).toISOString(),
    p.sex === "f" ? "female" : "male",
    String(p.age),
    p.group.name,
    p.place[0],
    p.household,
    String(p.size),
    p.services.map((s) => s.name).join(" "),
    p.serviceDate,
    `uuid:${p.uuid}`,
    `uuid:${p.uuid}`,
    "12",
    "enumerator1",
    "0",
    "0",
    "",
    "approved",
    "collect:X1",
    "0",
    "2026031401",
  ]);
  return [header, ...rows].map((r) => r.join(",")).join("\n") + "\n";
}
