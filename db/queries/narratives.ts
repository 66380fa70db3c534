import "server-only";
import { and, eq } from "drizzle-orm";
import type { Language } from "../../lib/domain/codes";
import type { FieldProblem } from "../../lib/validation/fields";
import { checkNarrativeInput } from "../../lib/validation/narrative";
import { isEditable } from "../../lib/workflow/period-workflow";
import { auditLog, narratives, type Narrative } from "../schema";
import { AccessDeniedError } from "./errors";
import { periodStatus } from "./project-periods";
import { canSeeProject, dbOf, managedProjectIds, seesUnapprovedFigures, type QueryContext } from "./viewer";

/**
 * The narratives of a project's period by language. Donors read them once the period is approved,
 * as they read its figures.
 */
export function getNarratives(ctx: QueryContext, projectId: number, period: string): Partial<Record<Language, Narrative>> {
  if (!canSeeProject(ctx, projectId)) throw new AccessDeniedError(`project ${projectId}`);
  const db = dbOf(ctx);
  if (!seesUnapprovedFigures(ctx.viewer) && periodStatus(db, projectId, period) !== "approved") return {};
  const rows = db.select().from(narratives).where(and(eq(narratives.projectId, projectId), eq(narratives.period, period))).all();
  return Object.fromEntries(rows.map((r) => [r.language, r]));
}

export type SaveNarrativeOutcome = { kind: "saved"; narrative: Narrative } | { kind: "forbidden" } | { kind: "invalid"; problems: FieldProblem[] } | { kind: "conflict" };

/**
 * Writes a period's narrative in one language, for the project's managers and admins while the period
 * is open (draft or returned). `version` is the one the writer saw (null for a new narrative): a
 * narrative changed meanwhile is refused, not overwritten. One transaction with its audit entry.
 */
export function saveNarrative(ctx: QueryContext, target: { projectId: number; period: string; version: number | null }, raw: unknown): SaveNarrativeOutcome {
  const db = dbOf(ctx);
  return db.transaction((tx) => {
    if (!managedProjectIds({ ...ctx, db }).includes(target.projectId)) return { kind: "forbidden" };
    if (!isEditable(periodStatus(tx, target.projectId, target.period))) return { kind: "forbidden" };
    const checked = checkNarrativeInput(raw);
    if (!checked.ok) return { kind: "invalid", problems: checked.problems };
    const { language, ...text } = checked.narrative;
    const current = tx
      .select()
      .from(narratives)
      .where(and(eq(narratives.projectId, target.projectId), eq(narratives.period, target.period), eq(narratives.language, language)))
      .get();
    if ((current?.version ?? null) !== target.version) return { kind: "conflict" };
    const now = new Date().toISOString();
    const saved = current
      ? tx.update(narratives).set({ ...text, updatedBy: ctx.viewer.userId, updatedAt: now, version: current.version + 1 }).where(eq(narratives.id, current.id)).returning().get()
      : tx.insert(narratives).values({ ...text, language, projectId: target.projectId, period: target.period, updatedBy: ctx.viewer.userId }).returning().get();
    tx.insert(auditLog)
      .values({
        userId: ctx.viewer.userId,
        action: current ? "narrative.update" : "narrative.create",
        entityType: "narrative",
        entityId: saved.id,
        projectId: target.projectId,
        details: JSON.stringify({ period: target.period, language, before: current ? { highlights: current.highlights, challenges: current.challenges, nextSteps: current.nextSteps } : null, after: text }),
      })
      .run();
    return { kind: "saved", narrative: saved };
  });
}
