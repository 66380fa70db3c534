import { execSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { copyToPostgres } from "../copy-to-postgres";
import { engineOption, freshPostgresDatabase, reader } from "./engine";
import { measureFloors } from "./floors";
import { firstLoadJsKb, measure, round, watchMemory, type Latency } from "./measure";
import { generateOrganisation } from "./organisation";
import { signIn, startServer } from "./server";

// `npm run bench [-- --engine postgresql] [-- --scale 10]`: a synthetic organisation in a database
// file of its own (copied into a PostgreSQL database for that engine), the production build (reused
// when up to date) served on it, and the figures of the README's performance section, in
// bench/results.json under the engine's name (and the scale, when not 1) beside the other runs' last
// figures. Targets (2 cores, one connection): project dashboard median <= 10 ms and p95 <= 25 ms,
// programme page median <= 8 ms, portfolio median <= 15 ms; the server under 300 MB for the whole
// run, export included, at >= 200,000 rows/s; first-load JavaScript <= 250 kB gzipped per page. Ten
// times larger, a dashboard's and a programme page's medians grow by 1.5x at most, the portfolio's by 3x.

const ROOT = process.cwd();
const PORT = 3300;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
/** How much larger a median may be ten times larger (or at any scale above 1). */
const GROWTH_LIMIT: Record<string, number> = { projectDashboard: 1.5, programmeSummary: 1.5, portfolio: 3 };

function scaleOption(argv: readonly string[] = process.argv): number {
  const at = argv.indexOf("--scale");
  const value = at === -1 ? 1 : Number(argv[at + 1]);
  if (!Number.isInteger(value) || value < 1) throw new Error(`--scale takes a whole number from 1, not ${argv[at + 1]}`);
  return value;
}

/** Rotating writes on the open quarter of active projects: one more woman, the total with her, each cell's version followed. */
async function writeBodies(file: string): Promise<() => string> {
  const db = reader(file);
  const rows = await db.all<{ indicatorId: number; locationCode: string; total: number; totalVersion: number; female: number; femaleVersion: number }>(
    `SELECT t.indicator_id AS indicatorId, l.code AS locationCode, t.value AS total, t.version AS totalVersion, f.value AS female, f.version AS femaleVersion
     FROM data_values t JOIN data_values f ON f.indicator_id = t.indicator_id AND f.period = t.period AND f.location_id = t.location_id AND f.disaggregation = 'sex=female'
     JOIN locations l ON l.id = t.location_id JOIN indicators i ON i.id = t.indicator_id JOIN projects p ON p.id = i.project_id
     WHERE t.period = '2025Q4' AND t.disaggregation = '' AND t.value IS NOT NULL AND p.code LIKE 'BX-%' AND p.status = 'active'
     ORDER BY t.id LIMIT 5000`,
  );
  await db.close();
  let next = 0;
  return () => {
    const cell = rows[next++ % rows.length]!;
    const body = JSON.stringify([
      { indicatorId: cell.indicatorId, period: "2025Q4", locationCode: cell.locationCode, disaggregation: {}, value: ++cell.total, version: cell.totalVersion++ },
      { indicatorId: cell.indicatorId, period: "2025Q4", locationCode: cell.locationCode, disaggregation: { sex: "female" }, value: ++cell.female, version: cell.femaleVersion++ },
    ]);
    return body;
  };
}

/** The CSV export of every value, read to the end as a client would: rows per second and the server's peak memory. */
async function measureExport(base: string, cookie: string, serverPid: number): Promise<{ rows: number; rowsPerSecond: number; peakRssMb: number; rssBeforeMb: number }> {
  const memory = watchMemory(serverPid);
  const started = performance.now();
  const response = await fetch(`${base}/api/v1/data-values/export.csv`, { headers: { Cookie: cookie } });
  let lines = 0;
  const reader = response.body!.getReader();
  for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) for (const byte of chunk.value) if (byte === 10) lines++;
  const seconds = (performance.now() - started) / 1000;
  const peakRssMb = memory.peakMb();
  memory.stop();
  const rows = lines - 1;
  return { rows, rowsPerSecond: Math.round(rows / seconds), peakRssMb, rssBeforeMb: memory.startedMb };
}

async function main() {
  const started = Date.now();
  const dir = path.join(ROOT, "bench");
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(os.tmpdir(), `baseline-bench-${process.pid}`, "bench.db");
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const times = scaleOption();
  console.log(`bench: generating the organisation${times > 1 ? `, ${times} times larger` : ""}...`);
  const generatedAt = Date.now();
  const scale = await generateOrganisation(file, times);
  console.log(`bench: generated in ${((Date.now() - generatedAt) / 1000).toFixed(0)} s: ${JSON.stringify(scale)}`);

  const engine = engineOption();
  let url: string | undefined;
  if (engine === "postgresql") {
    const copiedAt = Date.now();
    url = await freshPostgresDatabase("baseline_bench");
    await copyToPostgres(file, url);
    console.log(`bench: copied into PostgreSQL in ${((Date.now() - copiedAt) / 1000).toFixed(0)} s`);
  }
  // The bodies are read before the server writes: the same cells, versions and ids on both engines (copied with their ids).
  const bodies = await writeBodies(file);

  const server = await startServer(file, PORT, url);
  const BASE = server.base;
  // The server's memory, sampled for the whole benchmark: pages, writes and the export.
  const memory = watchMemory(server.process.pid!);
  const db = reader(file, url);
  try {
    const staff = await signIn(BASE, "staff@baseline.test");
    const admin = await signIn(BASE, "admin@baseline.test");
    const [project] = await db.all<{ id: number }>("SELECT id FROM projects WHERE code = 'BX-100-3'");
    const [indicator] = await db.all<{ id: number }>("SELECT id FROM indicators WHERE project_id = ? AND source = 'manual' ORDER BY position LIMIT 1 OFFSET 2", project!.id);
    const [programme] = await db.all<{ id: number }>("SELECT id FROM programmes WHERE code = 'BX-100'");

    const page = (url: string) => ({ url: `${BASE}${url}`, headers: { Cookie: staff } });
    const latency: Record<string, Latency & { errors: number }> = {};
    for (const [name, target] of Object.entries({
      portfolio: page("/"),
      projectDashboard: page("/projects/BX-100-3"),
      projectApi: page("/api/v1/projects/BX-100-3"),
      programmeSummary: page("/programmes/BX-100"),
      dataValueWrite: { url: `${BASE}/api/v1/data-values`, method: "PUT" as const, headers: { Cookie: admin, "Content-Type": "application/json" }, body: bodies },
    })) {
      latency[name] = await measure(target, SECONDS);
      const first = latency[name].firstMs === undefined ? "" : `first answer ${latency[name].firstMs} ms, then `;
      console.log(`bench: ${name} ${first}p50 ${latency[name].p50} ms, p95 ${latency[name].p95} ms, ${latency[name].rps} req/s at 8 connections${latency[name].errors ? `, ${latency[name].errors} answers not 2xx` : ""}`);
    }
    const exported = await measureExport(BASE, staff, server.process.pid!);
    const serverMemory = { startedMb: memory.startedMb, peakMb: memory.peakMb() };
    memory.stop();
    const floor = await measureFloors(db, { project: project!.id, indicator: indicator!.id, programme: programme!.id });
    const firstLoad = firstLoadJsKb(ROOT);
    const results = {
      commit: execSync("git rev-parse HEAD", { encoding: "utf8" }).trim(),
      machine: { cpus: os.cpus().length, cpu: os.cpus()[0]?.model ?? "", memoryGb: round(os.totalmem() / 1024 ** 3), node: process.version, platform: `${os.platform()} ${os.release()}` },
      scale,
      latency,
      floor,
      export: exported,
      memory: serverMemory,
      firstLoadJsKb: firstLoad,
      seconds: Math.round((Date.now() - started) / 1000),
    };
    // Both engines side by side: this run's figures, and the other engine's last ones.
    const resultsFile = path.join(dir, "results.json");
    const kept = fs.existsSync(resultsFile) ? (JSON.parse(fs.readFileSync(resultsFile, "utf8")) as Record<string, unknown>) : {};
    const others = "engines" in kept ? (kept.engines as Record<string, RunFigures>) : {};
    const runs = { ...others, [times === 1 ? engine : `${engine} x${times}`]: results };
    fs.writeFileSync(resultsFile, `${JSON.stringify({ ...kept, engines: runs }, null, 2)}\n`);
    printTable(results);
    if (times > 1) printGrowth(runs[engine], results, times);
  } finally {
    memory.stop();
    await db.close();
    server.stop();
    fs.rmSync(path.dirname(file), { recursive: true, force: true });
  }
}

type RunFigures = {
  scale: { projects: number; dataValues: number };
  latency: Record<string, Latency>;
  floor: Record<string, { ms: number }>;
  export: { rows: number; rowsPerSecond: number; peakRssMb: number; rssBeforeMb: number };
  memory: { startedMb: number; peakMb: number };
  firstLoadJsKb: Record<string, number>;
  seconds: number;
};

function printTable(r: RunFigures) {
  const targets: Record<string, string> = { portfolio: "median <= 15", projectDashboard: "median <= 10, p95 <= 25", programmeSummary: "median <= 8" };
  console.log("\n| measure | first answer ms | p50 ms | p95 ms | req/s (8 conn.) | SQL floor ms | target |\n|---|---|---|---|---|---|---|");
  for (const [name, l] of Object.entries(r.latency)) console.log(`| ${name} | ${l.firstMs ?? ""} | ${l.p50} | ${l.p95} | ${l.rps} | ${r.floor[name]?.ms ?? ""} | ${targets[name] ?? ""} |`);
  console.log(`\nexport: ${r.export.rows.toLocaleString("en-GB")} rows, ${r.export.rowsPerSecond.toLocaleString("en-GB")} rows/s, server's memory ${r.export.rssBeforeMb} MB before and ${r.export.peakRssMb} MB at most during it (target >= 200,000 rows/s under 300 MB)`);
  console.log(`server's memory: ${r.memory.startedMb} MB once started, ${r.memory.peakMb} MB at most over the whole benchmark (target under 300 MB)`);
  console.log(`first-load JavaScript (gzipped kB, target <= 250): ${Object.entries(r.firstLoadJsKb).map(([route, kb]) => `${route} ${kb}`).join(", ")}`);
  console.log(`\nbench: done in ${r.seconds} s; bench/results.json written.`);
}

/** Each page's median at this scale beside the usual one's, on the same engine, against its limit. */
function printGrowth(usual: RunFigures | undefined, large: RunFigures, times: number) {
  if (!usual) {
    console.log("\ngrowth: no figures at the usual scale on this engine yet; run `npm run bench` with the same engine to compare.");
    return;
  }
  console.log(`\n| page | median ms, ${usual.scale.projects} projects | median ms, ${large.scale.projects} projects | growth | limit |\n|---|---|---|---|---|`);
  for (const [name, limit] of Object.entries(GROWTH_LIMIT)) {
    const before = usual.latency[name]?.p50;
    const after = large.latency[name]?.p50;
    if (before === undefined || after === undefined) continue;
    console.log(`| ${name} | ${before} | ${after} | ${round(after / before)}x | ${limit}x ${after / before <= limit ? "met" : "**missed**"} |`);
  }
  console.log(`(scale ${times}: ${large.scale.dataValues.toLocaleString("en-GB")} values against ${usual.scale.dataValues.toLocaleString("en-GB")})`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
