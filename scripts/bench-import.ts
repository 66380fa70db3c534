import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { openDatabase } from "../db/engine/sqlite";
import { migrateDatabase } from "../db/migrate";
import { importRegistry, registryImportContext } from "../db/registry/registry-import";
import { projects, users } from "../db/schema";
import { seedDemoData } from "../db/seed";
import { checkRegistryRecords, readCsv } from "../lib/beneficiaries/registry-csv";
import { sampleRegistryCsv } from "../db/test-support/registry-sample";

// How long a 100,000-row beneficiary import takes, end to end but for the network: reading the CSV,
// checking every row, comparing with the registry and writing in one transaction; then the same file
// again, which must change nothing. Runs on a database of its own, never the demo one.
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
  const chunks = text.match(/[\s\S]{1,65536}/g) ?? [];

  const run = async (label: string) => {
    const started = performance.now();
    const { records, header } = await readCsv(chunks);
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
  await db.close();
  fs.rmSync(dir, { recursive: true, force: true });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
