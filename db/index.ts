import { loadConfig } from "../lib/config/env";
import { openDatabase, type Db } from "./client";

export type { Db, Executor } from "./client";

// One connection per server process. Kept on globalThis so that reloading modules in development
// does not open a new connection each time.
const globalForDb = globalThis as unknown as { baselineDb?: Db };

export function getDb(): Db {
  globalForDb.baselineDb ??= openDatabase(loadConfig().databasePath);
  return globalForDb.baselineDb;
}
