import "server-only";
import { and, eq } from "drizzle-orm";
import type { Language } from "../../lib/domain/codes";
import type { FieldProblem } from "../../lib/validation/fields";
import { checkNarrativeInput } from "../../lib/validation/narrative";
import { isEditable } from "../../lib/workflow/period-workflow";
import { narratives, type Narrative } from "../tables";
import { AccessDeniedError } from "../errors";
import { periodStatus } from "./project-periods";
import { dbOf, may, seesUnapprovedFigures, type QueryContext } from "../users/viewer";
import { recordAudit } from "../audit/audit-record";

/**
 * The narratives of a project's period by language. Donors read them once the period is approved,
 * as they read its figures.
 */
export async function getNarratives(ctx: QueryContext, projectId: number, period: string): Promise<Partial<Record<Language, Narrative>>> {
  if (!(await may(ctx, "see", projectId))) throw new AccessDeniedError(`project ${projectId}`);
  const db = dbOf(ctx);
  if (!seesUnapprovedFigures(ctx.viewer) && (await periodStatus(db, projectId, period)) !== "approved") return {};
  const rows = await db
    .select()
    .from(narratives)
    .where(and(eq(narratives.projectId, projectId), eq(narratives.period, period)));
  return Object.fromEntries(rows.map((r) => [r.language, r]));
}

export type SaveNarrativeOutcome = { kind: "saved"; narrative: Narrative } | { kind: "forbidden" } | { kind: "invalid"; problems: FieldProblem[] } | { kind: "conflict" };

/**
 * Writes a period's narrative in one language, for the project's managers and admins while the period
 * is open (draft or returned). `version` is the one the writer saw (null for a new narrative): a
 * narrative changed meanwhile is refused, not overwritten. One transaction with its audit entry.
 */
export async function saveNarrative(ctx: QueryContext, target: { projectId: number; period: string; version: number | null }, raw: unknown): Promise<SaveNarrativeOutcome> {
  const db = dbOf(ctx);
  return await db.write(async (tx) => {
    if (!(await may({ ...ctx, db }, "enter", target.projectId))) return { kind: "forbidden" };
    if (!isEditable(await periodStatus(tx, target.projectId, target.period))) return { kind: "forbidden" };
    const checked = checkNarrativeInput(raw);
    if (!checked.ok) return { kind: "invalid", problems: checked.problems };
    const { language, ...text } = checked.narrative;
    const current = (
      await tx
        .select()
        .from(narratives)
        .where(and(eq(narratives.projectId, target.projectId), eq(narratives.period, target.period), eq(narratives.language, language)))
    )[0];
    if ((current?.version ?? null) !== target.version) return { kind: "conflict" };
    const now = new Date().toISOString();
    const saved = current
      ? (
          await tx
            .update(narratives)
            .set({ ...text, updatedBy: ctx.viewer.userId, updatedAt: now, version: current.version + 1 })
            .where(eq(narratives.id, current.id))
            .returning()
        )[0]!
      : (
          await tx
            .insert(narratives)
            .values({ ...text, language, projectId: target.projectId, period: target.period, updatedBy: ctx.viewer.userId })
            .returning()
        )[0]!;
    await recordAudit(tx, {
      userId: ctx.viewer.userId,
      action: current ? "narrative.update" : "narrative.create",
      entityType: "narrative",
      entityId: saved.id,
      projectId: target.projectId,
      details: {
        period: target.period,
        language,
        before: current ? { highlights: current.highlights, challenges: current.challenges, nextSteps: current.nextSteps } : null,
        after: text,
      },
    });
    return { kind: "saved", narrative: saved };
  });
}
