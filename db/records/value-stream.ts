import Database from "better-sqlite3";
import type { SQL } from "drizzle-orm";
import { SQLiteSyncDialect } from "drizzle-orm/sqlite-core";

const ROWS_PER_CHUNK = 5_000;

/**
 * Streams the rows of a query as text chunks, from a read-only connection of its own: the export
 * reads one consistent snapshot while the app's connection goes on serving (WAL), and only one chunk
 * is in memory at a time, whatever the number of rows.
 */
export function streamQuery(file: string, query: SQL, head: string, line: (row: unknown[]) => string, rowsPerChunk = ROWS_PER_CHUNK): ReadableStream<Uint8Array> {
  const { sql, params } = new SQLiteSyncDialect().sqlToQuery(query);
  const encoder = new TextEncoder();
  let connection: Database.Database | null = null;
  let rows: IterableIterator<unknown[]> | null = null;
  const close = () => {
    rows?.return?.();
    connection?.close();
    connection = null;
    rows = null;
  };
  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        connection = new Database(file, { readonly: true, fileMustExist: true });
        rows = connection.prepare(sql).raw(true).iterate(...params) as IterableIterator<unknown[]>;
        controller.enqueue(encoder.encode(head));
      },
      pull(controller) {
        let chunk = "";
        for (let n = 0; n < rowsPerChunk; n++) {
          const next = rows?.next();
          if (!next || next.done) {
            if (chunk) controller.enqueue(encoder.encode(chunk));
            close();
            controller.close();
            return;
          }
          chunk += line(next.value);
        }
        controller.enqueue(encoder.encode(chunk));
      },
      cancel: close,
    },
    { highWaterMark: 2 },
  );
}
