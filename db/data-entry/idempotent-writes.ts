import "server-only";
import { and, eq, lt } from "drizzle-orm";
import type { Executor } from "../engine/types";
import { idempotentWrites } from "../tables";

/** A write sent with an `Idempotency-Key`: the caller's key and a hash of the request's body. */
export type IdempotencyKey = { key: string; requestHash: string };

/** How long a key is remembered: longer than a field office stays without a connection. */
const KEPT_DAYS = 90;

/** What the caller's key answered before: the outcome kept, another body under the same key, or nothing yet. */
export async function findIdempotentWrite<T>(tx: Executor, userId: number, idempotency: IdempotencyKey): Promise<{ kind: "new" } | { kind: "replay"; outcome: T } | { kind: "reused" }> {
  const row = (
    await tx
      .select()
      .from(idempotentWrites)
      .where(and(eq(idempotentWrites.userId, userId), eq(idempotentWrites.key, idempotency.key)))
  )[0];
  if (!row) return { kind: "new" };
  return row.requestHash === idempotency.requestHash ? { kind: "replay", outcome: JSON.parse(row.outcome) as T } : { kind: "reused" };
}

/** Keeps the outcome of a write under its key, in the write's own transaction, and forgets keys past their time. */
export async function rememberIdempotentWrite(tx: Executor, userId: number, idempotency: IdempotencyKey, outcome: unknown, now: Date): Promise<void> {
  await tx.delete(idempotentWrites).where(lt(idempotentWrites.createdAt, new Date(now.getTime() - KEPT_DAYS * 86_400_000).toISOString()));
  await tx.insert(idempotentWrites).values({ userId, key: idempotency.key, requestHash: idempotency.requestHash, outcome: JSON.stringify(outcome), createdAt: now.toISOString() });
}
