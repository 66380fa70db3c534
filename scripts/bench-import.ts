import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { openDatabase } from "../db/engine/sqlite";
import { migrateDatabase } from "../db/migrate";
import { importRegistry, registryImportContext } from "../db/registry/registry-import";
import { projects, users } from "../db/schema";
import { seedDemoData } from "../db/seed";
import { DEFAULT_HEAP_MB, serverMemorySettings } from "../lib/config/env";
import { checkRegistryRecords } from "../lib/beneficiaries/registry-csv";
import { readRegistryCsv } from "../lib/beneficiaries/read-source";
import { sampleRegistryCsv } from "../db/test-support/registry-sample";
import { koboPerson, koboXlsx } from "../db/test-support/kobo-exports";
import { runBeneficiaryImport, type ImportRun } from "../server/imports/beneficiary-import";

// How long a 100,000-row beneficiary import takes, end to end but for the network: reading the CSV,
// checking every row, comparing with the registry and writing in one transaction; then the same file
// again, which must change nothing. Then the same for a KoboToolbox export of 100,000 submissions as
// XLSX (French labels, one 0/1 column per service, ages instead of birth years), the whole path a
// manager takes: the first check with the automatic matches, the check with the mapping, the commit;
// with the process's peak resident memory (target: under 20 s in all, under 500 MB).
// Runs on a database of its own, never the demo one.
// Run with: npm run bench:import

const ROWS = 100_000;

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "baseline-bench-"));
  const db = openDatabase(path.join(dir, "bench.db"));
  await migrateDatabase(db);
  await seedDemoData(db);
  const [manager] = await db.select().from(users).where(eq(users.email, "manager@baseline.test"));
  const [project] = await db.select().from(projects).where(eq(projects.code, "RW-REINT-P4"));
  if (!manager || !project) throw new Error("the demo data lack the manager or Phase IV");
  const projectId = project.id;
  const ctx = { db, viewer: { userId: manager.id, role: manager.role, organisationId: manager.organisationId } };
  const text = sampleRegistryCsv(ROWS);

  const run = async (label: string) => {
    const started = performance.now();
    const { records, header } = readRegistryCsv(text);
    const read = performance.now();
    const context = await registryImportContext(ctx, projectId);
    const checked = checkRegistryRecords(records, header, context.codes, 2026);
    if (checked.problems.length > 0) throw new Error(`unexpected problems: ${JSON.stringify(checked.problems.slice(0, 3))}`);
    const checkedAt = performance.now();
    const outcome = await importRegistry(ctx, projectId, checked.people, { commit: true, fileName: "bench.csv", rows: records.length });
    const done = performance.now();
    const seconds = (done - started) / 1000;
    console.log(
      `${label}: ${records.length.toLocaleString("en")} rows in ${seconds.toFixed(2)} s (${Math.round(records.length / seconds).toLocaleString("en")} rows/s; read ${((read - started) / 1000).toFixed(2)} s, check ${((checkedAt - read) / 1000).toFixed(2)} s, write ${((done - checkedAt) / 1000).toFixed(2)} s)`,
      outcome.kind === "done" ? JSON.stringify(outcome.counts) : outcome.kind,
    );
  };
  console.log(`CSV of ${(Buffer.byteLength(text) / 1024 / 1024).toFixed(1)} MB`);
  await run("first import");
  await run("same file again");

  // The Kobo path runs in a process of its own with the server's memory settings, so that its memory is a server's.
  const kobo = await koboXlsx(
    Array.from({ length: ROWS }, (_, i) => koboPerson(i, "bench")),
    { labels: "fr", selectMultiple: "separate" },
  );
  const koboFile = path.join(dir, "kobo.xlsx");
  fs.writeFileSync(koboFile, kobo);
  console.log(`Kobo XLSX of ${(kobo.byteLength / 1024 / 1024).toFixed(1)} MB, ${ROWS.toLocaleString("en")} submissions`);
  const memory = serverMemorySettings(DEFAULT_HEAP_MB);
  const child = spawnSync(process.execPath, [...process.execArgv, ...memory.nodeArgs, import.meta.filename, "--kobo", koboFile, path.join(dir, "bench.db")], {
    stdio: "inherit",
    env: { ...memory.env, ...process.env },
  });
  if (child.status !== 0) throw new Error(`the Kobo import failed (${child.status})`);
  await db.close();
  fs.rmSync(dir, { recursive: true, force: true });
}

/** The whole path a manager takes with a Kobo export, in this process: mapping, preview, commit. */
async function koboPath(file: string, database: string) {
  const db = openDatabase(database);
  const [manager] = await db.select().from(users).where(eq(users.email, "manager@baseline.test"));
  const [project] = await db.select().from(projects).where(eq(projects.code, "RW-REINT-P4"));
  if (!manager || !project) throw new Error("the demo data lack the manager or Phase IV");
  const ctx = { db, viewer: { userId: manager.id, role: manager.role, organisationId: manager.organisationId } };
  const before = process.memoryUsage().rss;
  let peak = before;
  let atPeak = process.memoryUsage();
  const sampler = setInterval(() => {
    const now = process.memoryUsage();
    if (now.rss > peak) [peak, atPeak] = [now.rss, now];
  }, 10);
  const source = { bytes: fs.readFileSync(file), kind: "xlsx" as const, sheet: null, fileName: "kobo.xlsx" };
  const step = async (label: string, work: () => Promise<ImportRun>) => {
    const started = performance.now();
    const outcome = await work();
    const seconds = (performance.now() - started) / 1000;
    if (outcome.kind !== "checked" || outcome.problems.length > 0)
      throw new Error(`${label}: ${JSON.stringify(outcome.kind === "checked" ? outcome.problems.slice(0, 3) : outcome)}`);
    console.log(
      `  ${label}: ${seconds.toFixed(2)} s, ${Math.round(process.memoryUsage().rss / 1024 / 1024)} MB after`,
      outcome.outcome?.kind === "done" ? JSON.stringify(outcome.outcome.counts) : "",
    );
    return { matches: outcome.matches, seconds };
  };
  const mapped = await step("mapping (automatic matches, first check)", () => runBeneficiaryImport(ctx, project.id, source, { kind: "auto" }, { commit: false, year: 2026 }));
  const mapping = { matches: mapped.matches, values: {} };
  const preview = await step("preview with the mapping", () => runBeneficiaryImport(ctx, project.id, source, { kind: "given", mapping }, { commit: false, year: 2026 }));
  const commit = await step("commit", () => runBeneficiaryImport(ctx, project.id, source, { kind: "given", mapping }, { commit: true, year: 2026 }));
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().rss);
  const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);
  console.log(
    `Kobo XLSX, mapping + preview + commit: ${(mapped.seconds + preview.seconds + commit.seconds).toFixed(2)} s (target 20 s); resident memory ${mb(before)} MB before, ${mb(peak)} MB at its peak (target 500 MB), of which ${mb(atPeak.heapUsed)} MB of JavaScript heap in use, collected or not`,
  );
  await db.close();
}

const kobo = process.argv.indexOf("--kobo");
(kobo > 0 ? koboPath(process.argv[kobo + 1] as string, process.argv[kobo + 2] as string) : main()).catch((error) => {
  console.error(error);
  process.exit(1);
});
