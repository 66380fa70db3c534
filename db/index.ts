import { loadConfig, type AppConfig } from "../lib/config/env";
import { openPostgres } from "./engine/postgres";
import { openDatabase } from "./engine/sqlite";
import type { Db } from "./engine/types";

export type { Db, Executor } from "./engine/types";

/** The database a configuration names: its PostgreSQL server's when DATABASE_URL is set, the embedded file otherwise. */
export function openConfiguredDatabase(config: Pick<AppConfig, "databasePath" | "databaseUrl">): Db {
  return config.databaseUrl ? openPostgres(config.databaseUrl) : openDatabase(config.databasePath);
}

// One database per server process. Kept on globalThis so that reloading modules in development
// does not open new connections each time.
const globalForDb = globalThis as unknown as { baselineDb?: Db };

export function getDb(): Db {
  globalForDb.baselineDb ??= openConfiguredDatabase(loadConfig());
  return globalForDb.baselineDb;
}
