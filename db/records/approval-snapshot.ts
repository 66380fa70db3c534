import { and, eq, ne, sql } from "drizzle-orm";
import { countUniqueParticipants } from "../../lib/trainings/people-trained";
import type { Executor } from "../client";
import { approvedValues, dataValues, indicators, type Project } from "../schema";
import { copyPeriodRecords, dropPeriodRecords, loadApprovedTrainings } from "./approved-records";
import { trainingsCountedBy } from "./computed-figures";
import { countReach } from "./reach-counts";

/**
 * Records a period's figures as approved, in place of what an earlier approval of it recorded: the
 * registry's services and the trainings dated in it as they stand now, its entered values, and the
 * figures computed from the records, counted from what the approvals of this and earlier periods
 * recorded, so that they agree with every count donors see. Runs inside the approval's transaction.
 */
export function snapshotApprovedPeriod(tx: Executor, project: Project, period: string, approvedBy: number | null, approvedAt: string): void {
  copyPeriodRecords(tx, project, period);
  tx.delete(approvedValues).where(and(eq(approvedValues.projectId, project.id), eq(approvedValues.period, period))).run();

  const entered = tx
    .select({
      indicatorId: dataValues.indicatorId,
      locationId: dataValues.locationId,
      disaggregation: dataValues.disaggregation,
      value: dataValues.value,
      numerator: dataValues.numerator,
      denominator: dataValues.denominator,
    })
    .from(dataValues)
    .innerJoin(indicators, eq(dataValues.indicatorId, indicators.id))
    .where(and(eq(indicators.projectId, project.id), eq(dataValues.period, period), eq(indicators.source, "manual")))
    .all();
  const rows: (typeof approvedValues.$inferInsert)[] = entered.map((v) => ({ ...v, projectId: project.id, period, approvedBy, approvedAt }));

  const computed = tx
    .select()
    .from(indicators)
    .where(and(eq(indicators.projectId, project.id), ne(indicators.source, "manual")))
    .all();
  if (computed.length > 0) {
    // Missing is not zero: a project that keeps no registry (or no trainings) has no such figure.
    const keeps = tx.get<{ registry: number; trainings: number }>(sql`
      SELECT EXISTS (SELECT 1 FROM beneficiaries WHERE project_id = ${project.id}) AS registry, EXISTS (SELECT 1 FROM trainings WHERE project_id = ${project.id}) AS trainings`);
    const trainings = computed.some((i) => i.source === "trainings") ? loadApprovedTrainings(tx, [{ id: project.id, through: period }]) : [];
    for (const indicator of computed) {
      let value: number | null = null;
      if (indicator.source === "registry" && keeps?.registry) {
        value = countReach(tx, { source: "approved", projects: [{ id: project.id, through: period }], serviceCode: indicator.sourceServiceCode ?? undefined }).reach.uniqueDirect;
      } else if (indicator.source === "trainings" && keeps?.trainings) {
        value = countUniqueParticipants(trainingsCountedBy(indicator, trainings));
      }
      if (value !== null) {
        rows.push({ projectId: project.id, indicatorId: indicator.id, period, locationId: project.countryId, disaggregation: "", value, approvedBy, approvedAt });
      }
    }
  }
  for (let start = 0; start < rows.length; start += 500) tx.insert(approvedValues).values(rows.slice(start, start + 500)).run();
}

/** Forgets everything an approval of the period recorded: the period is marked not reported. */
export function forgetApprovedPeriod(tx: Executor, projectId: number, period: string): void {
  dropPeriodRecords(tx, projectId, period);
  tx.delete(approvedValues).where(and(eq(approvedValues.projectId, projectId), eq(approvedValues.period, period))).run();
}
