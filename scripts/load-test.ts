import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import { engineOption, freshPostgresDatabase, reader, type Reader } from "./bench/engine";
import { signIn, startServer } from "./bench/server";

// `npm run test:load [-- --engine postgresql]`: 50 readers and 5 writers on loopback for 60 seconds
// against the production build on a fresh demo database (a SQLite file, or a PostgreSQL database). Then: no answer was a 5xx; every acknowledged write is in the
// database with its value and exactly one audit entry; every write sent with a stale version got
// 409 and changed nothing. Exits with 1 when one of these fails.

const PORT = 3400;
const SECONDS = Number(process.env.LOAD_SECONDS ?? 60);
const READERS = 50;
const WRITERS = 5;

type Cell = { indicatorId: number; locationCode: string; value: number; version: number | null };
type Ack = { rowId: number; value: number };

/** The totals of phase IV's open quarter that nobody entered yet, for counts by place: the writers' own cells. */
function openCells(db: Reader): Promise<Cell[]> {
  return db.all<Cell>(
    `SELECT i.id AS "indicatorId", l.code AS "locationCode", 0 AS value, NULL AS version
     FROM indicators i JOIN projects p ON p.id = i.project_id JOIN project_locations pl ON pl.project_id = p.id JOIN locations l ON l.id = pl.location_id
     WHERE p.code = 'RW-REINT-P4' AND i.source = 'manual' AND i.measure = 'number' AND l.level = 'district'
       AND NOT EXISTS (SELECT 1 FROM data_values v WHERE v.indicator_id = i.id AND v.period = '2026Q4' AND v.location_id = l.id)
     ORDER BY i.id, l.code`,
  );
}

/** One writer: its own cells, one more each time; every tenth write is sent with a stale version on purpose. */
async function writer(base: string, cookie: string, cells: Cell[], until: number, acks: Ack[], stale: { sent: number; refused: number; other: number[] }, fives: number[]) {
  let n = 0;
  while (Date.now() < until) {
    const cell = cells[n++ % cells.length]!;
    const staleOnPurpose = n % 10 === 0 && cell.version !== null;
    const body = [{ indicatorId: cell.indicatorId, period: "2026Q4", locationCode: cell.locationCode, disaggregation: {}, value: cell.value + 1, version: staleOnPurpose ? cell.version! - 1 : cell.version }];
    const response = await fetch(`${base}/api/v1/data-values`, { method: "PUT", headers: { Cookie: cookie, "Content-Type": "application/json" }, body: JSON.stringify(body) });
    if (response.status >= 500) fives.push(response.status);
    if (staleOnPurpose) {
      stale.sent++;
      if (response.status === 409) stale.refused++;
      else stale.other.push(response.status);
      await response.arrayBuffer();
      continue;
    }
    if (response.status !== 200) {
      stale.other.push(response.status);
      await response.arrayBuffer();
      continue;
    }
    const { values } = (await response.json()) as { values: { id: number; value: number; version: number }[] };
    for (const v of values) {
      acks.push({ rowId: v.id, value: v.value });
      Object.assign(cell, { value: v.value, version: v.version });
    }
  }
}

async function main(): Promise<number> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "baseline-load-"));
  const file = path.join(dir, "baseline.db");
  const engine = engineOption();
  const url = engine === "postgresql" ? await freshPostgresDatabase("baseline_load") : undefined;
  const server = await startServer(file, PORT, url);
  const db = reader(file, url);
  try {
    const staff = await signIn(server.base, "staff@baseline.test");
    const manager = await signIn(server.base, "manager@baseline.test");
    const cells = await openCells(db);
    if (cells.length < WRITERS) throw new Error("not enough open cells to write");
    const until = Date.now() + SECONDS * 1000;
    const acks: Ack[] = [];
    const stale = { sent: 0, refused: 0, other: [] as number[] };
    const fives: number[] = [];
    const reading = autocannon({
      url: server.base,
      connections: READERS,
      duration: SECONDS,
      headers: { Cookie: staff },
      requests: ["/", "/projects/RW-REINT-P4", "/programmes/RW-REINT", "/api/v1/projects/RW-REINT-P4", "/api/v1/portfolio", "/projects/CD-HSEC-NK"].map((p) => ({ method: "GET" as const, path: p })),
    });
    const writing = Array.from({ length: WRITERS }, (_, w) => writer(server.base, manager, cells.filter((_, i) => i % WRITERS === w), until, acks, stale, fives));
    const [reads] = await Promise.all([reading, ...writing]);
    const readFives = Object.entries(reads.statusCodeStats ?? {}).filter(([code]) => Number(code) >= 500).reduce((sum, [, s]) => sum + (s as { count: number }).count, 0);

    // Each acknowledged value has one audit entry that wrote it (the entries' details are JSON text).
    const entries = await db.all<{ rowId: number; details: string }>("SELECT entity_id AS \"rowId\", details FROM audit_log WHERE action IN ('data_value.create', 'data_value.update')");
    const written = new Map<string, number>();
    for (const e of entries) {
      const key = `${e.rowId}|${(JSON.parse(e.details) as { after?: { value?: number } }).after?.value}`;
      written.set(key, (written.get(key) ?? 0) + 1);
    }
    const missing = acks.filter((a) => written.get(`${a.rowId}|${a.value}`) !== 1);
    const current = new Map((await db.all<{ id: number; value: number }>("SELECT id, value FROM data_values")).map((r) => [r.id, r.value]));
    const last = new Map<number, number>();
    for (const a of acks) last.set(a.rowId, a.value);
    const lost = [...last].filter(([rowId, value]) => current.get(rowId) !== value);

    console.log(`load: ${engine}, ${READERS} readers, ${WRITERS} writers, ${SECONDS} s`);
    console.log(`reads: ${reads.requests.total} (${Math.round(reads.requests.average)} req/s), latency p50 ${reads.latency.p50} ms, p97.5 ${reads.latency.p97_5} ms, p99 ${reads.latency.p99} ms, 5xx ${readFives}`);
    console.log(`writes: ${acks.length} acknowledged, ${stale.refused} of ${stale.sent} stale writes refused with 409, other answers ${JSON.stringify(stale.other)}, 5xx ${fives.length}`);
    console.log(`after: ${acks.length - missing.length} of ${acks.length} acknowledged values with exactly one audit entry; ${last.size - lost.length} of ${last.size} cells hold their last acknowledged value`);
    const ok = readFives === 0 && fives.length === 0 && missing.length === 0 && lost.length === 0 && stale.refused === stale.sent && stale.other.length === 0 && acks.length > 0;
    console.log(ok ? "load: passed" : "load: FAILED");
    return ok ? 0 : 1;
  } finally {
    await db.close();
    server.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
