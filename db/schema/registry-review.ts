import { check, index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { inList } from "./checks";
import { createdAt, id, updatedAt } from "./columns";
import { projects } from "./projects";
import { users } from "./users";

/**
 * A project's saved import mappings ("Kobo registration v3"): where each field is in a file and
 * what its coded values mean, as JSON ({matches, values}), with the header it was made for so that a
 * file with the same header is offered it again.
 */
export const importMappings = sqliteTable(
  "import_mappings",
  {
    id: id(),
    projectId: integer()
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    name: text().notNull(),
    /** headerSignature() of the file it was made for. */
    headerSignature: text().notNull(),
    mapping: text().notNull(),
    createdBy: integer().references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("import_mappings_project_name_unique").on(t.projectId, t.name), index("import_mappings_signature_idx").on(t.projectId, t.headerSignature)],
);

export const DUPLICATE_STATUSES = ["open", "merged", "distinct"] as const;
export const DUPLICATE_REASONS = ["same_household", "similar_id"] as const;

/**
 * Pairs of records likely to be one person, and what a manager decided. Merging keeps the first
 * record and removes the second: `mergedRecord` holds what undoing needs (the removed row, the
 * services and roster places moved or dropped), and `secondRef` keeps sending the removed record's
 * ID to the kept one, so that importing the file again adds nobody. No foreign key to the records:
 * the pair outlives the record it removed.
 */
export const duplicatePairs = sqliteTable(
  "duplicate_pairs",
  {
    id: id(),
    projectId: integer()
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    firstId: integer().notNull(),
    secondId: integer().notNull(),
    firstRef: text().notNull(),
    secondRef: text().notNull(),
    reason: text({ enum: DUPLICATE_REASONS }).notNull(),
    status: text({ enum: DUPLICATE_STATUSES }).notNull().default("open"),
    mergedRecord: text(),
    decidedBy: integer().references(() => users.id, { onDelete: "set null" }),
    decidedAt: text(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("duplicate_pairs_unique").on(t.projectId, t.firstId, t.secondId),
    index("duplicate_pairs_status_idx").on(t.projectId, t.status),
    check("duplicate_pairs_status_check", inList(t.status, DUPLICATE_STATUSES)),
    check("duplicate_pairs_reason_check", inList(t.reason, DUPLICATE_REASONS)),
  ],
);

export type ImportMappingRow = typeof importMappings.$inferSelect;
export type DuplicatePair = typeof duplicatePairs.$inferSelect;
