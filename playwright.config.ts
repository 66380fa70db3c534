import { spawnSync } from "node:child_process";
import { defineConfig, devices } from "@playwright/test";
import { findChromium } from "./e2e/browser";

// The browser tests run the real `npm start` on a database of their own, created afresh each run:
// once on the embedded SQLite file, and once on PostgreSQL when a server answers (TEST_DATABASE_URL,
// or the local one). The two halves run side by side, each one test at a time.
const SQLITE = { port: 3100, path: ".e2e-data/baseline.db" };
const POSTGRES_SERVER = process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const POSTGRES = { port: 3200, url: Object.assign(new URL(POSTGRES_SERVER), { pathname: "/baseline_e2e" }).toString() };

// Playwright reads its configuration synchronously: the server is asked in a process of its own.
const postgresAnswers =
  spawnSync(process.execPath, ["-e", "const c = new (require('pg').Client)({ connectionString: process.argv[1], connectionTimeoutMillis: 3000 }); c.connect().then(() => c.end(), () => process.exit(1))", POSTGRES_SERVER], {
    timeout: 10_000,
  }).status === 0;
if (!postgresAnswers) {
  const said = "PostgreSQL half of the browser tests skipped: no server answers. Start one, or set TEST_DATABASE_URL, to run it.";
  if (process.env.BASELINE_REQUIRE_POSTGRES === "1") throw new Error(said);
  console.warn(`\n${said}\n`);
}

const server = (port: number) => `http://127.0.0.1:${port}`;
const browser = {
  ...devices["Desktop Chrome"],
  trace: "retain-on-failure" as const,
  launchOptions: {
    executablePath: findChromium(),
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
  },
};

export default defineConfig({
  testDir: "e2e",
  fullyParallel: false,
  workers: postgresAnswers ? 2 : 1,
  forbidOnly: !!process.env.CI,
  retries: 0,
  reporter: [["list"]],
  timeout: 30_000,
  projects: [
    // Each half's tests share one database and run one at a time, in order.
    { name: "sqlite", workers: 1, use: { ...browser, baseURL: server(SQLITE.port) }, metadata: { databasePath: SQLITE.path } },
    ...(postgresAnswers ? [{ name: "postgresql", workers: 1, use: { ...browser, baseURL: server(POSTGRES.port) }, metadata: { databaseUrl: POSTGRES.url } }] : []),
  ],
  // One after the other: the first builds the app when its build is stale, the second finds it built.
  webServer: [
    {
      command: "rm -rf .e2e-data && npm start",
      url: `${server(SQLITE.port)}/api/health`,
      env: { PORT: String(SQLITE.port), DATABASE_PATH: SQLITE.path, DATABASE_URL: "", BASELINE_DEMO: "1" },
      timeout: 300_000,
      reuseExistingServer: false,
      stdout: "pipe",
    },
    ...(postgresAnswers
      ? [
          {
            command: "tsx e2e/support/fresh-postgres-database.ts && npm start",
            url: `${server(POSTGRES.port)}/api/health`,
            env: { PORT: String(POSTGRES.port), DATABASE_PATH: ".e2e-data/postgres-demo/baseline.db", DATABASE_URL: POSTGRES.url, BASELINE_DEMO: "1" },
            timeout: 300_000,
            reuseExistingServer: false,
            stdout: "pipe" as const,
          },
        ]
      : []),
  ],
});
