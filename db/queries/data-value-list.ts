import "server-only";
import { and, asc, eq, inArray } from "drizzle-orm";
import { decodeOptionKey, type OptionSet } from "../../lib/disaggregation/option-key";
import { approvedValues, auditLog, dataValues, indicators, locations, users } from "../schema";
import { AccessDeniedError } from "./errors";
import { toStored, type StoredValue } from "./data-values";
import { canSeeProject, dbOf, seesUnapprovedFigures, type QueryContext } from "./viewer";

export type ListedValue = Omit<StoredValue, "version" | "enteredBy" | "updatedAt"> & { version: number | null };

/**
 * The values of a visible project (of one period, when given) in a stable order: indicator, period,
 * place, options. Donors, and whoever asks for approved only, get the figures as approved.
 */
export function listDataValues(ctx: QueryContext, projectId: number, options: { period?: string; approvedOnly?: boolean } = {}): ListedValue[] {
  if (!canSeeProject(ctx, projectId)) throw new AccessDeniedError(`project ${projectId}`);
  const db = dbOf(ctx);
  const manual = db.select({ id: indicators.id }).from(indicators).where(and(eq(indicators.projectId, projectId), eq(indicators.source, "manual"))).all().map((i) => i.id);
  if (manual.length === 0) return [];
  if (seesUnapprovedFigures(ctx.viewer) && !options.approvedOnly) {
    return db
      .select({ row: dataValues, locationCode: locations.code })
      .from(dataValues)
      .innerJoin(indicators, eq(dataValues.indicatorId, indicators.id))
      .innerJoin(locations, eq(dataValues.locationId, locations.id))
      .where(and(inArray(dataValues.indicatorId, manual), options.period ? eq(dataValues.period, options.period) : undefined))
      .orderBy(asc(indicators.position), asc(indicators.id), asc(dataValues.period), asc(locations.code), asc(dataValues.disaggregation))
      .all()
      .map(({ row, locationCode }) => {
        const { enteredBy: _by, updatedAt: _at, ...listed } = toStored(row, locationCode);
        return listed;
      });
  }
  return db
    .select({ row: approvedValues, locationCode: locations.code })
    .from(approvedValues)
    .innerJoin(indicators, eq(approvedValues.indicatorId, indicators.id))
    .innerJoin(locations, eq(approvedValues.locationId, locations.id))
    .where(and(inArray(approvedValues.indicatorId, manual), options.period ? eq(approvedValues.period, options.period) : undefined))
    .orderBy(asc(indicators.position), asc(indicators.id), asc(approvedValues.period), asc(locations.code), asc(approvedValues.disaggregation))
    .all()
    .map(({ row, locationCode }) => ({
      id: row.id,
      indicatorId: row.indicatorId,
      period: row.period,
      locationCode,
      disaggregation: decodeOptionKey(row.disaggregation) ?? ({} as OptionSet),
      value: row.value,
      numerator: row.numerator,
      denominator: row.denominator,
      status: "approved" as const,
      comment: null,
      version: null,
    }));
}

export type CellHistoryEntry = { at: string; userName: string | null; action: string; before: unknown; after: unknown; comment: string | null };

/** Every change of one cell, newest first, from the audit trail. For those who see figures in review. */
export function getCellHistory(
  ctx: QueryContext,
  projectId: number,
  cell: { indicatorId: number; period: string; locationCode: string; disaggregation: string },
): CellHistoryEntry[] {
  if (!canSeeProject(ctx, projectId) || !seesUnapprovedFigures(ctx.viewer)) throw new AccessDeniedError(`history of project ${projectId}`);
  const rows = dbOf(ctx)
    .select({ at: auditLog.at, action: auditLog.action, details: auditLog.details, userName: users.name })
    .from(auditLog)
    .leftJoin(users, eq(auditLog.userId, users.id))
    .where(and(eq(auditLog.projectId, projectId), eq(auditLog.entityType, "data_value")))
    .orderBy(asc(auditLog.id))
    .all();
  return rows
    .map((row) => ({ ...row, details: JSON.parse(row.details ?? "{}") as { cell?: typeof cell; before?: unknown; after?: unknown; comment?: string | null } }))
    .filter(({ details }) => {
      const c = details.cell;
      return c?.indicatorId === cell.indicatorId && c.period === cell.period && c.locationCode === cell.locationCode && c.disaggregation === cell.disaggregation;
    })
    .map(({ at, action, userName, details }) => ({ at, action, userName, before: details.before ?? null, after: details.after ?? null, comment: details.comment ?? null }))
    .reverse();
}
