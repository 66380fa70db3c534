import { sql } from "drizzle-orm";
import { spawn } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { bootstrapDatabase } from "../bootstrap";
import { openAt } from "../test-support/open-at";
import { demoDatabaseForTests } from "../test-database";

const demo = demoDatabaseForTests();
const ROOT = path.resolve(import.meta.dirname, "../..");

/** Starts a large import in a process of its own and kills it with SIGKILL once it writes. */
function importAndKill(location: string, rows: number, afterMs: number): Promise<{ said: string; signal: NodeJS.Signals | null }> {
  return new Promise((resolve, reject) => {
    // Node itself with tsx's loader: the tsx command would run the script in a child process of its own, which SIGKILL would not reach.
    const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", "db/test-support/import-until-killed.ts", location, String(rows)], {
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
    const people = async () => (await demo.db.all<{ n: number }>(sql`SELECT count(*) AS n FROM beneficiaries WHERE ref LIKE 'CRASH-%'`))[0]!.n;
    expect(await people()).toBe(0);
    const { said, signal } = await importAndKill(demo.location, 60_000, 300);
    expect(signal).toBe("SIGKILL");
    expect(said).not.toContain("done");
    // None of it: the transaction never committed, and nothing of it is left half-written.
    expect(await people()).toBe(0);

    const db = openAt(demo.location);
    try {
      expect(await bootstrapDatabase(db, { demo: true, admin: { email: undefined, password: undefined, name: "Administrator" } })).toBe("kept-existing-data");
      if (db.engine === "sqlite") expect(await db.all(sql`PRAGMA integrity_check`)).toEqual([{ integrity_check: "ok" }]);
    } finally {
      await db.close();
    }
  }, 120_000);
});
