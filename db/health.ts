import "server-only";
import { sql } from "drizzle-orm";
import type { Db } from "./engine/types";
import { getDb } from "./index";

/** Whether the database answers a query, and which engine it is; unhealthy when it cannot be opened or read. */
export async function databaseHealth(openDb: () => Db = getDb): Promise<{ healthy: true; engine: Db["engine"] } | { healthy: false }> {
  try {
    const db = openDb();
    await db.all(sql`select 1`);
    return { healthy: true, engine: db.engine };
  } catch {
    return { healthy: false };
  }
}
