import "server-only";
import { and, asc, count, desc, eq, inArray, ne } from "drizzle-orm";
import { RESULT_TYPES } from "../../lib/domain/codes";
import { checkIndicatorInput, type IndicatorInput } from "../../lib/validation/indicator";
import { fieldProblems, optionalText, type FieldProblem } from "../../lib/validation/fields";
import { z } from "zod";
import {
  approvedValues,
  dataValues,
  dimensionOptions,
  dimensions,
  indicatorDimensions,
  indicatorRevisions,
  indicators,
  indicatorTargets,
  projects,
  results,
  users,
  type Indicator,
  type Result,
} from "../tables";
import { dbOf, may, type QueryContext } from "../users/viewer";
import type { RevisionEntry } from "../../lib/indicators/revision-entry";
import { recordAudit } from "../audit/audit-record";

export type FrameworkOutcome<T> = { kind: "saved"; saved: T } | { kind: "forbidden" } | { kind: "invalid"; problems: FieldProblem[] } | { kind: "conflict" };

const resultInputSchema = z.object({
  code: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,31}$/, "invalid_code"),
  type: z.enum(RESULT_TYPES, "required"),
  titleEn: z.string().trim().min(1, "required").max(500),
  titleFr: optionalText(500),
  parentCode: optionalText(32),
});

/** Adds or edits a result of a project's framework (impact, outcome, output) under its parent. */
export async function saveResult(ctx: QueryContext, projectId: number, raw: unknown, resultId?: number): Promise<FrameworkOutcome<Result>> {
  const db = dbOf(ctx);
  return await db.write(async (tx) => {
    if (!(await may({ ...ctx, db }, "manage_framework", projectId))) return { kind: "forbidden" };
    const parsed = resultInputSchema.safeParse(raw);
    if (!parsed.success) return { kind: "invalid", problems: fieldProblems(parsed.error) };
    const input = parsed.data;
    const current =
      resultId === undefined
        ? undefined
        : (
            await tx
              .select()
              .from(results)
              .where(and(eq(results.id, resultId), eq(results.projectId, projectId)))
          )[0];
    if (resultId !== undefined && !current) return { kind: "forbidden" };
    const siblings = await tx.select().from(results).where(eq(results.projectId, projectId));
    const problems: FieldProblem[] = [];
    if (siblings.some((r) => r.id !== resultId && r.code.toLowerCase() === input.code.toLowerCase())) problems.push({ field: "code", code: "duplicate_result_code" });
    const parent = input.parentCode ? siblings.find((r) => r.code === input.parentCode) : null;
    if (input.parentCode && (!parent || parent.id === resultId)) problems.push({ field: "parentCode", code: "unknown_parent" });
    if (problems.length > 0) return { kind: "invalid", problems };
    const values = { code: input.code, type: input.type, titleEn: input.titleEn, titleFr: input.titleFr, parentId: parent?.id ?? null };
    const saved = current
      ? (await tx.update(results).set(values).where(eq(results.id, current.id)).returning())[0]!
      : (
          await tx
            .insert(results)
            .values({ ...values, projectId, position: siblings.length })
            .returning()
        )[0]!;
    await recordAudit(tx, {
      userId: ctx.viewer.userId,
      action: current ? "result.update" : "result.create",
      entityType: "result",
      entityId: saved.id,
      projectId,
      details: { before: current ?? null, after: values },
    });
    return { kind: "saved", saved };
  });
}

/** Whether figures exist for the indicator: then its target and baseline change only with a reason, kept as a revision. */
async function hasFigures(tx: Pick<ReturnType<typeof dbOf>, "select">, indicatorId: number): Promise<boolean> {
  const entered = (await tx.select({ n: count() }).from(dataValues).where(eq(dataValues.indicatorId, indicatorId)))[0]?.n ?? 0;
  const approved = (await tx.select({ n: count() }).from(approvedValues).where(eq(approvedValues.indicatorId, indicatorId)))[0]?.n ?? 0;
  return entered + approved > 0;
}

/**
 * Adds or edits an indicator with every attribute of the model: dimensions and per-period targets
 * included. A change of target or baseline once figures exist needs a reason and keeps the earlier
 * value, its date and author as a revision. A dimension with figures cannot be taken away.
 */
export async function saveIndicator(
  ctx: QueryContext,
  projectId: number,
  raw: unknown,
  target: { indicatorId?: number; version?: number } = {},
): Promise<FrameworkOutcome<Indicator>> {
  const db = dbOf(ctx);
  return await db.write(async (tx) => {
    if (!(await may({ ...ctx, db }, "manage_framework", projectId))) return { kind: "forbidden" };
    const project = (await tx.select().from(projects).where(eq(projects.id, projectId)))[0];
    if (!project) return { kind: "forbidden" };
    const current =
      target.indicatorId === undefined
        ? undefined
        : (
            await tx
              .select()
              .from(indicators)
              .where(and(eq(indicators.id, target.indicatorId), eq(indicators.projectId, projectId)))
          )[0];
    if (target.indicatorId !== undefined && !current) return { kind: "forbidden" };
    if (current && current.version !== target.version) return { kind: "conflict" };
    const others = await tx
      .select({ code: indicators.code })
      .from(indicators)
      .where(and(eq(indicators.projectId, projectId), current ? ne(indicators.id, current.id) : undefined));
    const checked = checkIndicatorInput(
      raw,
      project,
      others.map((o) => o.code),
    );
    if (!checked.ok) return { kind: "invalid", problems: checked.problems };
    const input: IndicatorInput = checked.indicator;

    const problems: FieldProblem[] = [];
    const result = input.resultCode
      ? (
          await tx
            .select()
            .from(results)
            .where(and(eq(results.projectId, projectId), eq(results.code, input.resultCode)))
        )[0]
      : null;
    if (input.resultCode && !result) problems.push({ field: "resultCode", code: "unknown_result" });
    const dimensionRows = input.dimensions.length === 0 ? [] : await tx.select().from(dimensions).where(inArray(dimensions.code, input.dimensions));
    input.dimensions.forEach((code, i) => {
      if (!dimensionRows.some((d) => d.code === code)) problems.push({ field: `dimensions.${i}`, code: "unknown_dimension" });
    });
    const withFigures = current ? await hasFigures(tx, current.id) : false;
    const revised = current
      ? (
          [
            ["target", current.target, input.target],
            ["baseline_value", current.baselineValue, input.baselineValue],
            ["baseline_year", current.baselineYear, input.baselineYear],
          ] as const
        ).filter(([, before, after]) => before !== after)
      : [];
    if (withFigures && revised.length > 0 && !input.reason) problems.push({ field: "reason", code: "reason_required" });
    if (current && withFigures) {
      const removed = (
        await tx
          .select({ code: dimensions.code })
          .from(indicatorDimensions)
          .innerJoin(dimensions, eq(indicatorDimensions.dimensionId, dimensions.id))
          .where(eq(indicatorDimensions.indicatorId, current.id))
      ).filter((d) => !input.dimensions.includes(d.code));
      const keys = removed.length === 0 ? [] : await tx.select({ key: dataValues.disaggregation }).from(dataValues).where(eq(dataValues.indicatorId, current.id));
      const inUse = removed.some((d) => keys.some((v) => v.key.split("|").some((part) => part.startsWith(`${d.code}=`))));
      if (inUse) problems.push({ field: "dimensions", code: "dimension_in_use" });
    }
    if (problems.length > 0) return { kind: "invalid", problems };

    const values = {
      code: input.code,
      resultId: result?.id ?? null,
      nameEn: input.nameEn,
      nameFr: input.nameFr,
      definitionEn: input.definitionEn,
      definitionFr: input.definitionFr,
      unitEn: input.unitEn,
      unitFr: input.unitFr,
      measure: input.measure,
      direction: input.direction,
      timeAggregation: input.timeAggregation,
      isContext: input.isContext,
      baselineValue: input.baselineValue,
      baselineYear: input.baselineYear,
      target: input.target,
      source: input.source,
      sourceServiceCode: input.source === "registry" ? input.sourceServiceCode : null,
      sourceTrainingKind: input.source === "trainings" ? input.sourceTrainingKind : null,
      sourceTrainingTopic: input.source === "trainings" ? input.sourceTrainingTopic : null,
    };
    const position = (await tx.select({ n: count() }).from(indicators).where(eq(indicators.projectId, projectId)))[0]?.n ?? 0;
    const saved = current
      ? (
          await tx
            .update(indicators)
            .set({ ...values, version: current.version + 1 })
            .where(eq(indicators.id, current.id))
            .returning()
        )[0]!
      : (
          await tx
            .insert(indicators)
            .values({ ...values, projectId, position })
            .returning()
        )[0]!;
    await tx.delete(indicatorDimensions).where(eq(indicatorDimensions.indicatorId, saved.id));
    if (dimensionRows.length > 0) await tx.insert(indicatorDimensions).values(dimensionRows.map((d) => ({ indicatorId: saved.id, dimensionId: d.id })));
    await tx.delete(indicatorTargets).where(eq(indicatorTargets.indicatorId, saved.id));
    if (input.periodTargets.length > 0) await tx.insert(indicatorTargets).values(input.periodTargets.map((p) => ({ indicatorId: saved.id, period: p.period, value: p.value })));
    if (withFigures) {
      for (const [field, previousValue, newValue] of revised) {
        await tx.insert(indicatorRevisions).values({ indicatorId: saved.id, field, previousValue, newValue, reason: input.reason as string, changedBy: ctx.viewer.userId });
      }
    }
    await recordAudit(tx, {
      userId: ctx.viewer.userId,
      action: current ? "indicator.update" : "indicator.create",
      entityType: "indicator",
      entityId: saved.id,
      projectId,
      details: { before: current ?? null, after: values, reason: input.reason },
    });
    return { kind: "saved", saved };
  });
}

/** What an indicator form shows for an existing indicator. */
export async function indicatorFormValues(ctx: QueryContext, indicator: Indicator): Promise<IndicatorInput> {
  const db = dbOf(ctx);
  const result = indicator.resultId === null ? undefined : (await db.select({ code: results.code }).from(results).where(eq(results.id, indicator.resultId)))[0];
  return {
    code: indicator.code,
    resultCode: result?.code ?? null,
    nameEn: indicator.nameEn,
    nameFr: indicator.nameFr,
    definitionEn: indicator.definitionEn,
    definitionFr: indicator.definitionFr,
    unitEn: indicator.unitEn,
    unitFr: indicator.unitFr,
    measure: indicator.measure,
    direction: indicator.direction,
    timeAggregation: indicator.timeAggregation,
    isContext: indicator.isContext,
    baselineValue: indicator.baselineValue,
    baselineYear: indicator.baselineYear,
    target: indicator.target,
    source: indicator.source,
    sourceServiceCode: indicator.sourceServiceCode,
    sourceTrainingKind: indicator.sourceTrainingKind,
    sourceTrainingTopic: indicator.sourceTrainingTopic,
    dimensions: (
      await db
        .select({ code: dimensions.code })
        .from(indicatorDimensions)
        .innerJoin(dimensions, eq(indicatorDimensions.dimensionId, dimensions.id))
        .where(eq(indicatorDimensions.indicatorId, indicator.id))
    ).map((d) => d.code),
    periodTargets: await db
      .select({ period: indicatorTargets.period, value: indicatorTargets.value })
      .from(indicatorTargets)
      .where(eq(indicatorTargets.indicatorId, indicator.id))
      .orderBy(asc(indicatorTargets.period)),
    reason: null,
  };
}

/** The earlier targets and baselines of an indicator of a visible project, newest first. */
export async function listIndicatorRevisions(ctx: QueryContext, indicator: Indicator): Promise<RevisionEntry[]> {
  if (!(await may(ctx, "see", indicator.projectId))) return [];
  return await dbOf(ctx)
    .select({
      field: indicatorRevisions.field,
      previousValue: indicatorRevisions.previousValue,
      newValue: indicatorRevisions.newValue,
      reason: indicatorRevisions.reason,
      changedAt: indicatorRevisions.changedAt,
      changedBy: users.name,
    })
    .from(indicatorRevisions)
    .innerJoin(users, eq(indicatorRevisions.changedBy, users.id))
    .where(eq(indicatorRevisions.indicatorId, indicator.id))
    .orderBy(desc(indicatorRevisions.id));
}

/** The dimensions that exist, with their options, for the indicator form. */
export async function listDimensions(ctx: QueryContext) {
  const db = dbOf(ctx);
  const all = await db.select().from(dimensions).orderBy(asc(dimensions.position));
  const options = await db.select().from(dimensionOptions).orderBy(asc(dimensionOptions.position));
  return all.map((d) => ({ ...d, options: options.filter((o) => o.dimensionId === d.id) }));
}
