import { and, eq, ne } from "drizzle-orm";
import { periodEnd } from "../../lib/periods/period";
import type { Executor } from "../client";
import { approvedValues, dataValues, indicators, projects } from "../schema";
import { computeRecordActual } from "./computed-figures";
import { loadTrainings } from "./trainings";

/**
 * Records a period's figures as approved: its entered values as they are, and the figures computed
 * from trainings and the registry as they stand at the period's end, frozen from now on. Replaces
 * what an earlier approval of the same period recorded. Runs inside the approval's transaction.
 */
export function snapshotApprovedPeriod(tx: Executor, projectId: number, period: string, approvedBy: number | null, approvedAt: string): void {
  tx.delete(approvedValues).where(and(eq(approvedValues.projectId, projectId), eq(approvedValues.period, period))).run();

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
    .where(and(eq(indicators.projectId, projectId), eq(dataValues.period, period), eq(indicators.source, "manual")))
    .all();
  const rows: (typeof approvedValues.$inferInsert)[] = entered.map((v) => ({ ...v, projectId, period, approvedBy, approvedAt }));

  const computed = tx
    .select()
    .from(indicators)
    .where(and(eq(indicators.projectId, projectId), ne(indicators.source, "manual")))
    .all();
  if (computed.length > 0) {
    const project = tx.select({ countryId: projects.countryId }).from(projects).where(eq(projects.id, projectId)).get();
    if (!project) throw new Error(`No project ${projectId}`);
    const records = { db: tx, projectId, trainings: computed.some((i) => i.source === "trainings") ? loadTrainings(tx, [projectId]) : [] };
    for (const indicator of computed) {
      const actual = computeRecordActual(indicator, records, periodEnd(period));
      if (actual) {
        rows.push({ projectId, indicatorId: indicator.id, period, locationId: project.countryId, disaggregation: "", value: actual.value, approvedBy, approvedAt });
      }
    }
  }
  for (let start = 0; start < rows.length; start += 500) tx.insert(approvedValues).values(rows.slice(start, start + 500)).run();
}
