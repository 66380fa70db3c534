import path from "node:path";
import { backupPostgres } from "../db/engine/postgres-backup";
import { backupDatabase } from "../db/engine/sqlite-backup";
import { readConfig, withoutPassword } from "../lib/config/env";

// `npm run db:backup [file]`: a consistent copy of the database while the app runs, by default
// backups/baseline-<date and time>.db next to the database (SQLite's VACUUM INTO), or .dump on
// PostgreSQL (pg_dump). Restoring is in the README.

async function main(): Promise<number> {
  const result = readConfig(process.env);
  if (!result.ok) {
    console.error(`db:backup: the configuration is wrong.\n${result.errors.map((e) => `  - ${e}`).join("\n")}`);
    return 1;
  }
  const source = result.config.databasePath;
  const url = result.config.databaseUrl;
  const stamp = new Date().toISOString().replace(/[:.]/g, "-").replace(/Z$/, "");
  const destination = process.argv[2] ?? path.join(path.dirname(source), "backups", `baseline-${stamp}.${url ? "dump" : "db"}`);
  if (url) {
    const { bytes, entries } = await backupPostgres(url, destination);
    console.log(`db:backup: ${withoutPassword(url)} copied to ${destination} with pg_dump (${(bytes / 1e6).toFixed(1)} MB, ${entries} entries), read back by pg_restore.`);
    return 0;
  }
  const { bytes } = backupDatabase(source, destination);
  console.log(`db:backup: ${source} copied to ${destination} (${(bytes / 1e6).toFixed(1)} MB), integrity checked.`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`db:backup failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
