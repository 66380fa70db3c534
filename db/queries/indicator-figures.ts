import "server-only";
import { and, asc, eq, inArray } from "drizzle-orm";
import type { Actual } from "../../lib/indicators/actual";
import { actualToDate, type ReportedTotal } from "../../lib/indicators/actual-to-date";
import { progress } from "../../lib/indicators/progress";
import { measureReach } from "../../lib/beneficiaries/reach";
import { countUniqueParticipants } from "../../lib/trainings/people-trained";
import { periodEnd } from "../../lib/periods/period";
import { dataValues, indicators, type Indicator } from "../schema";
import { AccessDeniedError } from "./errors";
import { loadRegistry, servicesUpTo, type DatedRecord } from "./registry";
import { loadTrainings, type DatedTrainingRecord } from "./training-records";
import { dbOf, seesUnapprovedFigures, visibleProjectIds, type QueryContext } from "./viewer";

export type IndicatorFigure = {
  indicator: Indicator;
  actual: Actual | null;
  /** Fraction of the way from baseline to target (1 = reached); null without target or actual. */
  progress: number | null;
  /** False for donors, whose figures count approved values only, and for whoever asked for approved only. */
  includesUnapproved: boolean;
};

export type FigureOptions = { upTo?: string; approvedOnly?: boolean };

/**
 * Each indicator of a visible project with its actual to date and progress. Entered indicators add
 * up their reported totals by the rules of lib/indicators; computed ones count the registry or the
 * trainings. `upTo` (a period) gives the figures as they stood at its end.
 */
export function listIndicatorFigures(ctx: QueryContext, projectId: number, options: FigureOptions = {}): IndicatorFigure[] {
  if (!visibleProjectIds(ctx).includes(projectId)) throw new AccessDeniedError(`project ${projectId}`);
  const db = dbOf(ctx);
  const includesUnapproved = seesUnapprovedFigures(ctx.viewer) && !options.approvedOnly;
  const list = db.select().from(indicators).where(eq(indicators.projectId, projectId)).orderBy(asc(indicators.position)).all();

  const manualIds = list.filter((i) => i.source === "manual").map((i) => i.id);
  const totals = new Map<number, ReportedTotal[]>();
  if (manualIds.length > 0) {
    const rows = db
      .select({
        indicatorId: dataValues.indicatorId,
        period: dataValues.period,
        locationId: dataValues.locationId,
        value: dataValues.value,
        numerator: dataValues.numerator,
        denominator: dataValues.denominator,
      })
      .from(dataValues)
      .where(
        and(
          inArray(dataValues.indicatorId, manualIds),
          eq(dataValues.disaggregation, ""),
          includesUnapproved ? undefined : eq(dataValues.status, "approved"),
        ),
      )
      .all();
    for (const { indicatorId, ...total } of rows) {
      const list = totals.get(indicatorId);
      if (list) list.push(total);
      else totals.set(indicatorId, [total]);
    }
  }

  const upToDate = options.upTo === undefined ? undefined : periodEnd(options.upTo);
  const registry = list.some((i) => i.source === "registry") ? loadRegistry(db, [projectId]) : [];
  const trainingRecords = list.some((i) => i.source === "trainings") ? loadTrainings(db, [projectId]) : [];

  return list.map((indicator) => {
    const actual =
      indicator.source === "manual"
        ? actualToDate(indicator, totals.get(indicator.id) ?? [], options.upTo)
        : indicator.source === "registry"
          ? registryActual(indicator, registry, upToDate)
          : trainingsActual(indicator, trainingRecords, upToDate);
    return {
      indicator,
      actual,
      progress: progress({
        direction: indicator.direction,
        baseline: indicator.baselineValue,
        target: indicator.target,
        actual: actual?.value ?? null,
      }),
      includesUnapproved,
    };
  });
}

/** Unique people who received the indicator's service (any service when none is named). */
function registryActual(indicator: Indicator, registry: readonly DatedRecord[], upToDate: string | undefined): Actual | null {
  if (registry.length === 0) return null;
  const reach = measureReach(servicesUpTo(registry, upToDate, indicator.sourceServiceCode ?? undefined), null);
  return { kind: "number", value: reach.uniqueDirect };
}

/** Unique participants of the trainings of the indicator's kind (and topic, when one is named). */
function trainingsActual(indicator: Indicator, records: readonly DatedTrainingRecord[], upToDate: string | undefined): Actual | null {
  const matching = records.filter(
    (t) =>
      t.kind === indicator.sourceTrainingKind &&
      (indicator.sourceTrainingTopic === null || t.topic === indicator.sourceTrainingTopic) &&
      (upToDate === undefined || t.endDate <= upToDate),
  );
  if (records.length === 0) return null;
  return { kind: "number", value: countUniqueParticipants(matching) };
}
