import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import type { FigureParts } from "../../lib/indicators/actual";
import { checkOptionSet, decodeOptionKey, encodeOptionKey, type OptionSet } from "../../lib/disaggregation/option-key";
import { findMismatches } from "../../lib/disaggregation/reconcile";
import { previousPeriod } from "../../lib/periods/period";
import { checkFigure, type RawFigure } from "../../lib/validation/figure";
import { checkFigureAgainstPrevious } from "../../lib/validation/outlier";
import { checkReportingPeriod } from "../../lib/validation/period";
import type { Problem, Warning } from "../../lib/validation/problems";
import { isEditable } from "../../lib/workflow/period-workflow";
import type { Executor } from "../engine/types";
import {
  dataValues,
  dimensionOptions,
  dimensions,
  indicatorDimensions,
  indicators,
  locations,
  projectLocations,
  projectPeriods,
  projects,
  type DataValue,
  type Indicator,
  users,
  type Project,
} from "../tables";
import { findProjectPeriod } from "./project-periods";
import { dbOf, projectsWhere, type QueryContext } from "../users/viewer";
import { recordAudit } from "../audit/audit-record";
import { holdsNullCharacter } from "../../lib/validation/null-character";
import { findIdempotentWrite, rememberIdempotentWrite, type IdempotencyKey } from "./idempotent-writes";

/** One cell as a form or the API sends it: which indicator, period, place and options, and the figure. */
export type DataValueInput = RawFigure & {
  indicatorId: number;
  period: string;
  locationCode: string;
  disaggregation: Record<string, unknown>;
  comment?: string | null;
  /** The version the writer read; absent or null for a cell that had no value. */
  version?: number | null;
};

export type StoredValue = {
  id: number;
  indicatorId: number;
  period: string;
  locationCode: string;
  disaggregation: OptionSet;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  status: DataValue["status"];
  comment: string | null;
  version: number;
  enteredBy: number;
  updatedAt: string;
};

type SavedOutcome = {
  kind: "saved";
  values: (StoredValue | { deleted: true; indicatorId: number; period: string; locationCode: string; disaggregation: OptionSet })[];
  warnings: { index: number; warning: Warning }[];
  /** The same key and body were written before: this is that write's outcome, and nothing was written now. */
  replayed?: true;
};

export type RecordOutcome =
  | SavedOutcome
  | { kind: "forbidden" }
  | { kind: "invalid"; problems: { index: number; problem: Problem }[] }
  /** `changedBy`: the name of who wrote the current value, for the manager who must choose. */
  | { kind: "conflict"; conflicts: { index: number; current: StoredValue | null; changedBy: string | null }[] }
  /** The `Idempotency-Key` was used before for another body. */
  | { kind: "key_reused" };

type Prepared = {
  index: number;
  input: DataValueInput;
  indicator: Indicator;
  project: Project;
  locationId: number;
  key: string;
  figure: FigureParts | null;
  existing: DataValue | null;
};

/**
 * The one way figures change. Checks that the caller manages the projects, validates every cell
 * (figure, period, place, options, breakdowns that add up with what is already stored), refuses a
 * stale version, then writes the values and their audit entries in one transaction: all or none.
 * An empty cell deletes the value: missing is not zero.
 */
export async function recordDataValues(ctx: QueryContext, inputs: readonly DataValueInput[], options: { today: string; idempotency?: IdempotencyKey }): Promise<RecordOutcome> {
  const db = dbOf(ctx);
  return await db.write(async (tx) => {
    // Before any other check: a write done before answers as it did, even if the caller's rights changed since.
    const before = options.idempotency ? await findIdempotentWrite<SavedOutcome>(tx, ctx.viewer.userId, options.idempotency) : { kind: "new" as const };
    if (before.kind === "replay") return { ...before.outcome, replayed: true };
    if (before.kind === "reused") return { kind: "key_reused" };
    const indicatorIds = [...new Set(inputs.map((i) => i.indicatorId))];
    const indicatorRows = indicatorIds.length === 0 ? [] : await tx.select().from(indicators).where(inArray(indicators.id, indicatorIds));
    const byId = new Map(indicatorRows.map((i) => [i.id, i]));
    const managed = new Set(await projectsWhere({ ...ctx, db }, "enter"));
    if (indicatorRows.some((i) => !managed.has(i.projectId))) return { kind: "forbidden" };

    const problems: { index: number; problem: Problem }[] = [];
    const prepared: Prepared[] = [];
    const seen = new Set<string>();
    const context = await loadContext(tx, [...new Set(indicatorRows.map((i) => i.projectId))], indicatorIds);

    // One cell after the other: each check may read what is stored, and a cell is checked once.
    const checkCell = async (input: DataValueInput, index: number) => {
      const fail = (problem: Problem) => problems.push({ index, problem });
      // Refused with its own message, never cut out (lib/validation/null-character.ts says why).
      if (holdsNullCharacter(input.comment)) return fail({ code: "comment_null_character" });
      const indicator = byId.get(input.indicatorId);
      if (!indicator) return fail({ code: "unknown_indicator" });
      if (indicator.source !== "manual") return fail({ code: "computed_indicator" });
      const project = context.projects.get(indicator.projectId) as Project;
      const periodProblem = checkReportingPeriod(input.period, project, options.today);
      if (periodProblem) return fail(periodProblem);
      const status = (await findProjectPeriod(tx, project.id, input.period))?.status ?? "draft";
      if (!isEditable(status)) return fail({ code: "period_locked", period: input.period, status });
      const locationId = context.locations.get(project.id)?.get(input.locationCode);
      if (locationId === undefined) return fail({ code: "unknown_location", location: input.locationCode });
      const optionSet = readOptionSet(input.disaggregation);
      if (!optionSet) return fail({ code: "unknown_dimension", dimension: "?" });
      const optionProblem = checkOptionSet(optionSet, context.dimensions.get(indicator.id) ?? {});
      if (optionProblem)
        return fail(
          optionProblem.kind === "unknown_dimension"
            ? { code: "unknown_dimension", dimension: optionProblem.dimension }
            : { code: "unknown_option", dimension: optionProblem.dimension, option: optionProblem.option },
        );
      const figure = checkFigure(indicator.measure, input);
      if (!figure.ok) return figure.problems.forEach(fail);
      const key = encodeOptionKey(optionSet);
      const cell = `${indicator.id}|${input.period}|${locationId}|${key}`;
      if (seen.has(cell)) return fail({ code: "duplicate_cell" });
      seen.add(cell);
      const existing =
        (
          await tx
            .select()
            .from(dataValues)
            .where(and(eq(dataValues.indicatorId, indicator.id), eq(dataValues.period, input.period), eq(dataValues.locationId, locationId), eq(dataValues.disaggregation, key)))
        )[0] ?? null;
      prepared.push({ index, input, indicator, project, locationId, key, figure: figure.figure, existing });
    };
    for (const [index, input] of inputs.entries()) await checkCell(input, index);

    const conflicts = prepared
      .filter((p) => (p.existing ? p.input.version !== p.existing.version : p.input.version !== undefined && p.input.version !== null))
      .map((p) => ({ index: p.index, current: p.existing ? toStored(p.existing, p.input.locationCode) : null }));
    if (conflicts.length > 0) {
      const writers = await namesOf(tx, conflicts.flatMap((c) => (c.current ? [c.current.enteredBy] : [])));
      return { kind: "conflict", conflicts: conflicts.map((c) => ({ ...c, changedBy: c.current ? (writers.get(c.current.enteredBy) ?? null) : null })) };
    }

    problems.push(...(await breakdownProblems(tx, prepared)));
    if (problems.length > 0) return { kind: "invalid", problems: problems.sort((a, b) => a.index - b.index) };

    const now = new Date().toISOString();
    const saved: SavedOutcome["values"] = [];
    const warnings: { index: number; warning: Warning }[] = [];
    const reopened = new Set<string>();
    for (const p of prepared) {
      const periodKey = `${p.project.id}|${p.input.period}`;
      if (!reopened.has(periodKey)) {
        await returnedToDraft(tx, ctx.viewer.userId, p.project.id, p.input.period, now);
        reopened.add(periodKey);
      }
      // A comment is kept exactly as typed (exports neutralise it); only a blank one is no comment.
      const comment = p.input.comment === undefined ? (p.existing?.comment ?? null) : p.input.comment === null || p.input.comment.trim() === "" ? null : p.input.comment;
      const before = p.existing ? figureOf(p.existing) : null;
      const disaggregation = decodeOptionKey(p.key) ?? {};
      if (!p.figure) {
        if (!p.existing) continue;
        await tx.delete(dataValues).where(eq(dataValues.id, p.existing.id));
        await audit(tx, ctx.viewer.userId, "data_value.delete", p.existing.id, p.project.id, { cell: cellOf(p), before, comment: p.existing.comment });
        saved.push({ deleted: true, indicatorId: p.indicator.id, period: p.input.period, locationCode: p.input.locationCode, disaggregation });
        continue;
      }
      const row = p.existing
        ? (
            await tx
              .update(dataValues)
              .set({ ...p.figure, comment, status: "draft", enteredBy: ctx.viewer.userId, enteredAt: now, version: p.existing.version + 1 })
              .where(eq(dataValues.id, p.existing.id))
              .returning()
          )[0]!
        : (
            await tx
              .insert(dataValues)
              .values({
                indicatorId: p.indicator.id,
                period: p.input.period,
                locationId: p.locationId,
                disaggregation: p.key,
                ...p.figure,
                comment,
                status: "draft",
                enteredBy: ctx.viewer.userId,
                enteredAt: now,
              })
              .returning()
          )[0]!;
      await audit(tx, ctx.viewer.userId, p.existing ? "data_value.update" : "data_value.create", row.id, p.project.id, {
        cell: cellOf(p),
        before,
        after: figureOf(row),
        comment,
      });
      saved.push(toStored(row, p.input.locationCode));
      const warning = await compareWithPrevious(tx, p, row);
      if (warning) warnings.push({ index: p.index, warning });
    }
    const outcome: SavedOutcome = { kind: "saved", values: saved, warnings };
    if (options.idempotency) await rememberIdempotentWrite(tx, ctx.viewer.userId, options.idempotency, outcome, new Date(now));
    return outcome;
  });
}

async function namesOf(tx: Executor, ids: number[]): Promise<Map<number, string>> {
  if (ids.length === 0) return new Map();
  const rows = await tx.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, [...new Set(ids)]));
  return new Map(rows.map((u) => [u.id, u.name]));
}

function readOptionSet(raw: Record<string, unknown>): OptionSet | null {
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) return null;
  const entries = Object.entries(raw);
  if (entries.some(([, option]) => typeof option !== "string")) return null;
  return Object.fromEntries(entries) as OptionSet;
}

async function loadContext(tx: Executor, projectIds: number[], indicatorIds: number[]) {
  const projectRows = projectIds.length === 0 ? [] : await tx.select().from(projects).where(inArray(projects.id, projectIds));
  const locationRows =
    projectIds.length === 0
      ? []
      : await tx
          .select({ projectId: projectLocations.projectId, id: locations.id, code: locations.code })
          .from(projectLocations)
          .innerJoin(locations, eq(projectLocations.locationId, locations.id))
          .where(inArray(projectLocations.projectId, projectIds));
  const locationsByProject = new Map<number, Map<string, number>>();
  for (const l of locationRows) locationsByProject.set(l.projectId, (locationsByProject.get(l.projectId) ?? new Map()).set(l.code, l.id));
  const dimensionRows =
    indicatorIds.length === 0
      ? []
      : await tx
          .select({ indicatorId: indicatorDimensions.indicatorId, dimension: dimensions.code, option: dimensionOptions.code })
          .from(indicatorDimensions)
          .innerJoin(dimensions, eq(indicatorDimensions.dimensionId, dimensions.id))
          .innerJoin(dimensionOptions, eq(dimensionOptions.dimensionId, dimensions.id))
          .where(inArray(indicatorDimensions.indicatorId, indicatorIds));
  const dims = new Map<number, Record<string, string[]>>();
  for (const d of dimensionRows) {
    const entry = dims.get(d.indicatorId) ?? {};
    (entry[d.dimension] ??= []).push(d.option);
    dims.set(d.indicatorId, entry);
  }
  return { projects: new Map(projectRows.map((p) => [p.id, p])), locations: locationsByProject, dimensions: dims };
}

/** Breakdowns must add up to their totals once the batch is merged with what is stored. */
async function breakdownProblems(tx: Executor, prepared: readonly Prepared[]): Promise<{ index: number; problem: Problem }[]> {
  const groups = new Map<string, Prepared[]>();
  for (const p of prepared) {
    const group = `${p.indicator.id}|${p.input.period}|${p.locationId}`;
    groups.set(group, [...(groups.get(group) ?? []), p]);
  }
  const problems: { index: number; problem: Problem }[] = [];
  for (const batch of groups.values()) {
    const first = batch[0] as Prepared;
    const stored = await tx
      .select()
      .from(dataValues)
      .where(and(eq(dataValues.indicatorId, first.indicator.id), eq(dataValues.period, first.input.period), eq(dataValues.locationId, first.locationId)));
    const merged = new Map<string, FigureParts>(stored.map((v) => [v.disaggregation, figureOf(v)]));
    for (const p of batch) {
      if (p.figure) merged.set(p.key, p.figure);
      else merged.delete(p.key);
    }
    const parts: ((f: FigureParts) => number)[] = first.indicator.measure === "number" ? [(f) => f.value ?? 0] : [(f) => f.numerator ?? 0, (f) => f.denominator ?? 0];
    for (const amountOf of parts) {
      for (const mismatch of findMismatches([...merged].map(([key, figure]) => ({ key, amount: amountOf(figure) })))) {
        const involved = batch.filter((p) => p.key === mismatch.parentKey || isChildOf(p.key, mismatch.parentKey, mismatch.dimension));
        for (const p of involved.length > 0 ? involved : batch) {
          problems.push({ index: p.index, problem: { code: "breakdown_mismatch", dimension: mismatch.dimension, expected: mismatch.expected, actual: mismatch.actual } });
        }
      }
    }
  }
  return problems;
}

function isChildOf(key: string, parentKey: string, dimension: string): boolean {
  const options = decodeOptionKey(key);
  if (!options || !(dimension in options)) return false;
  const { [dimension]: _option, ...rest } = options;
  return encodeOptionKey(rest) === parentKey;
}

/** Editing a returned period takes it back to draft: it must be submitted again. */
async function returnedToDraft(tx: Executor, userId: number, projectId: number, period: string, now: string): Promise<void> {
  const row = await findProjectPeriod(tx, projectId, period);
  if (row?.status !== "returned") return;
  await tx
    .update(projectPeriods)
    .set({ status: "draft", version: row.version + 1 })
    .where(eq(projectPeriods.id, row.id));
  const ids = (await tx.select({ id: indicators.id }).from(indicators).where(eq(indicators.projectId, projectId))).map((i) => i.id);
  await tx
    .update(dataValues)
    .set({ status: "draft" })
    .where(and(inArray(dataValues.indicatorId, ids), eq(dataValues.period, period)));
  await audit(tx, userId, "period.edit_returned", row.id, projectId, { period, before: "returned", after: "draft", at: now });
}

async function compareWithPrevious(tx: Executor, p: Prepared, row: DataValue): Promise<Warning | null> {
  const previous = (
    await tx
      .select()
      .from(dataValues)
      .where(
        and(
          eq(dataValues.indicatorId, p.indicator.id),
          eq(dataValues.period, previousPeriod(p.input.period)),
          eq(dataValues.locationId, p.locationId),
          eq(dataValues.disaggregation, p.key),
        ),
      )
  )[0];
  return previous ? checkFigureAgainstPrevious(figureOf(row), { figure: figureOf(previous), period: previous.period }) : null;
}

function figureOf(v: { value: number | null; numerator: number | null; denominator: number | null }): FigureParts {
  return { value: v.value, numerator: v.numerator, denominator: v.denominator };
}

function cellOf(p: Prepared) {
  return { indicatorId: p.indicator.id, period: p.input.period, locationCode: p.input.locationCode, disaggregation: p.key };
}

async function audit(tx: Executor, userId: number, action: string, entityId: number, projectId: number, details: unknown): Promise<void> {
  await recordAudit(tx, { userId, action, entityType: action.split(".")[0] ?? "data_value", entityId, projectId, details });
}

export function toStored(row: DataValue, locationCode: string): StoredValue {
  return {
    id: row.id,
    indicatorId: row.indicatorId,
    period: row.period,
    locationCode,
    disaggregation: decodeOptionKey(row.disaggregation) ?? {},
    value: row.value,
    numerator: row.numerator,
    denominator: row.denominator,
    status: row.status,
    comment: row.comment,
    version: row.version,
    enteredBy: row.enteredBy,
    updatedAt: row.updatedAt,
  };
}
