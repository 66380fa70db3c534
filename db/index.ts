import { loadConfig } from "../lib/config/env";
import { openDatabase, type Db } from "./engine/sqlite";

export type { Db, Executor } from "./engine/sqlite";

// One database per server process. Kept on globalThis so that reloading modules in development
// does not open new connections each time.
const globalForDb = globalThis as unknown as { baselineDb?: Db };

export function getDb(): Db {
  globalForDb.baselineDb ??= openDatabase(loadConfig().databasePath);
  return globalForDb.baselineDb;
}
