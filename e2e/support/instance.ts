import { spawn } from "node:child_process";
import { expect, test } from "@playwright/test";

/**
 * Another `npm start` of the app, on `port`, with the settings of the project's own server
 * (playwright.config.ts) unless `databaseUrl` says otherwise: the same database and, through its
 * folder, the same demo secret. Resolves once it answers; `stop` ends npm, the start script and Next.js.
 */
export async function startInstance(port: number, databaseUrl?: string): Promise<{ baseURL: string; stop: () => void }> {
  const metadata = test.info().project.metadata as { databaseUrl?: string; databasePath?: string };
  const child = spawn("npm", ["start"], {
    env: {
      ...process.env,
      PORT: String(port),
      DATABASE_URL: databaseUrl ?? metadata.databaseUrl ?? "",
      DATABASE_PATH: metadata.databasePath,
      BASELINE_DEMO: "1",
    },
    stdio: "ignore",
    detached: true,
  });
  const baseURL = `http://127.0.0.1:${port}`;
  const stop = () => {
    if (child.pid) process.kill(-child.pid, "SIGTERM");
  };
  try {
    await expect
      .poll(
        () =>
          fetch(`${baseURL}/api/health`).then(
            (r) => r.status,
            () => 0,
          ),
        { timeout: 90_000 },
      )
      .toBe(200);
  } catch (error) {
    stop();
    throw error;
  }
  return { baseURL, stop };
}
