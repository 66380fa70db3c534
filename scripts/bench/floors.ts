import { percentile, round } from "./measure";
import type { Reader } from "./engine";

// The floor each page can approach: the same aggregation as one hand-written SQL query on the base
// tables, timed on the benchmark's file (median of 20 runs, ms). What the app adds above it is the
// price of its rules, its access checks and rendering.

const QUERIES = {
  // Unique people reached across every project, people trained, active projects, and each
  // project's main figure (its first output indicator with a target).
  portfolio: `
    WITH main AS (
      SELECT i.* FROM indicators i JOIN results r ON r.id = i.result_id
      WHERE r.type = 'output' AND NOT i.is_context AND i.target IS NOT NULL
        AND i.position = (SELECT min(j.position) FROM indicators j JOIN results q ON q.id = j.result_id WHERE j.project_id = i.project_id AND q.type = 'output' AND NOT j.is_context AND j.target IS NOT NULL)
    )
    SELECT
      (SELECT count(DISTINCT b.ref) FROM beneficiaries b WHERE EXISTS (SELECT 1 FROM beneficiary_services s WHERE s.beneficiary_id = b.id)) AS people,
      (SELECT sum(count) FROM training_participants) AS trained,
      (SELECT count(*) FROM projects WHERE status = 'active') AS active,
      (SELECT count(*) FROM (
        SELECT main.id, CASE WHEN main.source = 'registry'
          THEN (SELECT count(DISTINCT b.ref) FROM beneficiaries b WHERE b.project_id = main.project_id AND EXISTS (SELECT 1 FROM beneficiary_services s WHERE s.beneficiary_id = b.id))
          ELSE (SELECT sum(v.value) FROM data_values v WHERE v.indicator_id = main.id AND v.disaggregation = '') END AS actual
        FROM main) AS figures) AS projects`,
  // One project: every indicator's total, the chosen indicator per period, per option and per place.
  projectDashboard: `
    SELECT 'total' AS kind, CAST(v.indicator_id AS text) AS k, sum(v.value) AS n, sum(v.numerator), sum(v.denominator) FROM data_values v JOIN indicators i ON i.id = v.indicator_id WHERE i.project_id = :project AND v.disaggregation = '' GROUP BY v.indicator_id
    UNION ALL SELECT 'period', v.period, sum(v.value), NULL, NULL FROM data_values v WHERE v.indicator_id = :indicator AND v.disaggregation = '' GROUP BY v.period
    UNION ALL SELECT 'option', v.disaggregation, sum(v.value), NULL, NULL FROM data_values v WHERE v.indicator_id = :indicator AND v.disaggregation <> '' GROUP BY v.disaggregation
    UNION ALL SELECT 'place', CAST(v.location_id AS text), sum(v.value), NULL, NULL FROM data_values v WHERE v.indicator_id = :indicator AND v.disaggregation = '' GROUP BY v.location_id
    UNION ALL SELECT 'people', NULL, count(DISTINCT b.ref), NULL, NULL FROM beneficiaries b WHERE b.project_id = :project AND EXISTS (SELECT 1 FROM beneficiary_services s WHERE s.beneficiary_id = b.id)`,
  // A programme: unique people across its phases and per phase, and its outcomes across phases.
  programmeSummary: `
    SELECT 'all' AS kind, CAST(NULL AS text) AS k, count(DISTINCT b.ref) AS n FROM beneficiaries b JOIN projects p ON p.id = b.project_id WHERE p.programme_id = :programme AND EXISTS (SELECT 1 FROM beneficiary_services s WHERE s.beneficiary_id = b.id)
    UNION ALL SELECT 'phase', CAST(b.project_id AS text), count(DISTINCT b.ref) FROM beneficiaries b JOIN projects p ON p.id = b.project_id WHERE p.programme_id = :programme AND EXISTS (SELECT 1 FROM beneficiary_services s WHERE s.beneficiary_id = b.id) GROUP BY b.project_id
    UNION ALL SELECT 'outcome', i.code, sum(v.numerator) * 100.0 / sum(v.denominator) FROM data_values v JOIN indicators i ON i.id = v.indicator_id JOIN results r ON r.id = i.result_id JOIN projects p ON p.id = i.project_id WHERE p.programme_id = :programme AND r.type <> 'output' AND v.disaggregation = '' GROUP BY i.code`,
} as const;

export type Floors = Record<keyof typeof QUERIES, { ms: number }>;

/** Each floor on the measured database, through `db` (the engine's own driver, without the app). */
export async function measureFloors(db: Reader, subjects: { project: number; indicator: number; programme: number }): Promise<Floors> {
  const floors = {} as Floors;
  for (const [name, sql] of Object.entries(QUERIES) as [keyof typeof QUERIES, string][]) {
    // The subjects are the benchmark's own ids, written into the query as numbers.
    const query = sql.replace(/:(project|indicator|programme)\b/g, (_, key: keyof typeof subjects) => String(Math.trunc(subjects[key])));
    await db.all(query);
    const times: number[] = [];
    for (let i = 0; i < 20; i++) {
      const started = performance.now();
      await db.all(query);
      times.push(performance.now() - started);
    }
    floors[name] = { ms: round(percentile(times.sort((a, b) => a - b), 50), 2) };
  }
  return floors;
}
