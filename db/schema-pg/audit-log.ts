// Written by scripts/pg-schema.ts from db/schema: change db/schema, then run npm run db:generate.
import { index, integer, pgTable, text } from "drizzle-orm/pg-core";
import { createdAt, id } from "./columns";
import { projects } from "./projects";
import { users } from "./users";

/** Append-only: a trigger in the migrations refuses UPDATE and DELETE. */
export const auditLog = pgTable(
  "audit_log",
  {
    id: id(),
    at: createdAt(),
    /** Null for the system (migrations, seeding, bootstrap). */
    userId: integer().references(() => users.id),
    action: text().notNull(),
    entityType: text().notNull(),
    entityId: integer(),
    projectId: integer().references(() => projects.id),
    /** JSON: what changed, before and after. */
    details: text(),
  },
  (t) => [index("audit_log_project_idx").on(t.projectId, t.at), index("audit_log_entity_idx").on(t.entityType, t.entityId)],
);

export type AuditEntry = typeof auditLog.$inferSelect;
