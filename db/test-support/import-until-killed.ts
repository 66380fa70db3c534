import { eq } from "drizzle-orm";
import { openDatabase } from "../engine/sqlite";
import { importRegistry, registryImportContext } from "../registry/registry-import";
import { projects, users } from "../schema";
import { checkRegistryRecords, readCsv } from "../../lib/beneficiaries/registry-csv";
import { sampleRegistryCsv } from "./registry-sample";

// Run by crash.test.ts, which kills it with SIGKILL in the middle of a large import: the import of
// `rows` rows into the database at argv[2], saying "writing" just before its transaction begins.

async function main() {
  const [file, rows] = [process.argv[2]!, Number(process.argv[3])];
  const db = openDatabase(file);
  const manager = (await db.select().from(users).where(eq(users.email, "manager@baseline.test")))[0]!;
  const projectId = (await db.select().from(projects).where(eq(projects.code, "RW-REINT-P4")))[0]!.id;
  const ctx = { db, viewer: { userId: manager.id, role: manager.role, organisationId: manager.organisationId } };
  const { records, header } = await readCsv([sampleRegistryCsv(rows, "CRASH")]);
  const context = await registryImportContext(ctx, projectId);
  const checked = checkRegistryRecords(records, header, context.codes, 2026);
  process.stdout.write("writing\n");
  await importRegistry(ctx, projectId, checked.people, { commit: true, fileName: "crash.csv", rows: records.length });
  process.stdout.write("done\n");
}

void main();
