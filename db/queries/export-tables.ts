import "server-only";
import { sql } from "drizzle-orm";
import { REGISTRY_CSV_COLUMNS } from "../../lib/beneficiaries/registry-csv";
import type { Language } from "../../lib/domain/codes";
import type { ExportColumn, ExportTable } from "../../lib/exports/table";
import type { Executor } from "../client";
import { approvedCutoffs } from "./approved-cutoffs";
import { seesIndividualRecords } from "./beneficiary-records";
import { AccessDeniedError } from "./errors";
import { trainingsAsSeen } from "./trainings";
import { dbOf, seesUnapprovedFigures, visibleProjectIds, type QueryContext } from "./viewer";

// Long-format tables for pivot tables and BI tools: one fact per row, stable snake_case headers in
// every language, codes beside the names in the user's language.

const columns = (headers: readonly string[], numeric: readonly string[] = []): ExportColumn[] =>
  headers.map((header) => ({ header, format: numeric.includes(header) ? "decimal" : "text", width: Math.max(10, header.length + 2) }));

function assertVisible(ctx: QueryContext, projectIds: readonly number[]): void {
  const visible = new Set(visibleProjectIds(ctx));
  const hidden = projectIds.filter((id) => !visible.has(id));
  if (hidden.length > 0) throw new AccessDeniedError(`projects ${hidden.join(", ")}`);
}

export const VALUE_COLUMNS = [
  "project_code",
  "indicator_code",
  "indicator",
  "period",
  "location_code",
  "location",
  "disaggregation",
  "value",
  "numerator",
  "denominator",
  "status",
  "comment",
] as const;

/**
 * The SQL of every entered value of the projects (a JSON array of ids) as the viewer may see them:
 * all statuses with their comments, or the approved figures only (donors, and whoever asks). Rows
 * come as arrays in the order of VALUE_COLUMNS, in a stable order.
 */
export function valueRowsQuery(approvedOnly: boolean, language: Language, projectIdsJson: string) {
  const name = (table: string) => sql.raw(language === "fr" ? `coalesce(${table}.name_fr, ${table}.name_en)` : `${table}.name_en`);
  return approvedOnly
    ? sql`SELECT p.code, i.code, ${name("i")}, v.period, l.code, ${name("l")}, v.disaggregation, v.value, v.numerator, v.denominator, 'approved', NULL
        FROM approved_values v JOIN indicators i ON i.id = v.indicator_id JOIN projects p ON p.id = v.project_id JOIN locations l ON l.id = v.location_id
        WHERE v.project_id IN (SELECT value FROM json_each(${projectIdsJson})) AND i.source = 'manual'
        ORDER BY i.project_id, i.code, v.period, v.location_id, v.disaggregation`
    : sql`SELECT p.code, i.code, ${name("i")}, v.period, l.code, ${name("l")}, v.disaggregation, v.value, v.numerator, v.denominator, v.status, v.comment
        FROM data_values v JOIN indicators i ON i.id = v.indicator_id JOIN projects p ON p.id = i.project_id JOIN locations l ON l.id = v.location_id
        WHERE i.project_id IN (SELECT value FROM json_each(${projectIdsJson}))
        ORDER BY i.project_id, i.code, v.period, v.location_id, v.disaggregation`;
}

/** Entered values, one row per indicator, period, place and option set, with status and comment. */
export function valuesTable(ctx: QueryContext, projectIds: readonly number[], options: { approvedOnly: boolean; language: Language }): ExportTable {
  assertVisible(ctx, projectIds);
  const approvedOnly = options.approvedOnly || !seesUnapprovedFigures(ctx.viewer);
  const rows = dbOf(ctx).values<ExportTable["rows"][number]>(valueRowsQuery(approvedOnly, options.language, JSON.stringify(projectIds)));
  return { name: "values", columns: columns(VALUE_COLUMNS, ["value", "numerator", "denominator"]), rows };
}

/** Trainings, one row per training and group of participants (sex, age group); donors see those their approved figures count. */
export function trainingsTable(ctx: QueryContext, projectIds: readonly number[], language: Language): ExportTable {
  assertVisible(ctx, projectIds);
  const seen = trainingsAsSeen(ctx, projectIds).map((t) => t.id);
  const name = (table: string) => sql.raw(language === "fr" ? `coalesce(${table}.name_fr, ${table}.name_en)` : `${table}.name_en`);
  const rows = dbOf(ctx).values<ExportTable["rows"][number]>(sql`
    SELECT p.code, t.id, t.title, t.kind, t.topic, l.code, ${name("l")}, t.start_date, t.end_date, t.facilitator, t.cohort_id, tp.sex, tp.age_group, tp.count
    FROM trainings t JOIN projects p ON p.id = t.project_id JOIN locations l ON l.id = t.location_id
    LEFT JOIN training_participants tp ON tp.training_id = t.id
    WHERE t.id IN (SELECT value FROM json_each(${JSON.stringify(seen)}))
    ORDER BY p.code, t.start_date, t.id, tp.sex, tp.age_group`);
  const headers = ["project_code", "training_id", "title", "kind", "topic", "location_code", "location", "start_date", "end_date", "facilitator", "trainers_training_id", "sex", "age_group", "participants"];
  return { name: "trainings", columns: columns(headers, ["participants"]), rows };
}

/**
 * Beneficiaries counted, never listed: per project, place, sex and group, the unique people who
 * received a service, then per service the people who received it. A person is in one row per
 * project, so the people of a project add up; across phases, a person in two phases is in both.
 */
export function beneficiariesTable(ctx: QueryContext, projectIds: readonly number[], language: Language): ExportTable {
  assertVisible(ctx, projectIds);
  const db = dbOf(ctx);
  const cutoffs = seesUnapprovedFigures(ctx.viewer) ? null : approvedCutoffs(db, projectIds);
  const scope = JSON.stringify(projectIds.map((id) => [id, cutoffs === null ? null : (cutoffs.get(id) ?? "")]));
  const services = db.values<[string]>(sql`SELECT code FROM service_types ORDER BY code`).map(([code]) => code);
  const name = sql.raw(language === "fr" ? "coalesce(l.name_fr, l.name_en)" : "l.name_en");
  const perService = services.map((code) => sql`, count(DISTINCT CASE WHEN st.code = ${code} THEN b.id END)`);
  const rows = db.values<ExportTable["rows"][number]>(sql`
    WITH scope AS (SELECT json_extract(value, '$[0]') AS project_id, json_extract(value, '$[1]') AS up_to FROM json_each(${scope}))
    SELECT p.code, l.code, ${name}, b.sex, b.group_code, count(DISTINCT b.id)${sql.join(perService, sql``)}
    FROM scope JOIN projects p ON p.id = scope.project_id
    JOIN beneficiaries b ON b.project_id = p.id
    JOIN beneficiary_services s ON s.beneficiary_id = b.id AND (scope.up_to IS NULL OR s.received_on <= scope.up_to)
    JOIN service_types st ON st.id = s.service_type_id
    JOIN locations l ON l.id = b.location_id
    GROUP BY p.code, l.code, b.sex, b.group_code
    ORDER BY p.code, l.code, b.sex, b.group_code`);
  const headers = ["project_code", "location_code", "location", "sex", "group", "people", ...services.map((code) => `people_${code}`)];
  return { name: "beneficiaries", columns: columns(headers, headers.filter((h) => h.startsWith("people"))), rows };
}

/** Individual records, in the import's format (one row per service): for the project's managers and admins only. */
export function recordsTable(ctx: QueryContext, projectId: number): ExportTable {
  if (!seesIndividualRecords(ctx, projectId)) throw new AccessDeniedError(`records of project ${projectId}`);
  const rows = (dbOf(ctx) as Executor).values<ExportTable["rows"][number]>(sql`
    SELECT b.ref, b.household_ref, b.sex, b.birth_year, b.group_code, l.code, b.household_size, st.code, s.received_on
    FROM beneficiaries b JOIN locations l ON l.id = b.location_id
    LEFT JOIN beneficiary_services s ON s.beneficiary_id = b.id LEFT JOIN service_types st ON st.id = s.service_type_id
    WHERE b.project_id = ${projectId}
    ORDER BY b.ref, s.received_on, st.code`);
  return { name: "records", columns: columns(REGISTRY_CSV_COLUMNS, ["household_size"]), rows };
}
