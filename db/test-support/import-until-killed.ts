import { eq } from "drizzle-orm";
import { openAt } from "./open-at";
import { importRegistry, registryImportContext } from "../registry/registry-import";
import { projects, users } from "../tables";
import { checkRegistryRecords } from "../../lib/beneficiaries/registry-csv";
import { readRegistryCsv } from "../../lib/beneficiaries/read-source";
import { sampleRegistryCsv } from "./registry-sample";

// Run by db/engine/crash.test.ts, which kills it with SIGKILL in the middle of a large import: the import of
// `rows` rows into the database at argv[2] (a file or a PostgreSQL URL), saying "writing" just before its transaction begins.

async function main() {
  const [location, rows] = [process.argv[2]!, Number(process.argv[3])];
  const db = openAt(location);
  const manager = (await db.select().from(users).where(eq(users.email, "manager@baseline.test")))[0]!;
  const projectId = (await db.select().from(projects).where(eq(projects.code, "RW-REINT-P4")))[0]!.id;
  const ctx = { db, viewer: { userId: manager.id, role: manager.role, organisationId: manager.organisationId } };
  const { records, header } = readRegistryCsv(sampleRegistryCsv(rows, "CRASH"));
  const context = await registryImportContext(ctx, projectId);
  const checked = checkRegistryRecords(records, header, context.codes, 2026);
  process.stdout.write("writing\n");
  await importRegistry(ctx, projectId, checked.people, { commit: true, fileName: "crash.csv", rows: records.length });
  process.stdout.write("done\n");
}

void main();
