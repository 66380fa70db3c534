import "server-only";
import type { Reach } from "../../lib/beneficiaries/reach";
import { periodEnd } from "../../lib/periods/period";
import { countReach, countReachedByLocation, type ReachScope } from "../records/reach-counts";
import { AccessDeniedError } from "../errors";
import { assertSees, dbOf, may, seesUnapprovedFigures, type QueryContext } from "../users/viewer";

/**
 * How the viewer reads the registry: donors, and whoever asks for approved figures only, count what
 * the approvals recorded (a record added or changed since inside an approved period is not there
 * until the period is approved again); everyone else counts the registry as it is. `through` (a
 * period) counts what was dated up to its end.
 */
export type RegistryView = { through?: string; approvedOnly?: boolean };

/** Whether the viewer reads what the approvals recorded rather than the records as they are. */
export function readsApproved(ctx: QueryContext, view: { approvedOnly?: boolean }): boolean {
  return view.approvedOnly === true || !seesUnapprovedFigures(ctx.viewer);
}

function scopeAsSeen(ctx: QueryContext, projectIds: readonly number[], view: RegistryView): ReachScope {
  const through = view.through ?? null;
  if (readsApproved(ctx, view)) return { source: "approved", projects: projectIds.map((id) => ({ id, through })) };
  return { source: "live", projects: projectIds.map((id) => ({ id, upTo: through === null ? null : periodEnd(through) })) };
}

/**
 * Unique direct beneficiaries, people per service, overlaps and indirect beneficiaries of visible
 * projects taken together: a person registered in two of them counts once.
 */
export async function getReach(ctx: QueryContext, projectIds: readonly number[], view: RegistryView = {}): Promise<Reach> {
  await assertSees(ctx, projectIds);
  return (await countReach(dbOf(ctx), scopeAsSeen(ctx, projectIds, view))).reach;
}

/** Unique direct beneficiaries of a visible project by the place they are registered in. */
export async function getReachByLocation(ctx: QueryContext, projectId: number, view: RegistryView = {}): Promise<Map<number, number>> {
  if (!(await may(ctx, "see", projectId))) throw new AccessDeniedError(`project ${projectId}`);
  const scope = scopeAsSeen(ctx, [projectId], view);
  return scope.source === "approved"
    ? await countReachedByLocation(dbOf(ctx), projectId, scope.projects[0]?.through ?? null, "approved")
    : await countReachedByLocation(dbOf(ctx), projectId, scope.projects[0]?.upTo ?? null);
}
