import { z } from "zod";

export const MAX_LIMIT = 1000;

const pageSchema = z.object({
  limit: z.coerce.number().int().min(1).max(MAX_LIMIT).optional(),
  offset: z.coerce.number().int().min(0).max(1e9).default(0),
});

export type Page = { limit: number | null; offset: number };

/** The page a list request asks for: `limit` (1 to 1,000; `fallback` when absent, null for all) and `offset`. Null when malformed. */
export function readPage(url: URL, fallback: number | null): Page | null {
  const parsed = pageSchema.safeParse({ limit: url.searchParams.get("limit") ?? undefined, offset: url.searchParams.get("offset") ?? undefined });
  if (!parsed.success) return null;
  return { limit: parsed.data.limit ?? fallback, offset: parsed.data.offset };
}

/**
 * A list as every list endpoint answers it: `data`, the items of the page in the list's stable
 * order, and `next`, the address of the next page or null on the last one.
 */
export function pageOf<T>(url: URL, items: readonly T[], page: Page): { data: T[]; next: string | null } {
  const end = page.limit === null ? items.length : page.offset + page.limit;
  const data = items.slice(page.offset, end);
  if (end >= items.length) return { data, next: null };
  const next = new URL(url);
  next.searchParams.set("offset", String(end));
  if (page.limit !== null) next.searchParams.set("limit", String(page.limit));
  return { data, next: `${next.pathname}${next.search}` };
}
