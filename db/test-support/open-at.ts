import { databaseEngine } from "../../lib/config/env";
import { openPostgres } from "../engine/postgres";
import { openDatabase } from "../engine/sqlite";
import type { Db } from "../engine/types";

/** Another connection to a test's database (a file, or a PostgreSQL URL), as a second process would open it. */
export const openAt = (location: string): Db => (databaseEngine() === "postgresql" ? openPostgres(location, { maxConnections: 2 }) : openDatabase(location));
