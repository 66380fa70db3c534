import "server-only";
import { asc, eq } from "drizzle-orm";
import { indicators, results, serviceTypes, type Indicator } from "../schema";
import { AccessDeniedError } from "./errors";
import type { RevisionEntry } from "../../lib/indicators/revision-entry";
import { listIndicatorRevisions } from "./framework-editing";
import { dbOf, managedProjectIds, type QueryContext } from "./viewer";

/** The framework as its editor sees it: results, indicators with their revisions, and the services that can be counted. */
export function getFrameworkForEditing(ctx: QueryContext, projectId: number) {
  if (!managedProjectIds(ctx).includes(projectId)) throw new AccessDeniedError(`framework of project ${projectId}`);
  const db = dbOf(ctx);
  const list = db.select().from(indicators).where(eq(indicators.projectId, projectId)).orderBy(asc(indicators.position)).all();
  return {
    results: db.select().from(results).where(eq(results.projectId, projectId)).orderBy(asc(results.position)).all(),
    indicators: list.map((indicator) => ({ indicator, revisions: listIndicatorRevisions(ctx, indicator) })),
    services: db.select().from(serviceTypes).orderBy(asc(serviceTypes.code)).all(),
  };
}

export type EditableIndicator = { indicator: Indicator; revisions: RevisionEntry[] };
