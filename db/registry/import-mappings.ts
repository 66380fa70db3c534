import "server-only";
import { and, asc, desc, eq } from "drizzle-orm";
import { importMappingSchema, type ImportMapping, type NamedImportMapping } from "../../lib/beneficiaries/import-mapping";
import { recordAudit } from "../audit/audit-record";
import type { Executor } from "../engine/types";
import { importMappings, type ImportMappingRow } from "../tables";
import { dbOf, may, type QueryContext } from "../users/viewer";

// A project's saved import mappings, seen and changed by those who import into it (its managers and
// admins). Every change is in the audit trail with what the mapping was before and after.

export type SavedImportMapping = NamedImportMapping & { id: number; headerSignature: string; updatedAt: string };

function saved(row: ImportMappingRow): SavedImportMapping {
  const mapping = importMappingSchema.parse(JSON.parse(row.mapping)) as ImportMapping;
  return { id: row.id, name: row.name, headerSignature: row.headerSignature, updatedAt: row.updatedAt, matches: mapping.matches, values: mapping.values };
}

const forbidden = { kind: "forbidden" } as const;

/** A mapping of the project by its id; no access check. */
async function mappingRow(db: Executor, projectId: number, id: number): Promise<ImportMappingRow | undefined> {
  const [row] = await db
    .select()
    .from(importMappings)
    .where(and(eq(importMappings.projectId, projectId), eq(importMappings.id, id)));
  return row;
}

export async function listImportMappings(ctx: QueryContext, projectId: number): Promise<SavedImportMapping[] | null> {
  if (!(await may(ctx, "enter", projectId))) return null;
  const rows = await dbOf(ctx).select().from(importMappings).where(eq(importMappings.projectId, projectId)).orderBy(asc(importMappings.name));
  return rows.map(saved);
}

export async function getImportMapping(ctx: QueryContext, projectId: number, id: number): Promise<SavedImportMapping | null> {
  if (!(await may(ctx, "enter", projectId))) return null;
  const row = await mappingRow(dbOf(ctx), projectId, id);
  return row ? saved(row) : null;
}

/** The mapping last saved for a file with this header, to offer again. */
export async function findImportMappingByHeader(ctx: QueryContext, projectId: number, headerSignature: string): Promise<SavedImportMapping | null> {
  if (!(await may(ctx, "enter", projectId))) return null;
  const [row] = await dbOf(ctx)
    .select()
    .from(importMappings)
    .where(and(eq(importMappings.projectId, projectId), eq(importMappings.headerSignature, headerSignature)))
    .orderBy(desc(importMappings.updatedAt))
    .limit(1);
  return row ? saved(row) : null;
}

type SaveOutcome = typeof forbidden | { kind: "not_found" } | { kind: "name_taken" } | { kind: "saved"; mapping: SavedImportMapping; created: boolean };

/**
 * Makes a mapping (no `id`) or changes one, with its audit entry in the same transaction. A name is
 * used once per project. The header it was made for is kept when a change does not give one.
 */
export async function saveImportMapping(ctx: QueryContext, projectId: number, input: NamedImportMapping & { id?: number; headerSignature?: string }): Promise<SaveOutcome> {
  if (!(await may(ctx, "enter", projectId))) return forbidden;
  const mapping = JSON.stringify({ matches: input.matches, values: input.values });
  return await dbOf(ctx).write(async (tx) => {
    const [sameName] = await tx
      .select({ id: importMappings.id })
      .from(importMappings)
      .where(and(eq(importMappings.projectId, projectId), eq(importMappings.name, input.name)));
    if (sameName && sameName.id !== input.id) return { kind: "name_taken" } as const;
    if (input.id === undefined) {
      const [row] = await tx
        .insert(importMappings)
        .values({ projectId, name: input.name, headerSignature: input.headerSignature ?? "", mapping, createdBy: ctx.viewer.userId })
        .returning();
      const made = saved(row!);
      await recordAudit(tx, {
        userId: ctx.viewer.userId,
        action: "import_mapping.create",
        entityType: "import_mapping",
        entityId: made.id,
        projectId,
        details: { after: describe(made) },
      });
      return { kind: "saved", mapping: made, created: true } as const;
    }
    const before = await mappingRow(tx, projectId, input.id);
    if (!before) return { kind: "not_found" } as const;
    const [row] = await tx
      .update(importMappings)
      .set({ name: input.name, mapping, headerSignature: input.headerSignature ?? before.headerSignature })
      .where(eq(importMappings.id, input.id))
      .returning();
    const after = saved(row!);
    await recordAudit(tx, {
      userId: ctx.viewer.userId,
      action: "import_mapping.update",
      entityType: "import_mapping",
      entityId: after.id,
      projectId,
      details: { before: describe(saved(before)), after: describe(after) },
    });
    return { kind: "saved", mapping: after, created: false } as const;
  });
}

export async function deleteImportMapping(ctx: QueryContext, projectId: number, id: number): Promise<typeof forbidden | { kind: "not_found" } | { kind: "deleted" }> {
  if (!(await may(ctx, "enter", projectId))) return forbidden;
  return await dbOf(ctx).write(async (tx) => {
    const row = await mappingRow(tx, projectId, id);
    if (!row) return { kind: "not_found" } as const;
    await tx.delete(importMappings).where(eq(importMappings.id, id));
    await recordAudit(tx, {
      userId: ctx.viewer.userId,
      action: "import_mapping.delete",
      entityType: "import_mapping",
      entityId: id,
      projectId,
      details: { before: describe(saved(row)) },
    });
    return { kind: "deleted" } as const;
  });
}

/** A mapping as the audit trail keeps it. */
function describe(mapping: SavedImportMapping): NamedImportMapping {
  return { name: mapping.name, matches: mapping.matches, values: mapping.values };
}
