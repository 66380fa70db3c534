// The copies of the records an approval counted (db/schema/approved-records.ts): made when a period
// is approved, dropped when it is marked not reported, and compared with the live records to tell
// managers what changed since. Callers check access first.
import { eq, isNotNull, sql, type SQL } from "drizzle-orm";
import type { Sex, TrainingKind } from "../../lib/domain/codes";
import { FREQUENCY_PERIOD_TYPE, periodEnd, periodOfRecord, periodsBetween, periodStart } from "../../lib/periods/period";
import { changesSinceApproval, type PeriodChanges } from "../../lib/workflow/record-changes";
import { jsonArrayAgg, jsonIds, jsonObject, jsonRows } from "../engine/portable-sql";
import type { Db, Executor } from "../engine/types";
import { appMeta, projectPeriods, projects, type Project } from "../tables";
import type { DatedTrainingRecord } from "./trainings";

type Dated = Pick<Project, "startDate" | "endDate" | "reportingFrequency">;

/** The dates of a project's records that belong to a period: the first and last periods take what lies before and after. */
function periodBounds(project: Dated, period: string): { from: string | null; to: string | null } {
  const periods = periodsBetween(project.startDate, project.endDate, FREQUENCY_PERIOD_TYPE[project.reportingFrequency]);
  return { from: period === periods[0] ? null : periodStart(period), to: period === periods.at(-1) ? null : periodEnd(period) };
}

const within = (column: SQL, bounds: { from: string | null; to: string | null }) =>
  sql`${bounds.from === null ? sql`true` : sql`${column} >= ${bounds.from}`} AND ${bounds.to === null ? sql`true` : sql`${column} <= ${bounds.to}`}`;

// The live records of a project in the shape of their approved copies: a service with its person
// (the project's household size where the record has none), a training with its participants and
// roster as JSON written the same way every time, so that copies and live rows compare as text.
const liveServices = (projectId: number, bounds: { from: string | null; to: string | null }) => sql`
  SELECT b.project_id AS project_id, b.ref AS ref, b.household_ref AS household_ref, b.sex AS sex, b.birth_year AS birth_year, b.group_code AS group_code,
    b.location_id AS location_id, coalesce(b.household_size, p.household_size) AS household_size, st.code AS service_code, s.received_on AS received_on
  FROM beneficiaries b JOIN projects p ON p.id = b.project_id
  JOIN beneficiary_services s ON s.beneficiary_id = b.id JOIN service_types st ON st.id = s.service_type_id
  WHERE b.project_id = ${projectId} AND ${within(sql`s.received_on`, bounds)}`;

const liveTrainings = (projectIds: readonly number[], bounds?: { from: string | null; to: string | null }) => sql`
  SELECT t.project_id AS "projectId", t.id AS "trainingId", t.title AS title, t.kind AS kind, t.topic AS topic, t.location_id AS "locationId",
    t.start_date AS "startDate", t.end_date AS "endDate", t.facilitator AS facilitator, t.cohort_id AS "cohortId",
    (SELECT ${jsonArrayAgg(jsonObject({ sex: sql`sex`, ageGroup: sql`age_group`, count: sql`count` }), sql`sex, age_group`)}
      FROM training_participants WHERE training_id = t.id) AS participants,
    CASE WHEN EXISTS (SELECT 1 FROM training_roster WHERE training_id = t.id)
      THEN (SELECT ${jsonArrayAgg(sql`b.ref`, sql`b.ref`)} FROM training_roster r JOIN beneficiaries b ON b.id = r.beneficiary_id WHERE r.training_id = t.id)
    END AS roster
  FROM trainings t
  WHERE t.project_id IN ${jsonIds(projectIds)} AND ${bounds ? within(sql`t.end_date`, bounds) : sql`true`}`;

/**
 * Records the registry's services and the trainings dated in a period as they stand now, in place
 * of what an earlier approval of the same period recorded. Runs inside the approval's transaction.
 */
export async function copyPeriodRecords(tx: Executor, project: Project, period: string): Promise<void> {
  await dropPeriodRecords(tx, project.id, period);
  const bounds = periodBounds(project, period);
  await tx.run(sql`
    INSERT INTO approved_services (project_id, period, ref, household_ref, sex, birth_year, group_code, location_id, household_size, service_code, received_on)
    SELECT project_id, ${period}, ref, household_ref, sex, birth_year, group_code, location_id, household_size, service_code, received_on FROM (${liveServices(project.id, bounds)}) AS live`);
  await tx.run(sql`
    INSERT INTO approved_trainings (project_id, period, training_id, title, kind, topic, location_id, start_date, end_date, facilitator, cohort_id, participants, roster)
    SELECT "projectId", ${period}, "trainingId", title, kind, topic, "locationId", "startDate", "endDate", facilitator, "cohortId", participants, roster
    FROM (${liveTrainings([project.id], bounds)}) AS live`);
}

/** Forgets the records an approval of the period counted (the period is marked not reported). */
export async function dropPeriodRecords(tx: Executor, projectId: number, period: string): Promise<void> {
  await tx.run(sql`DELETE FROM approved_services WHERE project_id = ${projectId} AND period = ${period}`);
  await tx.run(sql`DELETE FROM approved_trainings WHERE project_id = ${projectId} AND period = ${period}`);
}

type TrainingRow = {
  projectId: number;
  trainingId: number;
  title: string;
  kind: string;
  topic: string;
  locationId: number;
  startDate: string;
  endDate: string;
  facilitator: string | null;
  cohortId: number | null;
  participants: string;
  roster: string | null;
};

const trainingKey = (r: TrainingRow) => `training|${r.trainingId}`;
const trainingContent = (r: TrainingRow) => JSON.stringify([r.title, r.kind, r.topic, r.locationId, r.startDate, r.endDate, r.facilitator, r.cohortId, r.participants, r.roster]);

// The period a record dated `date` belongs to (lib/periods periodOfRecord), in SQL over the project `p`.
const periodOfRecordSql = (date: SQL) => {
  const clamped = sql`(CASE WHEN ${date} < p.start_date THEN p.start_date WHEN ${date} > p.end_date THEN p.end_date ELSE ${date} END)`;
  return sql`(CASE p.reporting_frequency
    WHEN 'quarterly' THEN substr(${clamped}, 1, 4) || 'Q' || ((cast(substr(${clamped}, 6, 2) AS integer) + 2) / 3)
    WHEN 'monthly' THEN substr(${clamped}, 1, 4) || substr(${clamped}, 6, 2)
    ELSE substr(${clamped}, 1, 4) END)`;
};

/**
 * For each project, per approved period, the records added since its approval and those its
 * approval recorded that changed, moved to another period or went (lib/workflow/record-changes is
 * the rule; the services are compared in SQL, so that a headquarters' thousand projects take one
 * query, and the trainings, a few per project, in memory).
 */
export async function countChangesSinceApproval(
  db: Executor,
  projects: readonly Pick<Project, "id" | "startDate" | "endDate" | "reportingFrequency">[],
): Promise<Map<number, Map<string, PeriodChanges>>> {
  const changes = new Map<number, Map<string, PeriodChanges>>();
  if (projects.length === 0) return changes;
  const ids = projects.map((p) => p.id);
  const add = (projectId: number, period: string, added: number, changed: number) => {
    const own = changes.get(projectId) ?? new Map<string, PeriodChanges>();
    const current = own.get(period) ?? { added: 0, changed: 0 };
    own.set(period, { added: current.added + added, changed: current.changed + changed });
    changes.set(projectId, own);
  };
  const services = await db.all<{ projectId: number; period: string; added: number; changed: number }>(sql`
    WITH ids AS (SELECT value AS id FROM ${jsonIds(ids)} AS listed),
    approved AS (SELECT pp.project_id, pp.period FROM project_periods pp WHERE pp.project_id IN (SELECT id FROM ids) AND pp.approved_at IS NOT NULL),
    live AS (
      SELECT b.project_id, ${periodOfRecordSql(sql`s.received_on`)} AS period, b.ref, st.code AS service_code, s.received_on
      FROM ids JOIN projects p ON p.id = ids.id JOIN beneficiaries b ON b.project_id = p.id
      JOIN beneficiary_services s ON s.beneficiary_id = b.id JOIN service_types st ON st.id = s.service_type_id
    )
    SELECT l.project_id AS "projectId", l.period AS period, count(*) AS added, 0 AS changed
    FROM live l JOIN approved ap ON ap.project_id = l.project_id AND ap.period = l.period
    WHERE NOT EXISTS (
      SELECT 1 FROM approved_services a
      WHERE a.ref = l.ref AND a.project_id = l.project_id AND a.period = l.period AND a.service_code = l.service_code AND a.received_on = l.received_on
    )
    GROUP BY l.project_id, l.period
    UNION ALL
    SELECT a.project_id, a.period, 0, count(*)
    FROM approved_services a JOIN ids ON ids.id = a.project_id
    WHERE NOT EXISTS (
      SELECT 1 FROM beneficiaries b JOIN projects p ON p.id = b.project_id
      JOIN beneficiary_services s ON s.beneficiary_id = b.id JOIN service_types st ON st.id = s.service_type_id
      WHERE b.project_id = a.project_id AND b.ref = a.ref AND st.code = a.service_code AND s.received_on = a.received_on
        AND ${periodOfRecordSql(sql`s.received_on`)} = a.period
        AND b.household_ref IS NOT DISTINCT FROM a.household_ref AND b.sex = a.sex AND b.birth_year IS NOT DISTINCT FROM a.birth_year AND b.group_code = a.group_code
        AND b.location_id = a.location_id AND coalesce(b.household_size, p.household_size) IS NOT DISTINCT FROM a.household_size
    )
    GROUP BY a.project_id, a.period`);
  for (const row of services) add(row.projectId, row.period, row.added, row.changed);

  const approvedPeriods = new Map<number, Set<string>>();
  for (const { projectId, period } of await db.all<{ projectId: number; period: string }>(sql`
    SELECT project_id AS "projectId", period FROM project_periods WHERE approved_at IS NOT NULL AND project_id IN ${jsonIds(ids)}`)) {
    approvedPeriods.set(projectId, (approvedPeriods.get(projectId) ?? new Set()).add(period));
  }
  const live = await db.all<TrainingRow>(liveTrainings(ids));
  const copies = await db.all<TrainingRow & { period: string }>(sql`
    SELECT project_id AS "projectId", period, training_id AS "trainingId", title, kind, topic, location_id AS "locationId", start_date AS "startDate", end_date AS "endDate",
      facilitator, cohort_id AS "cohortId", participants, roster
    FROM approved_trainings WHERE project_id IN ${jsonIds(ids)}`);
  const byProject = <T extends TrainingRow>(rows: readonly T[]) => {
    const grouped = new Map<number, T[]>();
    for (const row of rows) grouped.set(row.projectId, [...(grouped.get(row.projectId) ?? []), row]);
    return grouped;
  };
  const liveOf = byProject(live);
  const copiesOf = byProject(copies);
  for (const project of projects) {
    const periods = approvedPeriods.get(project.id);
    if (!periods) continue;
    const type = FREQUENCY_PERIOD_TYPE[project.reportingFrequency];
    const compared = changesSinceApproval(
      (liveOf.get(project.id) ?? []).map((r) => ({
        period: periodOfRecord(r.endDate, type, project.startDate, project.endDate),
        key: trainingKey(r),
        content: trainingContent(r),
      })),
      (copiesOf.get(project.id) ?? []).map((r) => ({ period: r.period, key: trainingKey(r), content: trainingContent(r) })),
      periods,
    );
    for (const [period, counted] of compared) add(project.id, period, counted.added, counted.changed);
  }
  return changes;
}

export type Participants = { sex: Sex; ageGroup: string; count: number }[];

/** A training as an approval recorded it, counted like a live one. */
export type ApprovedTrainingRecord = DatedTrainingRecord & { title: string; locationId: number; startDate: string; facilitator: string | null; participants: Participants };

/**
 * The trainings donors see: for each project, those of its approved periods up to `through` (a
 * period; every approved period when absent), each as the latest approval in that range recorded it.
 */
export async function loadApprovedTrainings(db: Executor, projects: readonly { id: number; through: string | null }[]): Promise<ApprovedTrainingRecord[]> {
  if (projects.length === 0) return [];
  const rows = await db.all<TrainingRow & { projectId: number }>(sql`
    WITH scope AS ${jsonRows(
      projects.map((p) => [p.id, p.through]),
      [
        ["project_id", "integer"],
        ["through", "text"],
      ],
    )},
    copy AS (
      SELECT a.*, row_number() OVER (PARTITION BY a.project_id, a.training_id ORDER BY a.period DESC) AS n
      FROM scope JOIN approved_trainings a ON a.project_id = scope.project_id AND (scope.through IS NULL OR a.period <= scope.through)
    )
    SELECT project_id AS "projectId", training_id AS "trainingId", title, kind, topic, location_id AS "locationId", start_date AS "startDate", end_date AS "endDate",
      facilitator, cohort_id AS "cohortId", participants, roster
    FROM copy WHERE n = 1 ORDER BY start_date, training_id`);
  return rows.map((r) => {
    const participants = JSON.parse(r.participants) as Participants;
    return {
      id: r.trainingId,
      projectId: r.projectId,
      kind: r.kind as TrainingKind,
      topic: r.topic,
      cohortId: r.cohortId,
      endDate: r.endDate,
      participantCount: participants.reduce((sum, p) => sum + p.count, 0),
      roster: r.roster === null ? null : (JSON.parse(r.roster) as string[]),
      title: r.title,
      locationId: r.locationId,
      startDate: r.startDate,
      facilitator: r.facilitator,
      participants,
    };
  });
}

/** Set once every approval has the copies of its records (see copyRecordsOfEarlierApprovals). */
export const COPIES_KEY = "approved-records-copied";

/**
 * Once per database: the copies of the records for periods approved before approvals recorded them
 * (databases made by earlier versions). What those approvals saw is not known any more: the copies
 * are made of the records as they stand at the upgrade, dated in each approved period, which is what
 * donors were shown until then (earlier versions counted the records up to the latest approval).
 */
export async function copyRecordsOfEarlierApprovals(db: Db): Promise<void> {
  // Read first: a database that has them needs no write, and no lock, at every start.
  if ((await db.select().from(appMeta).where(eq(appMeta.key, COPIES_KEY)))[0]) return;
  await db.write(async (tx) => {
    if ((await tx.select().from(appMeta).where(eq(appMeta.key, COPIES_KEY)))[0]) return;
    const approved = await tx
      .select({ project: projects, period: projectPeriods.period })
      .from(projectPeriods)
      .innerJoin(projects, eq(projectPeriods.projectId, projects.id))
      .where(isNotNull(projectPeriods.approvedAt));
    for (const { project, period } of approved) await copyPeriodRecords(tx, project, period);
    await tx.insert(appMeta).values({ key: COPIES_KEY, value: new Date().toISOString() });
  });
}
