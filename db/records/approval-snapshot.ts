import { and, eq, gt, inArray, isNotNull, ne, sql } from "drizzle-orm";
import { countUniqueParticipants } from "../../lib/trainings/people-trained";
import type { Executor } from "../engine/types";
import { approvedValues, dataValues, indicators, projectPeriods, type Project } from "../tables";
import { copyPeriodRecords, dropPeriodRecords, loadApprovedTrainings } from "./approved-records";
import { trainingsCountedBy } from "./computed-figures";
import { countReach } from "./reach-counts";

/**
 * Records a period's figures as approved, in place of what an earlier approval of it recorded: the
 * registry's services and the trainings dated in it as they stand now, its entered values, and the
 * figures computed from the records. Those are running totals counted from the copies of this and
 * earlier periods, so a later approved period's are counted again too: every computed figure donors
 * see agrees with the counts of the copies. Runs inside the approval's transaction.
 */
export async function snapshotApprovedPeriod(tx: Executor, project: Project, period: string, approvedBy: number | null, approvedAt: string): Promise<void> {
  await copyPeriodRecords(tx, project, period);
  await tx.delete(approvedValues).where(and(eq(approvedValues.projectId, project.id), eq(approvedValues.period, period)));
  const entered = await tx
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
    .where(and(eq(indicators.projectId, project.id), eq(dataValues.period, period), eq(indicators.source, "manual")));
  const rows = entered.map((v) => ({ ...v, projectId: project.id, period, approvedBy, approvedAt }));
  for (let start = 0; start < rows.length; start += 500) await tx.insert(approvedValues).values(rows.slice(start, start + 500));
  await recordComputedFigures(tx, project, period, approvedBy, approvedAt);
  await recountLaterPeriods(tx, project, period);
}

/** Forgets everything an approval of the period recorded: the period is marked not reported. */
export async function forgetApprovedPeriod(tx: Executor, project: Project, period: string): Promise<void> {
  await dropPeriodRecords(tx, project.id, period);
  await tx.delete(approvedValues).where(and(eq(approvedValues.projectId, project.id), eq(approvedValues.period, period)));
  await recountLaterPeriods(tx, project, period);
}

// The running totals of later approved periods count this period's copies: counted again, each
// with its own approval's author and date.
async function recountLaterPeriods(tx: Executor, project: Project, period: string): Promise<void> {
  const later = await tx
    .select({ period: projectPeriods.period, approvedBy: projectPeriods.approvedBy, approvedAt: projectPeriods.approvedAt })
    .from(projectPeriods)
    .where(and(eq(projectPeriods.projectId, project.id), isNotNull(projectPeriods.approvedAt), gt(projectPeriods.period, period)));
  for (const row of later) await recordComputedFigures(tx, project, row.period, row.approvedBy, row.approvedAt ?? "");
}

/** The figures of the project's computed indicators through a period, counted from the copies of the records. */
async function recordComputedFigures(tx: Executor, project: Project, period: string, approvedBy: number | null, approvedAt: string): Promise<void> {
  const computed = await tx
    .select()
    .from(indicators)
    .where(and(eq(indicators.projectId, project.id), ne(indicators.source, "manual")));
  if (computed.length === 0) return;
  await tx.delete(approvedValues).where(
    and(
      eq(approvedValues.period, period),
      inArray(
        approvedValues.indicatorId,
        computed.map((i) => i.id),
      ),
    ),
  );
  // Missing is not zero: a project that keeps no registry (or no trainings) has no such figure.
  const [keeps] = await tx.all<{ registry: number; trainings: number }>(sql`
    SELECT EXISTS (SELECT 1 FROM beneficiaries WHERE project_id = ${project.id}) AS registry, EXISTS (SELECT 1 FROM trainings WHERE project_id = ${project.id}) AS trainings`);
  const trainings = computed.some((i) => i.source === "trainings") ? await loadApprovedTrainings(tx, [{ id: project.id, through: period }]) : [];
  for (const indicator of computed) {
    let value: number | null = null;
    if (indicator.source === "registry" && keeps?.registry) {
      value = (await countReach(tx, { source: "approved", projects: [{ id: project.id, through: period }], serviceCode: indicator.sourceServiceCode ?? undefined })).reach
        .uniqueDirect;
    } else if (indicator.source === "trainings" && keeps?.trainings) {
      value = countUniqueParticipants(trainingsCountedBy(indicator, trainings));
    }
    if (value !== null) {
      await tx
        .insert(approvedValues)
        .values({ projectId: project.id, indicatorId: indicator.id, period, locationId: project.countryId, disaggregation: "", value, approvedBy, approvedAt });
    }
  }
}
