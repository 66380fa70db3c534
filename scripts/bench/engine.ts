import { freshDatabase, TEST_POSTGRES } from "../../db/test-support/postgres-databases";
import { rawDatabase, type RawDatabase } from "../../db/test-support/raw-database";

// Which engine `npm run bench` and `npm run test:load` measure (`--engine sqlite|postgresql`), and
// the few reads they make of its database behind the app, with `?` placeholders on either engine.

export type Engine = "sqlite" | "postgresql";

export function engineOption(argv: readonly string[] = process.argv): Engine {
  const at = argv.indexOf("--engine");
  const value = at === -1 ? "sqlite" : argv[at + 1];
  if (value !== "sqlite" && value !== "postgresql") throw new Error(`--engine takes sqlite or postgresql, not ${value}`);
  return value;
}

/** A fresh database of that name on the PostgreSQL server of TEST_DATABASE_URL, or the local one. */
export async function freshPostgresDatabase(name: string): Promise<string> {
  return (await freshDatabase(TEST_POSTGRES, name)).url;
}

export type Reader = Pick<RawDatabase, "all" | "close">;

/** Reads of the measured database: the SQLite file, or the PostgreSQL database at `url`. */
export const reader = (file: string, url?: string): Reader => rawDatabase({ file, url });
