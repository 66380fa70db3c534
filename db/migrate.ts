import path from "node:path";
import type { Db } from "./engine/sqlite";

export const MIGRATIONS_FOLDER = path.join(process.cwd(), "drizzle");

/** Applies the migrations of drizzle/ that the database has not had yet. */
export function migrateDatabase(db: Db, migrationsFolder = MIGRATIONS_FOLDER): void {
  db.migrate(migrationsFolder);
}
