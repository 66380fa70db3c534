import "server-only";
import { measureReach, type Reach } from "../../lib/beneficiaries/reach";
import { loadRegistry, servicesUpTo } from "../records/registry";
import { AccessDeniedError } from "./errors";
import { dbOf, visibleProjectIds, type QueryContext } from "./viewer";

/**
 * Unique direct beneficiaries, people per service, overlaps and indirect beneficiaries of visible
 * projects taken together: a person registered in two of them counts once.
 */
export function getReach(ctx: QueryContext, projectIds: readonly number[], upToDate?: string): Reach {
  const visible = new Set(visibleProjectIds(ctx));
  const hidden = projectIds.filter((id) => !visible.has(id));
  if (hidden.length > 0) throw new AccessDeniedError(`projects ${hidden.join(", ")}`);
  return measureReach(servicesUpTo(loadRegistry(dbOf(ctx), projectIds), upToDate), null);
}
