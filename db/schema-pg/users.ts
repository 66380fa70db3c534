// Written by scripts/pg-schema.ts from db/schema: change db/schema, then run npm run db:generate.
import { check, index, integer, primaryKey, pgTable, text, uniqueIndex } from "drizzle-orm/pg-core";
import { LANGUAGES, USER_ROLES } from "../../lib/domain/codes";
import { inList, isNullOrInList } from "./checks";
import { createdAt, id } from "./columns";
import { organisations } from "./organisations";
import { projects } from "./projects";

export const users = pgTable(
  "users",
  {
    id: id(),
    /** Stored lower-case. */
    email: text().notNull(),
    name: text().notNull(),
    passwordHash: text().notNull(),
    role: text({ enum: USER_ROLES }).notNull(),
    /** A donor sees the projects this organisation funds. */
    organisationId: integer().references(() => organisations.id),
    /** Null until the user chooses a language; the browser's is used until then. */
    language: text({ enum: LANGUAGES }),
    /** Raised to end every session of the user (sign-out everywhere, password or role change). */
    sessionVersion: integer().notNull().default(1),
    disabledAt: text(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("users_email_unique").on(t.email),
    check("users_role_check", inList(t.role, USER_ROLES)),
    check("users_language_check", isNullOrInList(t.language, LANGUAGES)),
  ],
);

/** The projects a manager works on. Staff and admins see every project; donors through funding. */
export const projectMembers = pgTable(
  "project_members",
  {
    userId: integer()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    projectId: integer()
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.userId, t.projectId] }), index("project_members_project_idx").on(t.projectId)],
);

/** Personal API tokens: only a hash is kept; the token is shown once. */
export const apiTokens = pgTable(
  "api_tokens",
  {
    id: id(),
    userId: integer()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    name: text().notNull(),
    tokenHash: text().notNull(),
    /** The first characters of the token, to recognise it in a list. */
    prefix: text().notNull(),
    createdAt: createdAt(),
    lastUsedAt: text(),
    expiresAt: text(),
    revokedAt: text(),
  },
  (t) => [uniqueIndex("api_tokens_hash_unique").on(t.tokenHash), index("api_tokens_user_idx").on(t.userId)],
);

/**
 * Failed sign-ins, kept a day: ten for one e-mail within 15 minutes lock that account for 15
 * minutes; a hundred from one address lock that address (a whole office may share one).
 */
export const signInFailures = pgTable(
  "sign_in_failures",
  {
    id: id(),
    /** As typed, lower-case: unknown e-mails lock like known ones, so a lock tells nothing. */
    email: text().notNull(),
    address: text().notNull(),
    at: text().notNull(),
  },
  (t) => [index("sign_in_failures_email_idx").on(t.email, t.at), index("sign_in_failures_address_idx").on(t.address, t.at)],
);

export type User = typeof users.$inferSelect;
export type NewUser = typeof users.$inferInsert;

/**
 * One-time sign-in links: Baseline sends no e-mail, so an admin hands a new person this link; it
 * sets their password on first use and expires after 7 days. Only a hash of its token is kept.
 */
export const signInLinks = pgTable(
  "sign_in_links",
  {
    id: id(),
    userId: integer()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    tokenHash: text().notNull(),
    createdBy: integer().references(() => users.id),
    createdAt: createdAt(),
    expiresAt: text().notNull(),
    usedAt: text(),
  },
  (t) => [uniqueIndex("sign_in_links_hash_unique").on(t.tokenHash), index("sign_in_links_user_idx").on(t.userId)],
);

export type SignInLink = typeof signInLinks.$inferSelect;
