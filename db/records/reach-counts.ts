// The counts of lib/beneficiaries/reach.ts, run as SQL over the registry so that no page loads the
// registry into memory. measureReach is the specification; reach-counts.test.ts holds them equal.
import { sql } from "drizzle-orm";
import type { Reach } from "../../lib/beneficiaries/reach";
import type { Executor } from "../client";

/**
 * The projects counted, each with the last day of the services it counts: `null` counts every
 * service, a date the services received up to it (inclusive).
 */
export type ReachScope = { projects: readonly { id: number; upTo: string | null }[]; serviceCode?: string };

// The people of the scope's projects, each with a service received within it. A person's household
// is the smallest household reference of their records and their size the largest one known, with
// the project's household size where a record has none (as measureReach is given them).
const scopeCtes = (scope: ReachScope) => sql`
  scope AS (
    SELECT json_extract(value, '$[0]') AS project_id, json_extract(value, '$[1]') AS up_to
    FROM json_each(${JSON.stringify(scope.projects.map((p) => [p.id, p.upTo]))})
  ),
  person AS (
    SELECT b.ref, min(b.household_ref) AS household_ref, max(coalesce(b.household_size, p.household_size)) AS size
    FROM scope JOIN beneficiaries b ON b.project_id = scope.project_id JOIN projects p ON p.id = b.project_id
    GROUP BY b.ref
  ),
  received AS (
    SELECT DISTINCT b.ref, st.code
    FROM scope
    JOIN beneficiaries b ON b.project_id = scope.project_id
    JOIN beneficiary_services s ON s.beneficiary_id = b.id
    JOIN service_types st ON st.id = s.service_type_id
    WHERE (scope.up_to IS NULL OR s.received_on <= scope.up_to) AND (${scope.serviceCode ?? null} IS NULL OR st.code = ${scope.serviceCode ?? null})
  ),
  reached AS (SELECT ref, count(*) AS services FROM received GROUP BY ref)`;

type CountRow = { kind: "service" | "services" | "registered" | "indirect"; key: string | number | null; n: number | null };

/**
 * The reach of a scope (see measureReach, without a default household size) and how many records
 * the registry holds there: none means the projects keep no registry, which is not zero people.
 */
export function countReach(db: Executor, scope: ReachScope): { reach: Reach; registered: number } {
  const rows = db.all<CountRow>(sql`
    WITH ${scopeCtes(scope)},
    household AS (
      SELECT max(person.size) AS size FROM person JOIN reached USING (ref) WHERE person.household_ref IS NOT NULL GROUP BY person.household_ref
      UNION ALL
      SELECT person.size FROM person JOIN reached USING (ref) WHERE person.household_ref IS NULL
    )
    SELECT 'service' AS kind, code AS key, count(*) AS n FROM received GROUP BY code
    UNION ALL SELECT 'services', services, count(*) FROM reached GROUP BY services
    UNION ALL SELECT 'registered', NULL, count(*) FROM (SELECT 1 FROM scope JOIN beneficiaries b ON b.project_id = scope.project_id)
    UNION ALL SELECT 'indirect', count(*) - count(size), sum(size) FROM household`);

  const reach: Reach = { uniqueDirect: 0, byService: {}, byNumberOfServices: {}, indirect: 0 };
  let registered = 0;
  for (const { kind, key, n } of rows) {
    if (kind === "service") reach.byService[String(key)] = n ?? 0;
    else if (kind === "services") {
      reach.byNumberOfServices[Number(key)] = n ?? 0;
      reach.uniqueDirect += n ?? 0;
    } else if (kind === "registered") registered = n ?? 0;
    // For "indirect", key holds the households of unknown size and n the sum of the known sizes.
    else reach.indirect = Number(key) > 0 ? null : (n ?? 0);
  }
  return { reach, registered };
}

/** Unique people reached in one project, by the place they are registered in (location id). */
export function countReachedByLocation(db: Executor, projectId: number, upTo: string | null): Map<number, number> {
  const rows = db.all<{ locationId: number; n: number }>(sql`
    SELECT b.location_id AS locationId, count(DISTINCT b.ref) AS n
    FROM beneficiaries b
    WHERE b.project_id = ${projectId}
      AND EXISTS (SELECT 1 FROM beneficiary_services s WHERE s.beneficiary_id = b.id AND (${upTo} IS NULL OR s.received_on <= ${upTo}))
    GROUP BY b.location_id`);
  return new Map(rows.map((r) => [r.locationId, r.n]));
}

/**
 * For each scope of a list (a project, a date or none, a kind of service or any), the unique people
 * who received such a service by then, and how many records the project's registry holds:
 * countReach's `uniqueDirect` and `registered` for many scopes in one query, by the scopes' keys.
 */
export function countReachedPerScope(db: Executor, scopes: readonly { key: number; projectId: number; upTo: string | null; serviceCode: string | null }[]): Map<number, { reached: number; registered: number }> {
  if (scopes.length === 0) return new Map();
  const rows = db.all<{ key: number; reached: number; registered: number }>(sql`
    WITH scope AS (
      SELECT json_extract(value, '$[0]') AS key, json_extract(value, '$[1]') AS project_id, json_extract(value, '$[2]') AS up_to, json_extract(value, '$[3]') AS service_code
      FROM json_each(${JSON.stringify(scopes.map((s) => [s.key, s.projectId, s.upTo, s.serviceCode]))})
    )
    SELECT scope.key AS key, count(*) AS registered,
      count(DISTINCT CASE WHEN EXISTS (
        SELECT 1 FROM beneficiary_services s JOIN service_types st ON st.id = s.service_type_id
        WHERE s.beneficiary_id = b.id AND (scope.up_to IS NULL OR s.received_on <= scope.up_to) AND (scope.service_code IS NULL OR st.code = scope.service_code)
      ) THEN b.ref END) AS reached
    FROM scope JOIN beneficiaries b ON b.project_id = scope.project_id
    GROUP BY scope.key`);
  return new Map(rows.map((r) => [r.key, { reached: r.reached, registered: r.registered }]));
}
