import { defineConfig, devices } from "@playwright/test";
import { postgresAnswers as serverAnswers, TEST_POSTGRES } from "./db/test-support/postgres-databases";
import { findChromium } from "./e2e/browser";

// The browser tests run the real `npm start` on a database of their own, created afresh each run:
// once on the embedded SQLite file, and once on PostgreSQL when a server answers (TEST_DATABASE_URL,
// or the local one). The two halves run side by side, each one test at a time.
const SQLITE = { port: 3100, path: ".e2e-data/baseline.db" };
// The PostgreSQL half keeps its demo secret in a folder of its own.
const POSTGRES = { port: 3200, url: Object.assign(new URL(TEST_POSTGRES), { pathname: "/baseline_e2e" }).toString(), path: ".e2e-data/postgres-demo/baseline.db" };
const postgresAnswers = serverAnswers();
if (!postgresAnswers) {
  const said = "PostgreSQL half of the browser tests skipped: no server answers. Start one, or set TEST_DATABASE_URL, to run it.";
  if (process.env.BASELINE_REQUIRE_POSTGRES === "1") throw new Error(said);
  console.warn(`\n${said}\n`);
}

const server = (port: number) => `http://127.0.0.1:${port}`;
const browser = {
  ...devices["Desktop Chrome"],
  trace: "retain-on-failure" as const,
  // The service worker's own tests (e2e/offline.spec.ts) allow it; elsewhere every page comes from the server.
  serviceWorkers: "block" as const,
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
  // Two halves side by side on two cores, each with its server and browser: a server action that takes
  // 1 s alone took 3.6 s there. Budgets for the machine; a test that waits for what never comes still fails.
  timeout: 60_000,
  expect: { timeout: 10_000 },
  projects: [
    // Each half's tests share one database and run one at a time, in order.
    { name: "sqlite", workers: 1, use: { ...browser, baseURL: server(SQLITE.port) }, metadata: { databasePath: SQLITE.path } },
    // The offline scenarios (4 minutes of each half) test the browser's queue; what the engine does with it,
    // the idempotent write, is tested on both engines by the data layer's (db/data-entry/data-values.test.ts).
    ...(postgresAnswers
      ? [
          {
            name: "postgresql",
            workers: 1,
            testIgnore: ["**/offline.spec.ts"],
            use: { ...browser, baseURL: server(POSTGRES.port) },
            metadata: { databaseUrl: POSTGRES.url, databasePath: POSTGRES.path },
          },
        ]
      : []),
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
            env: { PORT: String(POSTGRES.port), DATABASE_PATH: POSTGRES.path, DATABASE_URL: POSTGRES.url, BASELINE_DEMO: "1" },
            timeout: 300_000,
            reuseExistingServer: false,
            stdout: "pipe" as const,
          },
        ]
      : []),
  ],
});
