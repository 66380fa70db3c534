import path from "node:path";
import pg from "pg";
import { defineConfig } from "vitest/config";

// Two halves: every test on the embedded SQLite engine, and those that touch a database again on
// PostgreSQL (TEST_DATABASE_URL, or the local server), each test file in a database of its own.
const POSTGRES = process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const ALL = ["*.test.ts", "lib/**/*.test.ts", "server/**/*.test.ts", "db/**/*.test.ts", "app/**/*.test.ts", "scripts/**/*.test.ts"];
// What holds only for one engine, or compares both itself.
const SQLITE_ONLY = ["db/engine/sqlite*.test.ts", "db/schema-pg/index.test.ts"];
// What holds only on PostgreSQL.
const POSTGRES_ONLY = ["db/engine/postgres*.test.ts"];

async function postgresAnswers(): Promise<boolean> {
  const client = new pg.Client({ connectionString: POSTGRES, connectionTimeoutMillis: 3_000 });
  try {
    await client.connect();
    await client.query("SELECT 1");
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

export default defineConfig(async () => {
  const withPostgres = await postgresAnswers();
  if (!withPostgres) {
    const said = `PostgreSQL half of the tests skipped: no server answers at ${POSTGRES.replace(/:[^:@/]*@/, ":*****@")}. Start one, or set TEST_DATABASE_URL, to run it.`;
    if (process.env.BASELINE_REQUIRE_POSTGRES === "1") throw new Error(said);
    console.warn(`\n${said}\n`);
  }
  return {
    resolve: {
      alias: {
        "@": path.resolve(import.meta.dirname),
        // "server-only" throws outside React Server Components; tests call the data layer directly.
        "server-only": path.resolve(import.meta.dirname, "node_modules/server-only/empty.js"),
      },
    },
    test: {
      environment: "node",
      projects: [
        { extends: true as const, test: { name: "sqlite", include: ALL, exclude: POSTGRES_ONLY, env: { DATABASE_URL: "" } } },
        ...(withPostgres
          ? [
              {
                extends: true as const,
                test: {
                  name: "postgresql",
                  include: ["server/**/*.test.ts", "db/**/*.test.ts", "app/**/*.test.ts"],
                  exclude: SQLITE_ONLY,
                  env: { DATABASE_URL: POSTGRES },
                  globalSetup: ["db/test-support/postgres-setup.ts"],
                },
              },
            ]
          : []),
      ],
    },
  };
});
