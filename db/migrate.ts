import path from "node:path";
import type { Db } from "./engine/types";

/** Each engine's migrations, made by drizzle-kit from its schema (npm run db:generate). */
export const MIGRATIONS_FOLDERS: Record<Db["engine"], string> = {
  sqlite: path.join(process.cwd(), "drizzle"),
  postgresql: path.join(process.cwd(), "drizzle-pg"),
};

/** Applies the migrations of the database's engine that it has not had yet. */
export async function migrateDatabase(db: Db): Promise<void> {
  await db.migrate(MIGRATIONS_FOLDERS[db.engine]);
}
