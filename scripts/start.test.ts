import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";

// npm start with a DATABASE_URL it cannot use: one clear line, without the password, and no start.
const ROOT = path.resolve(import.meta.dirname, "..");
const start = (databaseUrl: string) =>
  spawnSync(process.execPath, ["scripts/start.mjs"], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: databaseUrl, PORT: "3999" },
    encoding: "utf8",
    timeout: 60_000,
  });

describe("npm start with a wrong DATABASE_URL", () => {
  it("stops at an unreachable server with one line that names it without the password", () => {
    const run = start("postgres://baseline:s3cret-Passw0rd@127.0.0.1:1/baseline");
    expect(run.status).toBe(1);
    const said = run.stderr.trim();
    expect(said.split("\n")).toHaveLength(1);
    expect(said).toMatch(/^Baseline cannot start: the PostgreSQL database postgres:\/\/baseline:\*+@127\.0\.0\.1:1\/baseline cannot be reached/);
    expect(`${run.stdout}${run.stderr}`).not.toContain("s3cret");
  });

  it("stops at a URL that is not PostgreSQL's, without echoing it", () => {
    const run = start("mysql://root:s3cret-Passw0rd@db/baseline");
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("DATABASE_URL must be a PostgreSQL connection URL");
    expect(`${run.stdout}${run.stderr}`).not.toContain("s3cret");
  });
});
