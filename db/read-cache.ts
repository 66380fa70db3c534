import type Database from "better-sqlite3";
import type { Db } from "./client";

// Results of costly reads (the portfolio of a thousand projects, a programme), kept until the
// database changes. Any write through the app's connection moves SQLite's total_changes(), and any
// commit by another connection (a script, an import run elsewhere) moves PRAGMA data_version: either
// empties the cache, so a cached figure is always the figure computed from the data as it is now.

// A portfolio of a thousand projects is about a megabyte: a hundred entries keep memory in bounds.
const MAX_ENTRIES = 100;

type Cache = { stamp: string; entries: Map<string, unknown>; stampOf: () => string };
const caches = new WeakMap<Database.Database, Cache>();
let enabled = true;

function cacheOf(client: Database.Database): Cache {
  let cache = caches.get(client);
  if (!cache) {
    const changes = client.prepare("SELECT total_changes()").pluck();
    const stampOf = () => `${changes.get() as number}:${client.pragma("data_version", { simple: true }) as number}`;
    cache = { stamp: stampOf(), entries: new Map(), stampOf };
    caches.set(client, cache);
  }
  return cache;
}

/** The value of `compute` for `key`, computed again only after a change of the data. */
export function remember<T>(db: Db, key: string, compute: () => T): T {
  if (!enabled || db.$client.inTransaction) return compute();
  const cache = cacheOf(db.$client);
  const stamp = cache.stampOf();
  if (stamp !== cache.stamp) {
    cache.entries.clear();
    cache.stamp = stamp;
  }
  if (cache.entries.has(key)) return cache.entries.get(key) as T;
  const value = compute();
  // Computing may not write, but if it did, what was computed may be from before it: keep nothing.
  if (cache.stampOf() !== stamp) return value;
  if (cache.entries.size >= MAX_ENTRIES) cache.entries.delete(cache.entries.keys().next().value as string);
  cache.entries.set(key, value);
  return value;
}

/** For tests: compute everything afresh while `run` runs, to compare with what the cache gives. */
export function withoutReadCache<T>(run: () => T): T {
  enabled = false;
  try {
    return run();
  } finally {
    enabled = true;
  }
}
