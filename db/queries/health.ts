import "server-only";
import { sql } from "drizzle-orm";
import type { Db } from "../client";
import { getDb } from "../index";

/** True when the database answers a query; false when it cannot be opened or read. */
export function isDatabaseHealthy(openDb: () => Db = getDb): boolean {
  try {
    openDb().get(sql`select 1`);
    return true;
  } catch {
    return false;
  }
}
