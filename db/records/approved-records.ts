// The copies of the records an approval counted (db/schema/approved-records.ts): made when a period
// is approved, dropped when it is marked not reported, and compared with the live records to tell
// managers what changed since. Callers check access first.
import { eq, isNotNull, sql, type SQL } from "drizzle-orm";
import type { Sex, TrainingKind } from "../../lib/domain/codes";
import { FREQUENCY_PERIOD_TYPE, periodEnd, periodOfRecord, periodsBetween, periodStart } from "../../lib/periods/period";
import type { ComparedRecord } from "../../lib/workflow/record-changes";
import type { Db, Executor } from "../client";
import { appMeta, projectPeriods, projects, type Project } from "../schema";
import type { DatedTrainingRecord } from "./trainings";

type Dated = Pick<Project, "startDate" | "endDate" | "reportingFrequency">;

/** The dates of a project's records that belong to a period: the first and last periods take what lies before and after. */
function periodBounds(project: Dated, period: string): { from: string | null; to: string | null } {
  const periods = periodsBetween(project.startDate, project.endDate, FREQUENCY_PERIOD_TYPE[project.reportingFrequency]);
  return { from: period === periods[0] ? null : periodStart(period), to: period === periods.at(-1) ? null : periodEnd(period) };
}

const within = (column: SQL, bounds: { from: string | null; to: string | null }) =>
  sql`(${bounds.from} IS NULL OR ${column} >= ${bounds.from}) AND (${bounds.to} IS NULL OR ${column} <= ${bounds.to})`;

// The live records of a project in the shape of their approved copies: a service with its person
// (the project's household size where the record has none), a training with its participants and
// roster as JSON written the same way every time, so that copies and live rows compare as text.
const liveServices = (projectId: number, bounds?: { from: string | null; to: string | null }) => sql`
  SELECT b.project_id AS projectId, b.ref AS ref, b.household_ref AS householdRef, b.sex AS sex, b.birth_year AS birthYear, b.group_code AS groupCode,
    b.location_id AS locationId, coalesce(b.household_size, p.household_size) AS householdSize, st.code AS serviceCode, s.received_on AS receivedOn
  FROM beneficiaries b JOIN projects p ON p.id = b.project_id
  JOIN beneficiary_services s ON s.beneficiary_id = b.id JOIN service_types st ON st.id = s.service_type_id
  WHERE b.project_id = ${projectId} AND ${bounds ? within(sql`s.received_on`, bounds) : sql`1`}`;

const liveTrainings = (projectId: number, bounds?: { from: string | null; to: string | null }) => sql`
  SELECT t.project_id AS projectId, t.id AS trainingId, t.title AS title, t.kind AS kind, t.topic AS topic, t.location_id AS locationId,
    t.start_date AS startDate, t.end_date AS endDate, t.facilitator AS facilitator, t.cohort_id AS cohortId,
    (SELECT json_group_array(json_object('sex', sex, 'ageGroup', age_group, 'count', count))
      FROM (SELECT sex, age_group, count FROM training_participants WHERE training_id = t.id ORDER BY sex, age_group)) AS participants,
    CASE WHEN EXISTS (SELECT 1 FROM training_roster WHERE training_id = t.id)
      THEN (SELECT json_group_array(ref) FROM (SELECT b.ref FROM training_roster r JOIN beneficiaries b ON b.id = r.beneficiary_id WHERE r.training_id = t.id ORDER BY b.ref))
    END AS roster
  FROM trainings t
  WHERE t.project_id = ${projectId} AND ${bounds ? within(sql`t.end_date`, bounds) : sql`1`}`;

/**
 * Records the registry's services and the trainings dated in a period as they stand now, in place
 * of what an earlier approval of the same period recorded. Runs inside the approval's transaction.
 */
export function copyPeriodRecords(tx: Executor, project: Project, period: string): void {
  dropPeriodRecords(tx, project.id, period);
  const bounds = periodBounds(project, period);
  tx.run(sql`
    INSERT INTO approved_services (project_id, period, ref, household_ref, sex, birth_year, group_code, location_id, household_size, service_code, received_on)
    SELECT projectId, ${period}, ref, householdRef, sex, birthYear, groupCode, locationId, householdSize, serviceCode, receivedOn FROM (${liveServices(project.id, bounds)})`);
  tx.run(sql`
    INSERT INTO approved_trainings (project_id, period, training_id, title, kind, topic, location_id, start_date, end_date, facilitator, cohort_id, participants, roster)
    SELECT projectId, ${period}, trainingId, title, kind, topic, locationId, startDate, endDate, facilitator, cohortId, participants, roster FROM (${liveTrainings(project.id, bounds)})`);
}

/** Forgets the records an approval of the period counted (the period is marked not reported). */
export function dropPeriodRecords(tx: Executor, projectId: number, period: string): void {
  tx.run(sql`DELETE FROM approved_services WHERE project_id = ${projectId} AND period = ${period}`);
  tx.run(sql`DELETE FROM approved_trainings WHERE project_id = ${projectId} AND period = ${period}`);
}

type ServiceRow = { ref: string; householdRef: string | null; sex: string; birthYear: number | null; groupCode: string; locationId: number; householdSize: number | null; serviceCode: string; receivedOn: string };
type TrainingRow = { trainingId: number; title: string; kind: string; topic: string; locationId: number; startDate: string; endDate: string; facilitator: string | null; cohortId: number | null; participants: string; roster: string | null };

const serviceKey = (r: ServiceRow) => `service|${r.ref}|${r.serviceCode}|${r.receivedOn}`;
const serviceContent = (r: ServiceRow) => JSON.stringify([r.householdRef, r.sex, r.birthYear, r.groupCode, r.locationId, r.householdSize]);
const trainingKey = (r: TrainingRow) => `training|${r.trainingId}`;
const trainingContent = (r: TrainingRow) => JSON.stringify([r.title, r.kind, r.topic, r.locationId, r.startDate, r.endDate, r.facilitator, r.cohortId, r.participants, r.roster]);

/** The project's records as they are now and as their approvals recorded them, each with the period it belongs to. */
export function recordsToCompare(db: Executor, project: Project): { live: ComparedRecord[]; approved: ComparedRecord[] } {
  const type = FREQUENCY_PERIOD_TYPE[project.reportingFrequency];
  const periodOf = (date: string) => periodOfRecord(date, type, project.startDate, project.endDate);
  const live = [
    ...db.all<ServiceRow>(liveServices(project.id)).map((r) => ({ period: periodOf(r.receivedOn), key: serviceKey(r), content: serviceContent(r) })),
    ...db.all<TrainingRow>(liveTrainings(project.id)).map((r) => ({ period: periodOf(r.endDate), key: trainingKey(r), content: trainingContent(r) })),
  ];
  const approved = [
    ...db
      .all<ServiceRow & { period: string }>(sql`
        SELECT period, ref, household_ref AS householdRef, sex, birth_year AS birthYear, group_code AS groupCode, location_id AS locationId,
          household_size AS householdSize, service_code AS serviceCode, received_on AS receivedOn
        FROM approved_services WHERE project_id = ${project.id}`)
      .map((r) => ({ period: r.period, key: serviceKey(r), content: serviceContent(r) })),
    ...db
      .all<TrainingRow & { period: string }>(sql`
        SELECT period, training_id AS trainingId, title, kind, topic, location_id AS locationId, start_date AS startDate, end_date AS endDate,
          facilitator, cohort_id AS cohortId, participants, roster
        FROM approved_trainings WHERE project_id = ${project.id}`)
      .map((r) => ({ period: r.period, key: trainingKey(r), content: trainingContent(r) })),
  ];
  return { live, approved };
}

export type Participants = { sex: Sex; ageGroup: string; count: number }[];

/** A training as an approval recorded it, counted like a live one. */
export type ApprovedTrainingRecord = DatedTrainingRecord & { title: string; locationId: number; startDate: string; facilitator: string | null; participants: Participants };

/**
 * The trainings donors see: for each project, those of its approved periods up to `through` (a
 * period; every approved period when absent), each as the latest approval in that range recorded it.
 */
export function loadApprovedTrainings(db: Executor, projects: readonly { id: number; through: string | null }[]): ApprovedTrainingRecord[] {
  if (projects.length === 0) return [];
  const rows = db.all<TrainingRow & { projectId: number }>(sql`
    WITH scope AS (SELECT json_extract(value, '$[0]') AS project_id, json_extract(value, '$[1]') AS through FROM json_each(${JSON.stringify(projects.map((p) => [p.id, p.through]))})),
    copy AS (
      SELECT a.*, row_number() OVER (PARTITION BY a.project_id, a.training_id ORDER BY a.period DESC) AS n
      FROM scope JOIN approved_trainings a ON a.project_id = scope.project_id AND (scope.through IS NULL OR a.period <= scope.through)
    )
    SELECT project_id AS projectId, training_id AS trainingId, title, kind, topic, location_id AS locationId, start_date AS startDate, end_date AS endDate,
      facilitator, cohort_id AS cohortId, participants, roster
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
 * Once per database: the copies of the records for periods approved before approvals recorded
 * them (databases made by earlier versions), made from the records as they stand at the upgrade,
 * which is what donors saw then. A database made since has nothing to copy.
 */
export function copyRecordsOfEarlierApprovals(db: Db): void {
  // Read first: a database that has them needs no write, and no lock, at every start.
  if (db.select().from(appMeta).where(eq(appMeta.key, COPIES_KEY)).get()) return;
  db.transaction((tx) => {
    if (tx.select().from(appMeta).where(eq(appMeta.key, COPIES_KEY)).get()) return;
    const approved = tx
      .select({ project: projects, period: projectPeriods.period })
      .from(projectPeriods)
      .innerJoin(projects, eq(projectPeriods.projectId, projects.id))
      .where(isNotNull(projectPeriods.approvedAt))
      .all();
    for (const { project, period } of approved) copyPeriodRecords(tx, project, period);
    tx.insert(appMeta).values({ key: COPIES_KEY, value: new Date().toISOString() }).run();
  }, { behavior: "immediate" });
}
