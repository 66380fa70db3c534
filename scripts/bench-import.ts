import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { openDatabase } from "../db/client";
import { migrateDatabase } from "../db/migrate";
import { importRegistry, registryImportContext } from "../db/queries/registry-import";
import { projects, users } from "../db/schema";
import { seedDemoData } from "../db/seed";
import { checkRegistryRecords, readCsv, REGISTRY_CSV_COLUMNS } from "../lib/beneficiaries/registry-csv";

// How long a 100,000-row beneficiary import takes, end to end but for the network: reading the CSV,
// checking every row, comparing with the registry and writing in one transaction; then the same file
// again, which must change nothing. Runs on a database of its own, never the demo one.
// Run with: npm run bench:import

const ROWS = 100_000;
const DISTRICTS = ["RW-05-GIS", "RW-05-HUY", "RW-05-NYR", "RW-05-NYM", "RW-04-KAR", "RW-04-NYB", "RW-04-RUB", "RW-04-RUT", "RW-03-MUS"];
const SERVICES = ["vocational_training", "livestock", "shelter_materials"];

function file(): string {
  const lines = [REGISTRY_CSV_COLUMNS.join(",")];
  for (let row = 0; row < ROWS; row++) {
    const person = Math.floor(row / 2);
    const ref = `BENCH-${String(person).padStart(7, "0")}`;
    const service = SERVICES[(person + (row % 2)) % 3];
    const month = String((row % 12) + 1).padStart(2, "0");
    lines.push(`${ref},HH-${ref},${person % 2 ? "male" : "female"},${1960 + (person % 45)},returnee,${DISTRICTS[person % 9]},${3 + (person % 5)},${service},2025-${month}-15`);
  }
  return `${lines.join("\n")}\n`;
}

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "baseline-bench-"));
  const db = openDatabase(path.join(dir, "bench.db"));
  migrateDatabase(db);
  await seedDemoData(db);
  const manager = db.select().from(users).where(eq(users.email, "manager@baseline.test")).get()!;
  const projectId = db.select().from(projects).where(eq(projects.code, "RW-REINT-P4")).get()!.id;
  const ctx = { db, viewer: { userId: manager.id, role: manager.role, organisationId: manager.organisationId } };
  const text = file();
  const chunks = text.match(/[\s\S]{1,65536}/g) ?? [];

  const run = async (label: string) => {
    const started = performance.now();
    const { records, header } = await readCsv(chunks);
    const read = performance.now();
    const context = registryImportContext(ctx, projectId);
    const checked = checkRegistryRecords(records, header, { locationCodes: new Set(context.places.keys()), serviceCodes: new Set(context.services.keys()), groupCodes: context.groups, currentYear: 2026 });
    if (checked.problems.length > 0) throw new Error(`unexpected problems: ${JSON.stringify(checked.problems.slice(0, 3))}`);
    const checkedAt = performance.now();
    const outcome = importRegistry(ctx, projectId, checked.people, { commit: true, fileName: "bench.csv", rows: records.length });
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
  db.$client.close();
  fs.rmSync(dir, { recursive: true, force: true });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
