import "server-only";
import type { Reach } from "../../lib/beneficiaries/reach";
import { countReach, countReachedByLocation, type ReachScope } from "../records/reach-counts";
import { AccessDeniedError } from "./errors";
import { approvedCutoffs } from "./approved-cutoffs";
import { canSeeProject, dbOf, seesUnapprovedFigures, visibleProjectIds, type QueryContext } from "./viewer";

/**
 * Unique direct beneficiaries, people per service, overlaps and indirect beneficiaries of visible
 * projects taken together: a person registered in two of them counts once. `upTo` (a date) counts
 * the services received by then.
 */
export function getReach(ctx: QueryContext, projectIds: readonly number[], options: { upTo?: string } = {}): Reach {
  const visible = new Set(visibleProjectIds(ctx));
  const hidden = projectIds.filter((id) => !visible.has(id));
  if (hidden.length > 0) throw new AccessDeniedError(`projects ${hidden.join(", ")}`);
  return countReach(dbOf(ctx), scopeAsSeen(ctx, projectIds, options.upTo)).reach;
}

// Before every date: a donor's project without an approved period shows no service yet.
const NO_SERVICE_YET = "";

/**
 * The registry as the viewer sees it: donors see the services given up to the end of each project's
 * latest approved period, as the indicators computed from the registry were frozen then.
 */
function scopeAsSeen(ctx: QueryContext, projectIds: readonly number[], upTo: string | null = null): ReachScope {
  const cutoffs = seesUnapprovedFigures(ctx.viewer) ? null : approvedCutoffs(dbOf(ctx), projectIds);
  // As of a date: the services received by then, and no later than what the viewer may see.
  const earlier = (a: string | null, b: string | null) => (a === null ? b : b === null || a < b ? a : b);
  return { projects: projectIds.map((id) => ({ id, upTo: earlier(upTo, cutoffs === null ? null : (cutoffs.get(id) ?? NO_SERVICE_YET)) })) };
}

/** Unique direct beneficiaries of a visible project by the place they are registered in. */
export function getReachByLocation(ctx: QueryContext, projectId: number): Map<number, number> {
  if (!canSeeProject(ctx, projectId)) throw new AccessDeniedError(`project ${projectId}`);
  const [scope] = scopeAsSeen(ctx, [projectId]).projects;
  return countReachedByLocation(dbOf(ctx), projectId, scope?.upTo ?? null);
}
