import "server-only";
import { and, asc, eq, inArray, ne } from "drizzle-orm";
import type { Reach } from "../../lib/beneficiaries/reach";
import type { Actual } from "../../lib/indicators/actual";
import { combineActuals } from "../../lib/indicators/combine";
import { programmes, projects, results, type Programme, type Project } from "../tables";
import { listIndicatorFigures, type IndicatorFigure } from "./indicator-figures";
import { getReach } from "../registry/registry";
import { remember } from "../read-cache";
import { dbOf, viewerKey, visibleAmong, type QueryContext } from "../users/viewer";

export type ProgrammeSummary = {
  programme: Programme;
  phases: { project: Project; figures: IndicatorFigure[]; reach: Reach }[];
  /** Unique people across the phases listed: a person in two phases counts once. */
  reach: Reach;
  /** The same across the completed phases (e.g. phases I-III), when there are any. */
  completed: { phases: number[]; reach: Reach } | null;
  /** Entered outcome and impact indicators, combined across phases by indicator code. */
  outcomes: { code: string; figure: IndicatorFigure; combined: Actual | null }[];
};

/** A programme (by code, or by id when a number) and its phases the viewer may see, in order; null when they see none. */
export async function getProgrammePhases(ctx: QueryContext, ref: string | number, phases?: readonly number[]): Promise<{ programme: Programme; projects: Project[] } | null> {
  const db = dbOf(ctx);
  const programme = (
    await db
      .select()
      .from(programmes)
      .where(typeof ref === "number" ? eq(programmes.id, ref) : eq(programmes.code, ref))
  )[0];
  if (!programme) return null;
  const phasesOf = (await db.select().from(projects).where(eq(projects.programmeId, programme.id)).orderBy(asc(projects.phase))).filter(
    (p) => phases === undefined || (p.phase !== null && phases.includes(p.phase)),
  );
  const visible = new Set(await visibleAmong(ctx, phasesOf.map((p) => p.id)));
  const list = phasesOf.filter((p) => visible.has(p.id));
  return list.length === 0 ? null : { programme, projects: list };
}

/**
 * A programme (by code, or by id when a number) and the phases the viewer may see; `phases` (phase numbers) narrows them, e.g. to
 * phases I-III for the published "since 2010" figures. Null when the viewer sees none of it.
 */
export async function getProgrammeSummary(ctx: QueryContext, ref: string | number, options: { phases?: number[]; approvedOnly?: boolean } = {}): Promise<ProgrammeSummary | null> {
  return remember(dbOf(ctx), `programme|${viewerKey(ctx.viewer)}|${ref}|${JSON.stringify(options)}`, () => computeProgrammeSummary(ctx, ref, options));
}

async function computeProgrammeSummary(ctx: QueryContext, ref: string | number, options: { phases?: number[]; approvedOnly?: boolean }): Promise<ProgrammeSummary | null> {
  const db = dbOf(ctx);
  const found = await getProgrammePhases(ctx, ref, options.phases);
  if (!found) return null;
  const { programme, projects: phaseProjects } = found;

  const phases = await Promise.all(
    phaseProjects.map(async (project) => ({
      project,
      figures: await listIndicatorFigures(ctx, project.id, { approvedOnly: options.approvedOnly }),
      reach: await getReach(ctx, [project.id], { approvedOnly: options.approvedOnly }),
    })),
  );

  const outcomeResultIds = new Set(
    (
      await db
        .select({ id: results.id })
        .from(results)
        .where(
          and(
            inArray(
              results.projectId,
              phaseProjects.map((p) => p.id),
            ),
            ne(results.type, "output"),
          ),
        )
    ).map((r) => r.id),
  );
  const outcomeFigures = phases.flatMap((p) =>
    p.figures.filter((f) => f.indicator.source === "manual" && f.indicator.resultId !== null && outcomeResultIds.has(f.indicator.resultId)),
  );
  const codes = [...new Set(outcomeFigures.map((f) => f.indicator.code))];
  const outcomes = codes.map((indicatorCode) => {
    const first = outcomeFigures.find((f) => f.indicator.code === indicatorCode) as IndicatorFigure;
    // The same code with another measure is another indicator: it is not combined.
    const same = outcomeFigures.filter((f) => f.indicator.code === indicatorCode && f.indicator.measure === first.indicator.measure);
    return {
      code: indicatorCode,
      figure: first,
      combined: combineActuals(
        first.indicator.measure,
        same.map((f) => f.actual),
      ),
    };
  });

  const completedProjects = phaseProjects.filter((p) => p.status === "completed");
  const completed =
    completedProjects.length === 0
      ? null
      : {
          phases: completedProjects.flatMap((p) => (p.phase === null ? [] : [p.phase])),
          reach: await getReach(
            ctx,
            completedProjects.map((p) => p.id),
            { approvedOnly: options.approvedOnly },
          ),
        };
  return {
    programme,
    phases,
    reach: await getReach(
      ctx,
      phaseProjects.map((p) => p.id),
      { approvedOnly: options.approvedOnly },
    ),
    completed,
    outcomes,
  };
}
