import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

/**
 * Runs a PostgreSQL client tool, on the database of `url` when given: its password in the tool's
 * environment, never on its command line. Gives what the tool printed.
 */
function run(tool: "pg_dump" | "pg_restore", args: string[], url?: string): Promise<string> {
  const parsed = url ? new URL(url) : null;
  const password = parsed ? decodeURIComponent(parsed.password) : "";
  if (parsed) parsed.password = "";
  return new Promise((resolve, reject) => {
    const child = spawn(tool, parsed ? [...args, `--dbname=${parsed.toString()}`] : args, {
      env: { ...process.env, ...(password ? { PGPASSWORD: password } : {}) },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    let err = "";
    child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (err += chunk.toString()));
    child.on("error", (error: NodeJS.ErrnoException) =>
      reject(error.code === "ENOENT" ? new Error(`${tool} was not found: install PostgreSQL's client tools (Debian: apt-get install postgresql-client)`) : error),
    );
    child.on("exit", (code) => (code === 0 ? resolve(out) : reject(new Error(`${tool} failed: ${err.trim() || `exit ${code}`}`))));
  });
}

/**
 * A consistent copy of the live PostgreSQL database, made while the app runs: pg_dump reads one
 * snapshot, so the copy never holds half a transaction. The copy is pg_dump's custom format,
 * restored with pg_restore (see the README), and is checked to be readable.
 */
export async function backupPostgres(url: string, destination: string): Promise<{ bytes: number; entries: number }> {
  if (fs.existsSync(destination)) throw new Error(`${destination} exists already: choose a new name`);
  fs.mkdirSync(path.dirname(path.resolve(destination)), { recursive: true });
  await run("pg_dump", ["--format=custom", "--no-owner", "--no-privileges", `--file=${destination}`], url);
  // Read back: a copy pg_restore cannot list is no backup.
  const listed = await run("pg_restore", ["--list", destination]);
  return { bytes: fs.statSync(destination).size, entries: listed.split("\n").filter((line) => /^\d+;/.test(line)).length };
}

/** Restores a copy made by backupPostgres into an empty database (as the README's restore does). */
export async function restorePostgres(backup: string, url: string): Promise<void> {
  await run("pg_restore", ["--no-owner", "--no-privileges", "--exit-on-error", backup], url);
}
