import "server-only";
import { inArray, sql } from "drizzle-orm";
import { REGISTRY_CSV_COLUMNS } from "../../lib/beneficiaries/registry-csv";
import type { Language } from "../../lib/domain/codes";
import { comparePeriods } from "../../lib/periods/period";
import { projects } from "../tables";
import { donorPeriodStates, isGap } from "./approved-periods";
import { readsApproved } from "../registry/registry";
import type { ExportColumn, ExportTable } from "../../lib/exports/table";
import { jsonIds, jsonRows } from "../engine/portable-sql";
import type { Executor } from "../engine/types";
import { loadApprovedTrainings } from "../records/approved-records";
import { countPeopleByPlace, type ReachScope } from "../records/reach-counts";
import { seesIndividualRecords } from "../registry/beneficiary-records";
import { AccessDeniedError } from "../errors";
import { assertSees, dbOf, seesUnapprovedFigures, type QueryContext } from "../users/viewer";

// Long-format tables for pivot tables and BI tools: one fact per row, stable snake_case headers in
// every language, codes beside the names in the user's language.

const columns = (headers: readonly string[], numeric: readonly string[] = []): ExportColumn[] =>
  headers.map((header) => ({ header, format: numeric.includes(header) ? "decimal" : "text", width: Math.max(10, header.length + 2) }));

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
export function valueRowsQuery(approvedOnly: boolean, language: Language, projectIds: readonly number[]) {
  const name = (table: string) => sql.raw(language === "fr" ? `coalesce(${table}.name_fr, ${table}.name_en)` : `${table}.name_en`);
  return approvedOnly
    ? sql`SELECT p.code, i.code, ${name("i")}, v.period, l.code, ${name("l")}, v.disaggregation, v.value, v.numerator, v.denominator, 'approved', NULL
        FROM approved_values v JOIN indicators i ON i.id = v.indicator_id JOIN projects p ON p.id = v.project_id JOIN locations l ON l.id = v.location_id
        WHERE v.project_id IN ${jsonIds(projectIds)} AND i.source = 'manual'
        ORDER BY i.project_id, i.code, v.period, v.location_id, v.disaggregation`
    : sql`SELECT p.code, i.code, ${name("i")}, v.period, l.code, ${name("l")}, v.disaggregation, v.value, v.numerator, v.denominator, v.status, v.comment
        FROM data_values v JOIN indicators i ON i.id = v.indicator_id JOIN projects p ON p.id = i.project_id JOIN locations l ON l.id = v.location_id
        WHERE i.project_id IN ${jsonIds(projectIds)}
        ORDER BY i.project_id, i.code, v.period, v.location_id, v.disaggregation`;
}

/**
 * The periods an approved-only file shows as gaps: one row per indicator entered by hand and per
 * ended period without an approval ("awaiting_approval") or marked "not_reported", with no figure.
 */
export async function gapRowsQuery(ctx: QueryContext, language: Language, projectIds: readonly number[], today: string) {
  await assertSees(ctx, projectIds);
  const db = dbOf(ctx);
  const list =
    projectIds.length === 0
      ? []
      : await db
          .select()
          .from(projects)
          .where(inArray(projects.id, [...projectIds]));
  const gaps = [...(await donorPeriodStates(db, list, today))].flatMap(([projectId, states]) => states.filter((s) => isGap(s.state)).map((s) => [projectId, s.period, s.state]));
  const name = sql.raw(language === "fr" ? "coalesce(i.name_fr, i.name_en)" : "i.name_en");
  const listed = jsonRows(gaps, [
    ["project_id", "integer"],
    ["period", "text"],
    ["state", "text"],
  ]);
  return sql`SELECT p.code, i.code, ${name}, g.period AS period, NULL, NULL, NULL, NULL, NULL, NULL, g.state, NULL
    FROM ${listed} g JOIN indicators i ON i.project_id = g.project_id AND i.source = 'manual' JOIN projects p ON p.id = i.project_id
    ORDER BY i.project_id, i.code, period`;
}

/**
 * Entered values, one row per indicator, period, place and option set, with status and comment;
 * approved-only files also hold a row for each period awaiting approval or not reported.
 */
export async function valuesTable(ctx: QueryContext, projectIds: readonly number[], options: { approvedOnly: boolean; language: Language; today: string }): Promise<ExportTable> {
  await assertSees(ctx, projectIds);
  const db = dbOf(ctx);
  const approvedOnly = options.approvedOnly || !seesUnapprovedFigures(ctx.viewer);
  const rows = await db.values<ExportTable["rows"][number]>(valueRowsQuery(approvedOnly, options.language, projectIds));
  if (approvedOnly) {
    const gaps = await db.values<ExportTable["rows"][number]>(await gapRowsQuery(ctx, options.language, projectIds, options.today));
    const key = (row: ExportTable["rows"][number]) => [String(row[0]), String(row[1]), String(row[3])] as const;
    rows.push(...gaps);
    // In the order of the values: by project, indicator and period (a stable sort keeps places and options in order).
    const order = new Map(projectIds.map((id, i) => [id, i]));
    const projectOrder = new Map(
      (
        await db
          .select({ id: projects.id, code: projects.code })
          .from(projects)
          .where(inArray(projects.id, [...projectIds]))
      ).map((p) => [p.code, order.get(p.id) ?? 0]),
    );
    rows.sort((a, b) => {
      const [pa, ia, ta] = key(a);
      const [pb, ib, tb] = key(b);
      return (projectOrder.get(pa) ?? 0) - (projectOrder.get(pb) ?? 0) || ia.localeCompare(ib) || comparePeriods(ta, tb);
    });
  }
  return { name: "values", columns: columns(VALUE_COLUMNS, ["value", "numerator", "denominator"]), rows };
}

/**
 * Trainings, one row per training and group of participants (sex, age group), as the viewer sees
 * them: the approved ones, as approved, for donors and whoever asks for approved figures only.
 */
export async function trainingsTable(ctx: QueryContext, projectIds: readonly number[], options: { approvedOnly: boolean; language: Language }): Promise<ExportTable> {
  const { language } = options;
  await assertSees(ctx, projectIds);
  const db = dbOf(ctx);
  const name = (table: string) => sql.raw(language === "fr" ? `coalesce(${table}.name_fr, ${table}.name_en)` : `${table}.name_en`);
  const headers = [
    "project_code",
    "training_id",
    "title",
    "kind",
    "topic",
    "location_code",
    "location",
    "start_date",
    "end_date",
    "facilitator",
    "trainers_training_id",
    "sex",
    "age_group",
    "participants",
  ];
  const table = (rows: ExportTable["rows"]): ExportTable => ({ name: "trainings", columns: columns(headers, ["participants"]), rows });
  if (readsApproved(ctx, options)) {
    const projectCodes = new Map(await db.values<[number, string]>(sql`SELECT id, code FROM projects`));
    const places = new Map(
      (await db.values<[number, string, string]>(sql`SELECT l.id, l.code, ${name("l")} FROM locations l`)).map(([id, code, placeName]) => [id, [code, placeName] as const]),
    );
    const approved = await loadApprovedTrainings(
      db,
      projectIds.map((id) => ({ id, through: null })),
    );
    const ordered = [...approved].sort(
      (a, b) => (projectCodes.get(a.projectId) ?? "").localeCompare(projectCodes.get(b.projectId) ?? "") || a.startDate.localeCompare(b.startDate) || a.id - b.id,
    );
    return table(
      ordered.flatMap((t) => {
        const [code, placeName] = places.get(t.locationId) ?? (["", ""] as const);
        const training = [projectCodes.get(t.projectId) ?? "", t.id, t.title, t.kind, t.topic, code, placeName, t.startDate, t.endDate, t.facilitator, t.cohortId];
        return t.participants.length === 0 ? [[...training, null, null, null]] : t.participants.map((p) => [...training, p.sex, p.ageGroup, p.count]);
      }),
    );
  }
  return table(
    await db.values<ExportTable["rows"][number]>(sql`
    SELECT p.code, t.id, t.title, t.kind, t.topic, l.code, ${name("l")}, t.start_date, t.end_date, t.facilitator, t.cohort_id, tp.sex, tp.age_group, tp.count
    FROM trainings t JOIN projects p ON p.id = t.project_id JOIN locations l ON l.id = t.location_id
    LEFT JOIN training_participants tp ON tp.training_id = t.id
    WHERE t.project_id IN ${jsonIds(projectIds)}
    ORDER BY p.code, t.start_date, t.id, tp.sex, tp.age_group`),
  );
}

/**
 * Beneficiaries counted, never listed: per project, place, sex and group, the unique people who
 * received a service, then per service the people who received it. A person is in one row per
 * project, so the people of a project add up; across phases, a person in two phases is in both.
 * Donors, and whoever asks for approved figures only, count what the approvals recorded.
 */
export async function beneficiariesTable(ctx: QueryContext, projectIds: readonly number[], options: { approvedOnly: boolean; language: Language }): Promise<ExportTable> {
  const { language } = options;
  await assertSees(ctx, projectIds);
  const db = dbOf(ctx);
  const services = (await db.values<[string]>(sql`SELECT code FROM service_types ORDER BY code`)).map(([code]) => code);
  const name = sql.raw(language === "fr" ? "coalesce(l.name_fr, l.name_en)" : "l.name_en");
  const scope: ReachScope = readsApproved(ctx, options)
    ? { source: "approved", projects: projectIds.map((id) => ({ id, through: null })) }
    : { source: "live", projects: projectIds.map((id) => ({ id, upTo: null })) };
  const rows = (await countPeopleByPlace(db, scope, services, name)) as ExportTable["rows"];
  const headers = ["project_code", "location_code", "location", "sex", "group", "people", ...services.map((code) => `people_${code}`)];
  return {
    name: "beneficiaries",
    columns: columns(
      headers,
      headers.filter((h) => h.startsWith("people")),
    ),
    rows,
  };
}

/** Individual records, in the import's format (one row per service): for the project's managers and admins only. */
export async function recordsTable(ctx: QueryContext, projectId: number): Promise<ExportTable> {
  if (!(await seesIndividualRecords(ctx, projectId))) throw new AccessDeniedError(`records of project ${projectId}`);
  const rows = await (dbOf(ctx) as Executor).values<ExportTable["rows"][number]>(sql`
    SELECT b.ref, b.household_ref, b.sex, b.birth_year, b.group_code, l.code, b.household_size, st.code, s.received_on
    FROM beneficiaries b JOIN locations l ON l.id = b.location_id
    LEFT JOIN beneficiary_services s ON s.beneficiary_id = b.id LEFT JOIN service_types st ON st.id = s.service_type_id
    WHERE b.project_id = ${projectId}
    ORDER BY b.ref, s.received_on, st.code`);
  return { name: "records", columns: columns(REGISTRY_CSV_COLUMNS, ["household_size"]), rows };
}
