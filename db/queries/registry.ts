import "server-only";
import { measureReach, type Reach } from "../../lib/beneficiaries/reach";
import { eq } from "drizzle-orm";
import { loadRegistry, servicesUpTo, type DatedRecord } from "../records/registry";
import { beneficiaries } from "../schema";
import { AccessDeniedError } from "./errors";
import { approvedCutoffs } from "./approved-cutoffs";
import { dbOf, seesUnapprovedFigures, visibleProjectIds, type QueryContext } from "./viewer";

/**
 * Unique direct beneficiaries, people per service, overlaps and indirect beneficiaries of visible
 * projects taken together: a person registered in two of them counts once.
 */
export function getReach(ctx: QueryContext, projectIds: readonly number[]): Reach {
  const visible = new Set(visibleProjectIds(ctx));
  const hidden = projectIds.filter((id) => !visible.has(id));
  if (hidden.length > 0) throw new AccessDeniedError(`projects ${hidden.join(", ")}`);
  return measureReach(servicesUpTo(registryAsSeen(ctx, projectIds)), null);
}

/**
 * The registry as the viewer sees it: donors see the services given up to the end of each project's
 * latest approved period, as the indicators computed from the registry were frozen then.
 */
function registryAsSeen(ctx: QueryContext, projectIds: readonly number[]): DatedRecord[] {
  const db = dbOf(ctx);
  const records = loadRegistry(db, projectIds);
  if (seesUnapprovedFigures(ctx.viewer)) return records;
  const cutoffs = approvedCutoffs(db, projectIds);
  return records.map((r) => {
    const cutoff = cutoffs.get(r.projectId);
    return { ...r, services: cutoff === undefined ? [] : r.services.filter((s) => s.receivedOn <= cutoff) };
  });
}

/** Unique direct beneficiaries of a visible project by the place they are registered in. */
export function getReachByLocation(ctx: QueryContext, projectId: number): Map<number, number> {
  if (!visibleProjectIds(ctx).includes(projectId)) throw new AccessDeniedError(`project ${projectId}`);
  const db = dbOf(ctx);
  const places = new Map(
    db.select({ ref: beneficiaries.ref, locationId: beneficiaries.locationId }).from(beneficiaries).where(eq(beneficiaries.projectId, projectId)).all().map((b) => [b.ref, b.locationId]),
  );
  const byPlace = new Map<number, ReturnType<typeof servicesUpTo>>();
  for (const record of servicesUpTo(registryAsSeen(ctx, [projectId]))) {
    const place = places.get(record.ref);
    if (place === undefined) continue;
    const list = byPlace.get(place);
    if (list) list.push(record);
    else byPlace.set(place, [record]);
  }
  return new Map([...byPlace].map(([place, records]) => [place, measureReach(records, null).uniqueDirect]));
}
