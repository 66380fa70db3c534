import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";

/**
 * A consistent copy of the live database, made while the app runs: VACUUM INTO writes the state of
 * one read transaction (the app's writers go on meanwhile, WAL lets them), so the copy never holds
 * half a transaction however busy the app is. The copy is a compact, plain database file.
 */
export function backupDatabase(source: string, destination: string): { pages: number; bytes: number } {
  if (fs.existsSync(destination)) throw new Error(`${destination} exists already: choose a new name`);
  fs.mkdirSync(path.dirname(path.resolve(destination)), { recursive: true });
  const db = new Database(source, { fileMustExist: true });
  try {
    db.pragma("busy_timeout = 5000");
    db.prepare("VACUUM INTO ?").run(destination);
    const totalPages = db.pragma("page_count", { simple: true }) as number;
    const copy = new Database(destination);
    try {
      // The copy keeps the source's WAL mode; a file meant to be moved is better in one piece.
      copy.pragma("journal_mode = DELETE");
      const check = copy.pragma("integrity_check", { simple: true });
      if (check !== "ok") throw new Error(`the copy failed its integrity check: ${String(check)}`);
    } finally {
      copy.close();
    }
    return { pages: totalPages, bytes: fs.statSync(destination).size };
  } finally {
    db.close();
  }
}
