import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";

/**
 * A consistent copy of the live database, made while the app runs: SQLite's online backup copies
 * the pages of one committed state; writes made meanwhile by other connections restart it, so the
 * copy never holds half a transaction. The copy is a plain database file, without -wal or -shm.
 */
export async function backupDatabase(source: string, destination: string): Promise<{ pages: number; bytes: number }> {
  if (fs.existsSync(destination)) throw new Error(`${destination} exists already: choose a new name`);
  fs.mkdirSync(path.dirname(path.resolve(destination)), { recursive: true });
  const db = new Database(source, { readonly: true, fileMustExist: true });
  try {
    const { totalPages } = await db.backup(destination);
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
