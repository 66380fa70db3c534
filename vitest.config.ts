import path from "node:path";
import { withoutPassword } from "./lib/config/env";
import { postgresAnswers, TEST_POSTGRES } from "./db/test-support/postgres-databases";
import { defineConfig } from "vitest/config";

// Two halves: every test on the embedded SQLite engine, and those that touch a database again on
// PostgreSQL (TEST_DATABASE_URL, or the local server), each test file in a database of its own.
const ALL = ["*.test.ts", "lib/**/*.test.ts", "server/**/*.test.ts", "db/**/*.test.ts", "app/**/*.test.ts", "scripts/**/*.test.ts"];
// What holds only for one engine, or compares both itself.
const SQLITE_ONLY = ["db/engine/sqlite*.test.ts", "db/schema-pg/index.test.ts"];
// What holds only on PostgreSQL.
const POSTGRES_ONLY = ["db/engine/postgres*.test.ts"];

export default defineConfig(() => {
  const withPostgres = postgresAnswers();
  if (!withPostgres) {
    const said = `PostgreSQL half of the tests skipped: no server answers at ${withoutPassword(TEST_POSTGRES)}. Start one, or set TEST_DATABASE_URL, to run it.`;
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
      // Both engines' files run side by side on two cores: a test of the data layer that takes 2 s on an
      // idle machine took over 5 s (vitest's default) on a busy one. The budget is for the machine, not
      // for a test that hangs: those still fail.
      testTimeout: 20_000,
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
                  env: { DATABASE_URL: TEST_POSTGRES },
                  globalSetup: ["db/test-support/postgres-setup.ts"],
                },
              },
            ]
          : []),
      ],
    },
  };
});
