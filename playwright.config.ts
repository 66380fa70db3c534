import { defineConfig, devices } from "@playwright/test";
import { findChromium } from "./e2e/browser";

// The browser tests run the real `npm start` on a database of their own, created afresh each run.
const PORT = 3100;
const baseURL = `http://127.0.0.1:${PORT}`;

export default defineConfig({
  testDir: "e2e",
  fullyParallel: false,
  workers: 1,
  forbidOnly: !!process.env.CI,
  retries: 0,
  reporter: [["list"]],
  timeout: 30_000,
  use: {
    baseURL,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: findChromium(),
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"] } }],
  webServer: {
    command: "rm -rf .e2e-data && npm start",
    url: `${baseURL}/api/health`,
    env: { PORT: String(PORT), DATABASE_PATH: ".e2e-data/baseline.db", BASELINE_DEMO: "1" },
    timeout: 300_000,
    reuseExistingServer: false,
    stdout: "pipe",
  },
});
