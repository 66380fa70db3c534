import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { openDatabase } from "../db/engine/sqlite";
import { VALUE_COLUMNS, valueRowsQuery } from "../db/figures/export-tables";
import { migrateDatabase } from "../db/migrate";
import { seedDemoData } from "../db/seed";
import { csvLine, type CsvCell } from "../lib/exports/csv";

// The CSV export of every value at a million values: rows per second and the process's peak memory,
// the stream read to the end as a client would. Runs on a database of its own, never the demo one.
// Run with: npm run bench:export

const VALUES = 1_000_000;

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "baseline-bench-"));
  const file = path.join(dir, "bench.db");
  const db = openDatabase(file);
  await migrateDatabase(db);
  await seedDemoData(db);
  const started = performance.now();
  // One million more values on the demo's entered indicators: each a total or an option of its own.
  await db.write((tx) =>
    tx.run(sql`
    WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < ${VALUES - 1}),
    cells AS (SELECT id AS indicator_id, row_number() OVER (ORDER BY id) - 1 AS k, count(*) OVER () AS m FROM indicators WHERE source = 'manual')
    INSERT INTO data_values (indicator_id, period, location_id, disaggregation, value, status, comment, entered_by, entered_at, updated_at)
    SELECT c.indicator_id, '2030Q' || (1 + n.i % 4), (SELECT country_id FROM projects p JOIN indicators x ON x.project_id = p.id WHERE x.id = c.indicator_id),
      'bench=' || n.i, n.i % 1000, 'draft', CASE WHEN n.i % 10 = 0 THEN 'Checked, with a comma' END, 1, '2026-11-23', '2026-11-23T00:00:00Z'
    FROM n JOIN cells c ON c.k = n.i % c.m`),
  );
  const total = (await db.all<{ n: number }>(sql`SELECT count(*) AS n FROM data_values`))[0]!.n;
  console.log(`generated ${VALUES.toLocaleString("en-GB")} values in ${((performance.now() - started) / 1000).toFixed(1)} s (${total.toLocaleString("en-GB")} in all)`);
  const ids = (await db.all<{ id: number }>(sql`SELECT id FROM projects`)).map((p) => p.id);

  global.gc?.();
  const baseline = process.memoryUsage().rss;
  let peak = baseline;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  const begin = performance.now();
  const stream = db.stream(valueRowsQuery(false, "en", ids), csvLine(VALUE_COLUMNS), (row) => csvLine(row as CsvCell[]));
  let bytes = 0;
  let lines = 0;
  const reader = stream.getReader();
  for (let next = await reader.read(); !next.done; next = await reader.read()) {
    bytes += next.value.length;
    for (const byte of next.value) if (byte === 10) lines++;
  }
  const seconds = (performance.now() - begin) / 1000;
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().rss);
  const rows = lines - 1;
  console.log(
    `exported ${rows.toLocaleString("en-GB")} rows (${(bytes / 1e6).toFixed(0)} MB) in ${seconds.toFixed(1)} s: ${Math.round(rows / seconds).toLocaleString("en-GB")} rows/s`,
  );
  console.log(`peak memory ${(peak / 1e6).toFixed(0)} MB (${(baseline / 1e6).toFixed(0)} MB before the export)`);
  await db.close();
  fs.rmSync(dir, { recursive: true, force: true });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
