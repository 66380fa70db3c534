import { openDB, type DBSchema, type IDBPDatabase } from "idb";
import { inOrder, type Change } from "@/lib/offline/change-log";

// The change log in IndexedDB (through idb, a small maintained wrapper), kept there until the server
// has written each change: a closed tab, a browser restart or an ended session loses nothing. Every
// tab of the app reads the same log; a BroadcastChannel tells the others when it changed.

interface OutboxSchema extends DBSchema {
  changes: { key: string; value: Change; indexes: { byUser: number } };
}

const NAME = "baseline-outbox";
const CHANNEL = "baseline-outbox";

let opened: Promise<IDBPDatabase<OutboxSchema>> | null = null;
const database = () =>
  (opened ??= openDB<OutboxSchema>(NAME, 1, {
    upgrade(db) {
      db.createObjectStore("changes", { keyPath: "id" }).createIndex("byUser", "userId");
    },
  }));

let channel: BroadcastChannel | null = null;
const told = () => (channel ??= typeof BroadcastChannel === "undefined" ? null : new BroadcastChannel(CHANNEL));

/** Someone's changes, oldest first: the order in which they are sent. */
export async function readChanges(userId: number): Promise<Change[]> {
  return inOrder(await (await database()).getAllFromIndex("changes", "byUser", userId));
}

/** Adds or replaces changes in one transaction, and deletes others: the log moves in one step. */
export async function writeChanges(put: readonly Change[], remove: readonly string[] = []): Promise<void> {
  const tx = (await database()).transaction("changes", "readwrite");
  await Promise.all([...put.map((change) => tx.store.put(change)), ...remove.map((id) => tx.store.delete(id)), tx.done]);
  told()?.postMessage("changed");
}

/** Calls back when another tab changed the log. */
export function watchOtherTabs(changed: () => void): () => void {
  const listen = told();
  if (!listen) return () => undefined;
  const onMessage = () => changed();
  listen.addEventListener("message", onMessage);
  return () => listen.removeEventListener("message", onMessage);
}
