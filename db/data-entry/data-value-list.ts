import "server-only";
import { and, asc, eq, inArray } from "drizzle-orm";
import { decodeOptionKey, type OptionSet } from "../../lib/disaggregation/option-key";
import { auditLog, dataValues, indicators, locations, users } from "../tables";
import { AccessDeniedError } from "../errors";
import { type StoredValue } from "./data-values";
import { valuesTable } from "../figures/values-table";
import { dbOf, may, seesUnapprovedFigures, type QueryContext } from "../users/viewer";

export type ListedValue = Omit<StoredValue, "version" | "enteredBy" | "updatedAt"> & { version: number | null };

/**
 * The values of a visible project (of one period, when given) in a stable order: indicator, period,
 * place, options. Donors, and whoever asks for approved only, get the figures as approved.
 */
export async function listDataValues(ctx: QueryContext, projectId: number, options: { period?: string; approvedOnly?: boolean } = {}): Promise<ListedValue[]> {
  if (!(await may(ctx, "see", projectId))) throw new AccessDeniedError(`project ${projectId}`);
  const db = dbOf(ctx);
  const manual = (
    await db
      .select({ id: indicators.id })
      .from(indicators)
      .where(and(eq(indicators.projectId, projectId), eq(indicators.source, "manual")))
  ).map((i) => i.id);
  if (manual.length === 0) return [];
  const source = seesUnapprovedFigures(ctx.viewer) && !options.approvedOnly ? "entered" : "approved";
  const table = valuesTable(source);
  const rows = await db
    .select({
      id: table.id,
      indicatorId: table.indicatorId,
      period: table.period,
      locationCode: locations.code,
      disaggregation: table.disaggregation,
      value: table.value,
      numerator: table.numerator,
      denominator: table.denominator,
    })
    .from(table)
    .innerJoin(indicators, eq(table.indicatorId, indicators.id))
    .innerJoin(locations, eq(table.locationId, locations.id))
    .where(and(inArray(table.indicatorId, manual), options.period ? eq(table.period, options.period) : undefined))
    .orderBy(asc(indicators.position), asc(indicators.id), asc(table.period), asc(locations.code), asc(table.disaggregation));
  // The workflow's columns are the entered figures' own; an approved figure is approved, and has no version to write against.
  const workflow =
    source === "entered" && rows.length > 0
      ? new Map(
          (
            await db
              .select({ id: dataValues.id, status: dataValues.status, comment: dataValues.comment, version: dataValues.version })
              .from(dataValues)
              .where(and(inArray(dataValues.indicatorId, manual), options.period ? eq(dataValues.period, options.period) : undefined))
          ).map((w) => [w.id, w]),
        )
      : null;
  return rows.map((row) => {
    const own = workflow?.get(row.id);
    return {
      ...row,
      disaggregation: decodeOptionKey(row.disaggregation) ?? ({} as OptionSet),
      status: own?.status ?? ("approved" as const),
      comment: own?.comment ?? null,
      version: own?.version ?? null,
    };
  });
}

export type CellHistoryEntry = { at: string; userName: string | null; action: string; before: unknown; after: unknown; comment: string | null };

/** Every change of one cell, newest first, from the audit trail. For those who see figures in review. */
export async function getCellHistory(
  ctx: QueryContext,
  projectId: number,
  cell: { indicatorId: number; period: string; locationCode: string; disaggregation: string },
): Promise<CellHistoryEntry[]> {
  if (!(await may(ctx, "see", projectId)) || !seesUnapprovedFigures(ctx.viewer)) throw new AccessDeniedError(`history of project ${projectId}`);
  const rows = await dbOf(ctx)
    .select({ at: auditLog.at, action: auditLog.action, details: auditLog.details, userName: users.name })
    .from(auditLog)
    .leftJoin(users, eq(auditLog.userId, users.id))
    .where(and(eq(auditLog.projectId, projectId), eq(auditLog.entityType, "data_value")))
    .orderBy(asc(auditLog.id));
  return rows
    .map((row) => ({ ...row, details: JSON.parse(row.details ?? "{}") as { cell?: typeof cell; before?: unknown; after?: unknown; comment?: string | null } }))
    .filter(({ details }) => {
      const c = details.cell;
      return c?.indicatorId === cell.indicatorId && c.period === cell.period && c.locationCode === cell.locationCode && c.disaggregation === cell.disaggregation;
    })
    .map(({ at, action, userName, details }) => ({ at, action, userName, before: details.before ?? null, after: details.after ?? null, comment: details.comment ?? null }))
    .reverse();
}
