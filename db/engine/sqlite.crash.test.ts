import { sql } from "drizzle-orm";
import { spawn } from "node:child_process";
import path from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { bootstrapDatabase } from "../bootstrap";
import { openDatabase } from "./sqlite";
import { demoDatabaseForTests } from "../test-database";

const demo = demoDatabaseForTests();
const ROOT = path.resolve(import.meta.dirname, "../..");

/** Starts a large import in a process of its own and kills it with SIGKILL once it writes. */
function importAndKill(file: string, rows: number, afterMs: number): Promise<{ said: string; signal: NodeJS.Signals | null }> {
  return new Promise((resolve, reject) => {
    // Node itself with tsx's loader: the tsx command would run the script in a child process of its own, which SIGKILL would not reach.
    const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", "db/test-support/import-until-killed.ts", file, String(rows)], {
      cwd: ROOT,
      stdio: ["ignore", "pipe", "inherit"],
    });
    let said = "";
    child.stdout.on("data", (chunk: Buffer) => {
      said += chunk.toString();
      if (said.includes("writing")) setTimeout(() => child.kill("SIGKILL"), afterMs);
    });
    child.on("error", reject);
    child.on("exit", (_code, signal) => resolve({ said, signal }));
  });
}

describe("a server killed in the middle of a large import", () => {
  it("leaves all of it or none of it, and the app starts again cleanly", async () => {
    const before = new Database(demo.file, { readonly: true });
    const people = () => (before.prepare("SELECT count(*) AS n FROM beneficiaries WHERE ref LIKE 'CRASH-%'").get() as { n: number }).n;
    expect(people()).toBe(0);
    const { said, signal } = await importAndKill(demo.file, 60_000, 300);
    expect(signal).toBe("SIGKILL");
    expect(said).not.toContain("done");
    // None of it: the transaction never committed, and nothing of it is left half-written.
    expect(people()).toBe(0);
    expect(before.pragma("integrity_check", { simple: true })).toBe("ok");
    before.close();

    const db = openDatabase(demo.file);
    try {
      expect(await bootstrapDatabase(db, { demo: true, admin: { email: undefined, password: undefined, name: "Administrator" } })).toBe("kept-existing-data");
      expect(await db.all(sql`PRAGMA integrity_check`)).toEqual([{ integrity_check: "ok" }]);
    } finally {
      db.close();
    }
  }, 120_000);
});
