import "server-only";
import { asc, eq } from "drizzle-orm";
import { indicators, results, serviceTypes, type Indicator } from "../tables";
import { AccessDeniedError } from "../errors";
import type { RevisionEntry } from "../../lib/indicators/revision-entry";
import { listIndicatorRevisions } from "./framework-editing";
import { dbOf, may, type QueryContext } from "../users/viewer";

/** The framework as its editor sees it: results, indicators with their revisions, and the services that can be counted. */
export async function getFrameworkForEditing(ctx: QueryContext, projectId: number) {
  if (!(await may(ctx, "manage_framework", projectId))) throw new AccessDeniedError(`framework of project ${projectId}`);
  const db = dbOf(ctx);
  const list = await db.select().from(indicators).where(eq(indicators.projectId, projectId)).orderBy(asc(indicators.position));
  return {
    results: await db.select().from(results).where(eq(results.projectId, projectId)).orderBy(asc(results.position)),
    indicators: await Promise.all(list.map(async (indicator) => ({ indicator, revisions: await listIndicatorRevisions(ctx, indicator) }))),
    services: await db.select().from(serviceTypes).orderBy(asc(serviceTypes.code)),
  };
}

export type EditableIndicator = { indicator: Indicator; revisions: RevisionEntry[] };
