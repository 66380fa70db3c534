import "server-only";
import { sql } from "drizzle-orm";
import type { Db } from "./engine/sqlite";
import { getDb } from "./index";

/** True when the database answers a query; false when it cannot be opened or read. */
export async function isDatabaseHealthy(openDb: () => Db = getDb): Promise<boolean> {
  try {
    await openDb().all(sql`select 1`);
    return true;
  } catch {
    return false;
  }
}
