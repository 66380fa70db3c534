import type { Db } from "./engine/types";

// Results of costly reads (the portfolio of a thousand projects, a programme), kept until the
// database changes. The database's change stamp moves at each commit, by this process or another
// (a script, an import run elsewhere): any move empties the cache, so a cached figure is always the
// figure computed from the data as it is now.

// A portfolio of a thousand projects is about a megabyte: a hundred entries keep memory in bounds.
const MAX_ENTRIES = 100;

type Cache = { stamp: string; entries: Map<string, unknown> };
const caches = new WeakMap<Db, Cache>();
let enabled = true;

/** The value of `compute` for `key`, computed again only after a change of the data. */
export async function remember<T>(db: Db, key: string, compute: () => Promise<T>): Promise<T> {
  // Inside a write, reads see its uncommitted rows: nothing of them may be kept.
  if (!enabled || db.inWrite()) return compute();
  const stamp = await db.changeStamp();
  let cache = caches.get(db);
  if (!cache || cache.stamp !== stamp) {
    cache = { stamp, entries: new Map() };
    caches.set(db, cache);
  }
  if (cache.entries.has(key)) return cache.entries.get(key) as T;
  const value = await compute();
  // A commit while computing may have left the value between two states: keep nothing.
  if ((await db.changeStamp()) !== stamp || caches.get(db) !== cache) return value;
  if (cache.entries.size >= MAX_ENTRIES) cache.entries.delete(cache.entries.keys().next().value as string);
  cache.entries.set(key, value);
  return value;
}

/** For tests: compute everything afresh while `run` runs, to compare with what the cache gives. */
export async function withoutReadCache<T>(run: () => Promise<T>): Promise<T> {
  enabled = false;
  try {
    return await run();
  } finally {
    enabled = true;
  }
}
