import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { and, desc, eq, isNull, or, gt } from "drizzle-orm";
import type { Db } from "../engine/types";
import { getDb } from "../index";
import { apiTokens, users } from "../tables";
import { currentUserOf, type CurrentUser } from "./users";
import { dbOf, type QueryContext } from "./viewer";
import { recordAudit } from "../audit/audit-record";

// Personal API tokens: "bl_" and 43 characters of randomness, shown once. Only their SHA-256 is
// kept (enough for a random secret of 256 bits); the first characters stay visible to tell them apart.

const PREFIX_LENGTH = 10;
/** Writing the last use on every request would turn each read into a write: once a minute is enough. */
const LAST_USED_PRECISION_MS = 60_000;

const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

export type ApiTokenListItem = { id: number; name: string; prefix: string; createdAt: string; lastUsedAt: string | null; revokedAt: string | null };

/** The caller's own tokens, newest first. */
export async function listApiTokens(ctx: QueryContext): Promise<ApiTokenListItem[]> {
  return await dbOf(ctx)
    .select({ id: apiTokens.id, name: apiTokens.name, prefix: apiTokens.prefix, createdAt: apiTokens.createdAt, lastUsedAt: apiTokens.lastUsedAt, revokedAt: apiTokens.revokedAt })
    .from(apiTokens)
    .where(eq(apiTokens.userId, ctx.viewer.userId))
    .orderBy(desc(apiTokens.id));
}

/** Makes a token for the caller; the token itself is in the answer and nowhere else. */
export async function createApiToken(ctx: QueryContext, name: string): Promise<{ token: string; item: ApiTokenListItem }> {
  const token = `bl_${randomBytes(32).toString("base64url")}`;
  const db = dbOf(ctx);
  return await db.write(async (tx) => {
    const row = (
      await tx
        .insert(apiTokens)
        .values({ userId: ctx.viewer.userId, name, tokenHash: hashToken(token), prefix: token.slice(0, PREFIX_LENGTH) })
        .returning()
    )[0]!;
    await recordAudit(tx, { userId: ctx.viewer.userId, action: "api_token.create", entityType: "api_token", entityId: row.id, details: { name, prefix: row.prefix } });
    return { token, item: { id: row.id, name: row.name, prefix: row.prefix, createdAt: row.createdAt, lastUsedAt: null, revokedAt: null } };
  });
}

/** Revokes one of the caller's tokens; false when it is not theirs or already revoked. */
export async function revokeApiToken(ctx: QueryContext, tokenId: number): Promise<boolean> {
  const db = dbOf(ctx);
  return await db.write(async (tx) => {
    const revoked = (
      await tx
        .update(apiTokens)
        .set({ revokedAt: new Date().toISOString() })
        .where(and(eq(apiTokens.id, tokenId), eq(apiTokens.userId, ctx.viewer.userId), isNull(apiTokens.revokedAt)))
        .returning({ id: apiTokens.id, prefix: apiTokens.prefix })
    )[0]!;
    if (!revoked) return false;
    await recordAudit(tx, { userId: ctx.viewer.userId, action: "api_token.revoke", entityType: "api_token", entityId: revoked.id, details: { prefix: revoked.prefix } });
    return true;
  });
}

/**
 * The user a bearer token acts for, with exactly their permissions as they are now; null for an
 * unknown, revoked or expired token, or a disabled account.
 */
export async function findTokenUser(token: string, db: Db = getDb(), now = new Date()): Promise<CurrentUser | null> {
  if (!/^bl_[A-Za-z0-9_-]{43}$/.test(token)) return null;
  const found = (
    await db
      .select({ token: apiTokens, user: users })
      .from(apiTokens)
      .innerJoin(users, eq(apiTokens.userId, users.id))
      .where(
        and(
          eq(apiTokens.tokenHash, hashToken(token)),
          isNull(apiTokens.revokedAt),
          or(isNull(apiTokens.expiresAt), gt(apiTokens.expiresAt, now.toISOString())),
          isNull(users.disabledAt),
        ),
      )
  )[0];
  if (!found) return null;
  const lastUsed = found.token.lastUsedAt === null ? 0 : Date.parse(found.token.lastUsedAt);
  if (now.getTime() - lastUsed > LAST_USED_PRECISION_MS)
    await db.write((tx) => tx.update(apiTokens).set({ lastUsedAt: now.toISOString() }).where(eq(apiTokens.id, found.token.id)));
  return currentUserOf(found.user);
}
