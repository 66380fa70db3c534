// The counts of lib/beneficiaries/reach.ts, run as SQL over the registry so that no page loads the
// registry into memory. measureReach is the specification; reach-counts.test.ts holds them equal.
import { sql, type SQL } from "drizzle-orm";
import type { Reach } from "../../lib/beneficiaries/reach";
import { jsonRows } from "../engine/portable-sql";
import type { Executor } from "../engine/types";

/**
 * The projects counted and which of their records:
 * - live: the registry as it is, each project with the last day of the services it counts (`null`
 *   counts every service, a date the services received up to it, inclusive);
 * - approved: the copies its approvals recorded (db/records/approved-records.ts), each project up to
 *   a period (`null` for every approved one), each person as the latest approval in range saw them.
 */
export type LiveReachScope = { source?: "live"; projects: readonly { id: number; upTo: string | null }[]; serviceCode?: string };
export type ApprovedReachScope = { source: "approved"; projects: readonly { id: number; through: string | null }[]; serviceCode?: string };
export type ReachScope = LiveReachScope | ApprovedReachScope;

// The people of the scope's projects, each with a service received within it. A person's household
// is the smallest household reference of their records and their size the largest one known, with
// the project's household size where a record has none (as measureReach is given them). `registered`
// holds the records of people the scope knows: none means the projects keep no registry.
const scopeCtes = (scope: ReachScope) => {
  const serviceCode = scope.serviceCode;
  if (scope.source === "approved") {
    const projects = scope.projects.map((p) => [p.id, p.through]);
    return sql`
  scope AS ${jsonRows(projects, [
    ["project_id", "integer"],
    ["through", "text"],
  ])},
  copy AS (
    SELECT a.* FROM scope JOIN approved_services a ON a.project_id = scope.project_id AND (scope.through IS NULL OR a.period <= scope.through)
  ),
  record AS (
    SELECT project_id, ref, household_ref, household_size, location_id, sex, group_code FROM (
      SELECT copy.*, row_number() OVER (PARTITION BY project_id, ref ORDER BY period DESC) AS n FROM copy
    ) AS latest WHERE n = 1
  ),
  person AS (SELECT ref, min(household_ref) AS household_ref, max(household_size) AS size FROM record GROUP BY ref),
  received AS (SELECT DISTINCT ref, service_code AS code FROM copy WHERE ${serviceCode === undefined ? sql`true` : sql`service_code = ${serviceCode}`}),
  reached AS (SELECT ref, count(*) AS services FROM received GROUP BY ref),
  registered AS (SELECT count(*) AS n FROM record)`;
  }
  const projects = scope.projects.map((p) => [p.id, p.upTo]);
  return sql`
  scope AS ${jsonRows(projects, [
    ["project_id", "integer"],
    ["up_to", "text"],
  ])},
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
    WHERE (scope.up_to IS NULL OR s.received_on <= scope.up_to) AND ${serviceCode === undefined ? sql`true` : sql`st.code = ${serviceCode}`}
  ),
  reached AS (SELECT ref, count(*) AS services FROM received GROUP BY ref),
  registered AS (SELECT count(*) AS n FROM scope JOIN beneficiaries b ON b.project_id = scope.project_id)`;
};

type CountRow = { kind: "service" | "services" | "registered" | "indirect"; key: string | number | null; n: number | null };

/**
 * The reach of a scope (see measureReach, without a default household size) and how many records
 * the registry holds there: none means the projects keep no registry, which is not zero people.
 */
export async function countReach(db: Executor, scope: ReachScope): Promise<{ reach: Reach; registered: number }> {
  const rows = await db.all<CountRow>(sql`
    WITH ${scopeCtes(scope)},
    household AS (
      SELECT max(person.size) AS size FROM person JOIN reached USING (ref) WHERE person.household_ref IS NOT NULL GROUP BY person.household_ref
      UNION ALL
      SELECT person.size FROM person JOIN reached USING (ref) WHERE person.household_ref IS NULL
    )
    SELECT 'service' AS kind, code AS key, count(*) AS n FROM received GROUP BY code
    UNION ALL SELECT 'services', CAST(services AS text), count(*) FROM reached GROUP BY services
    UNION ALL SELECT 'registered', NULL, n FROM registered
    UNION ALL SELECT 'indirect', CAST(count(*) - count(size) AS text), sum(size) FROM household`);

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

/**
 * Unique people reached in one project, by the place they are registered in (location id): live, up
 * to a date, or as approved up to a period.
 */
export async function countReachedByLocation(db: Executor, projectId: number, upTo: string | null, source: "live" | "approved" = "live"): Promise<Map<number, number>> {
  const rows =
    source === "approved"
      ? await db.all<{ locationId: number; n: number }>(sql`
    WITH ${scopeCtes({ source, projects: [{ id: projectId, through: upTo }] })}
    SELECT location_id AS "locationId", count(DISTINCT ref) AS n FROM record GROUP BY location_id`)
      : await db.all<{ locationId: number; n: number }>(sql`
    SELECT b.location_id AS "locationId", count(DISTINCT b.ref) AS n
    FROM beneficiaries b
    WHERE b.project_id = ${projectId}
      AND EXISTS (SELECT 1 FROM beneficiary_services s WHERE s.beneficiary_id = b.id AND ${upTo === null ? sql`true` : sql`s.received_on <= ${upTo}`})
    GROUP BY b.location_id`);
  return new Map(rows.map((r) => [r.locationId, r.n]));
}

/**
 * For each scope of a list (a project, a date or none, a kind of service or any), the unique people
 * who received such a service by then, and how many records the project's registry holds:
 * countReach's `uniqueDirect` and `registered` for many scopes in one query, by the scopes' keys.
 */
export async function countReachedPerScope(
  db: Executor,
  scopes: readonly { key: number; projectId: number; upTo: string | null; serviceCode: string | null }[],
): Promise<Map<number, { reached: number; registered: number }>> {
  if (scopes.length === 0) return new Map();
  const rows = await db.all<{ key: number; reached: number; registered: number }>(sql`
    WITH scope AS ${jsonRows(
      scopes.map((s) => [s.key, s.projectId, s.upTo, s.serviceCode]),
      [
        ["key", "integer"],
        ["project_id", "integer"],
        ["up_to", "text"],
        ["service_code", "text"],
      ],
    )}
    SELECT scope.key AS key, count(*) AS registered,
      count(DISTINCT CASE WHEN EXISTS (
        SELECT 1 FROM beneficiary_services s JOIN service_types st ON st.id = s.service_type_id
        WHERE s.beneficiary_id = b.id AND (scope.up_to IS NULL OR s.received_on <= scope.up_to) AND (scope.service_code IS NULL OR st.code = scope.service_code)
      ) THEN b.ref END) AS reached
    FROM scope JOIN beneficiaries b ON b.project_id = scope.project_id
    GROUP BY scope.key`);
  return new Map(rows.map((r) => [r.key, { reached: r.reached, registered: r.registered }]));
}

/**
 * People counted, never listed: per project, place, sex and group, the unique people who received
 * a service within the scope, then per service (in the order given) those who received it. Rows
 * hold the project's code, the place's code and name (`placeName`, an expression over `l`), sex,
 * group, people, then one count per service.
 */
export async function countPeopleByPlace(db: Executor, scope: ReachScope, serviceCodes: readonly string[], placeName: SQL): Promise<unknown[][]> {
  if (scope.source === "approved") {
    // Each service with its person as the latest approval in range saw them.
    const perService = serviceCodes.map((code) => sql`, count(DISTINCT CASE WHEN r.service_code = ${code} THEN r.ref END)`);
    return await db.values(sql`
      WITH ${scopeCtes(scope)},
      served AS (
        SELECT project_id, ref, service_code, first_value(location_id) OVER latest AS location_id, first_value(sex) OVER latest AS sex, first_value(group_code) OVER latest AS group_code
        FROM copy WINDOW latest AS (PARTITION BY project_id, ref ORDER BY period DESC)
      )
      SELECT p.code, l.code, ${placeName}, r.sex, r.group_code, count(DISTINCT r.ref)${sql.join(perService, sql``)}
      FROM served r JOIN projects p ON p.id = r.project_id JOIN locations l ON l.id = r.location_id
      GROUP BY p.code, l.code, ${placeName}, r.sex, r.group_code
      ORDER BY p.code, l.code, r.sex, r.group_code`);
  }
  const perService = serviceCodes.map((code) => sql`, count(DISTINCT CASE WHEN st.code = ${code} THEN b.id END)`);
  return await db.values(sql`
    WITH scope AS ${jsonRows(
      scope.projects.map((p) => [p.id, p.upTo]),
      [
        ["project_id", "integer"],
        ["up_to", "text"],
      ],
    )}
    SELECT p.code, l.code, ${placeName}, b.sex, b.group_code, count(DISTINCT b.id)${sql.join(perService, sql``)}
    FROM scope JOIN projects p ON p.id = scope.project_id
    JOIN beneficiaries b ON b.project_id = p.id
    JOIN beneficiary_services s ON s.beneficiary_id = b.id AND (scope.up_to IS NULL OR s.received_on <= scope.up_to)
    JOIN service_types st ON st.id = s.service_type_id
    JOIN locations l ON l.id = b.location_id
    GROUP BY p.code, l.code, ${placeName}, b.sex, b.group_code
    ORDER BY p.code, l.code, b.sex, b.group_code`);
}
