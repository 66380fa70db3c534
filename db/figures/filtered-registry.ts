import "server-only";
import { sql } from "drizzle-orm";
import { periodEnd } from "../../lib/periods/period";
import type { Executor } from "../engine/types";
import { countPeopleByPlace } from "../records/reach-counts";

// The registry knows each person's place, sex and group: an indicator counted from it can follow the
// dashboard's place filter and a sex or group breakdown. Other breakdowns (age…) it cannot.
const REGISTRY_DIMENSIONS = { sex: 3, group: 4 } as const;

/** Whether a breakdown ("sex=female") is one the registry records. */
export function registryBreaksDown(option: string | undefined): boolean {
  return option === undefined || option.split("=")[0]! in REGISTRY_DIMENSIONS;
}

/**
 * Per service code ("" for any service), the unique people of the project's registry who received
 * it at the filter's place and in its sex or group, up to the end of `to` (every period without).
 * Donors (approvedOnly) count from the copies the approvals recorded, as everywhere else.
 */
export async function registryCountsUnderFilter(
  db: Executor,
  projectId: number,
  serviceCodes: readonly string[],
  filter: { location?: string; option?: string; to?: string; approvedOnly: boolean },
): Promise<Map<string, number>> {
  const scope = filter.approvedOnly
    ? { source: "approved" as const, projects: [{ id: projectId, through: filter.to ?? null }] }
    : { projects: [{ id: projectId, upTo: filter.to ? periodEnd(filter.to) : null }] };
  const rows = await countPeopleByPlace(db, scope, serviceCodes, sql`l.code`);
  const [dimension, value] = filter.option?.split("=") ?? [];
  const column = dimension ? REGISTRY_DIMENSIONS[dimension as keyof typeof REGISTRY_DIMENSIONS] : undefined;
  // Rows are per project, place, sex and group (columns 1, 3, 4); a person sits in one row, so rows add up.
  const kept = rows.filter((row) => (!filter.location || row[1] === filter.location) && (column === undefined || row[column] === value));
  const sum = (index: number) => kept.reduce((total, row) => total + Number(row[index] ?? 0), 0);
  return new Map([["", sum(5)], ...serviceCodes.map((code, i) => [code, sum(6 + i)] as const)]);
}
