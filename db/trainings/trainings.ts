import "server-only";
import { and, asc, eq, inArray } from "drizzle-orm";
import { checkTrainingInput, type TrainingInput } from "../../lib/validation/training";
import type { FieldProblem } from "../../lib/validation/fields";
import { beneficiaries, locations, projectLocations, projects, trainingParticipants, trainingRoster, trainings, type Training } from "../tables";
import { loadApprovedTrainings } from "../records/approved-records";
import { loadTrainings, type DatedTrainingRecord } from "../records/trainings";
import { periodEnd } from "../../lib/periods/period";
import { AccessDeniedError } from "../errors";
import { readsApproved, type RegistryView } from "../registry/registry";
import { dbOf, may, type QueryContext } from "../users/viewer";
import { recordAudit } from "../audit/audit-record";

export type TrainingListItem = Pick<Training, "id" | "title" | "kind" | "topic" | "startDate" | "endDate" | "facilitator" | "cohortId"> & {
  locationCode: string;
  locationNameEn: string;
  locationNameFr: string | null;
  participantCount: number;
  rosterSize: number;
  cohortTitle: string | null;
};

/**
 * The trainings of a visible project as the viewer sees them (see trainingsAsSeen), with their
 * participants and the records the cascade counts from.
 */
export async function listTrainings(
  ctx: QueryContext,
  projectId: number,
  view: RegistryView = {},
): Promise<{ trainings: TrainingListItem[]; records: (DatedTrainingRecord & { locationCode: string })[] }> {
  if (!(await may(ctx, "see", projectId))) throw new AccessDeniedError(`trainings of project ${projectId}`);
  const db = dbOf(ctx);
  const places = new Map((await db.select({ id: locations.id, code: locations.code, nameEn: locations.nameEn, nameFr: locations.nameFr }).from(locations)).map((l) => [l.id, l]));
  const seen: (DatedTrainingRecord & Pick<Training, "title" | "startDate" | "facilitator" | "locationId">)[] = readsApproved(ctx, view)
    ? await loadApprovedTrainings(db, [{ id: projectId, through: view.through ?? null }])
    : await (async () => {
        const details = new Map((await db.select().from(trainings).where(eq(trainings.projectId, projectId))).map((t) => [t.id, t]));
        return (await loadTrainings(db, [projectId])).flatMap((record) => {
          const training = details.get(record.id);
          return training && (view.through === undefined || record.endDate <= periodEnd(view.through)) ? [{ ...record, ...training }] : [];
        });
      })();
  const sorted = [...seen].sort((a, b) => a.startDate.localeCompare(b.startDate) || a.id - b.id);
  const titles = new Map(sorted.map((t) => [t.id, t.title]));
  return {
    trainings: sorted.map((t) => {
      const place = places.get(t.locationId);
      return {
        id: t.id,
        title: t.title,
        kind: t.kind,
        topic: t.topic,
        startDate: t.startDate,
        endDate: t.endDate,
        facilitator: t.facilitator,
        cohortId: t.cohortId,
        locationCode: place?.code ?? "",
        locationNameEn: place?.nameEn ?? "",
        locationNameFr: place?.nameFr ?? null,
        participantCount: t.participantCount,
        rosterSize: t.roster?.length ?? 0,
        cohortTitle: t.cohortId === null ? null : (titles.get(t.cohortId) ?? null),
      };
    }),
    records: sorted.map((t) => ({
      id: t.id,
      projectId: t.projectId,
      kind: t.kind,
      topic: t.topic,
      cohortId: t.cohortId,
      endDate: t.endDate,
      participantCount: t.participantCount,
      roster: t.roster,
      locationCode: places.get(t.locationId)?.code ?? "",
    })),
  };
}

/** What the training form shows for an existing training. */
export async function trainingFormValues(ctx: QueryContext, projectId: number, trainingId: number): Promise<(TrainingInput & { version: number }) | null> {
  if (!(await may(ctx, "enter", projectId))) return null;
  const db = dbOf(ctx);
  const row = (
    await db
      .select({ training: trainings, locationCode: locations.code })
      .from(trainings)
      .innerJoin(locations, eq(trainings.locationId, locations.id))
      .where(and(eq(trainings.id, trainingId), eq(trainings.projectId, projectId)))
  )[0];
  if (!row) return null;
  const { training } = row;
  return {
    title: training.title,
    kind: training.kind,
    topic: training.topic as TrainingInput["topic"],
    locationCode: row.locationCode,
    startDate: training.startDate,
    endDate: training.endDate,
    facilitator: training.facilitator,
    cohortId: training.cohortId,
    participants: await db
      .select({ sex: trainingParticipants.sex, ageGroup: trainingParticipants.ageGroup, count: trainingParticipants.count })
      .from(trainingParticipants)
      .where(eq(trainingParticipants.trainingId, training.id)),
    roster: (
      await db
        .select({ ref: beneficiaries.ref })
        .from(trainingRoster)
        .innerJoin(beneficiaries, eq(trainingRoster.beneficiaryId, beneficiaries.id))
        .where(eq(trainingRoster.trainingId, training.id))
        .orderBy(asc(beneficiaries.ref))
    ).map((r) => r.ref),
    version: training.version,
  };
}

export type SaveTrainingOutcome = { kind: "saved"; training: Training } | { kind: "forbidden" } | { kind: "invalid"; problems: FieldProblem[] } | { kind: "conflict" };

/**
 * Registers or edits a training with its participants and roster, for the project's managers and
 * admins: the place is one of the project's, the cohort a training of trainers of the same project,
 * the roster made of people of the project's registry. One transaction with its audit entry.
 */
export async function saveTraining(ctx: QueryContext, projectId: number, raw: unknown, target: { trainingId?: number; version?: number } = {}): Promise<SaveTrainingOutcome> {
  const db = dbOf(ctx);
  return await db.write(async (tx) => {
    if (!(await may({ ...ctx, db }, "enter", projectId))) return { kind: "forbidden" };
    const current =
      target.trainingId === undefined
        ? undefined
        : (
            await tx
              .select()
              .from(trainings)
              .where(and(eq(trainings.id, target.trainingId), eq(trainings.projectId, projectId)))
          )[0];
    if (target.trainingId !== undefined && !current) return { kind: "forbidden" };
    if (current && current.version !== target.version) return { kind: "conflict" };
    const checked = checkTrainingInput(raw);
    if (!checked.ok) return { kind: "invalid", problems: checked.problems };
    const input = checked.training;
    const problems: FieldProblem[] = [];
    const project = (await tx.select().from(projects).where(eq(projects.id, projectId)))[0];
    const place = (
      await tx
        .select({ id: locations.id })
        .from(projectLocations)
        .innerJoin(locations, eq(projectLocations.locationId, locations.id))
        .where(and(eq(projectLocations.projectId, projectId), eq(locations.code, input.locationCode)))
    )[0];
    if (!place) problems.push({ field: "locationCode", code: "location_outside_project" });
    if (project && (input.startDate > project.endDate || input.endDate < project.startDate)) problems.push({ field: "startDate", code: "training_outside_project" });
    if (input.cohortId !== null) {
      const cohort = (
        await tx
          .select()
          .from(trainings)
          .where(and(eq(trainings.id, input.cohortId), eq(trainings.projectId, projectId)))
      )[0];
      if (!cohort || cohort.kind !== "training_of_trainers") problems.push({ field: "cohortId", code: "unknown_cohort" });
    }
    const roster = [...new Set(input.roster)];
    const people =
      roster.length === 0
        ? []
        : await tx
            .select({ id: beneficiaries.id, ref: beneficiaries.ref })
            .from(beneficiaries)
            .where(and(eq(beneficiaries.projectId, projectId), inArray(beneficiaries.ref, roster)));
    const unknown = roster.filter((ref) => !people.some((p) => p.ref === ref));
    if (unknown.length > 0) problems.push({ field: "roster", code: "unknown_roster_ids" });
    if (problems.length > 0 || !place) return { kind: "invalid", problems };

    const values = {
      title: input.title,
      kind: input.kind,
      topic: input.topic,
      locationId: place.id,
      startDate: input.startDate,
      endDate: input.endDate,
      facilitator: input.facilitator,
      cohortId: input.cohortId,
    };
    const saved = current
      ? (
          await tx
            .update(trainings)
            .set({ ...values, version: current.version + 1 })
            .where(eq(trainings.id, current.id))
            .returning()
        )[0]!
      : (
          await tx
            .insert(trainings)
            .values({ ...values, projectId })
            .returning()
        )[0]!;
    await tx.delete(trainingParticipants).where(eq(trainingParticipants.trainingId, saved.id));
    const counted = input.participants.filter((p) => p.count > 0);
    if (counted.length > 0) await tx.insert(trainingParticipants).values(counted.map((p) => ({ ...p, trainingId: saved.id })));
    await tx.delete(trainingRoster).where(eq(trainingRoster.trainingId, saved.id));
    for (let start = 0; start < people.length; start += 500) {
      await tx.insert(trainingRoster).values(people.slice(start, start + 500).map((p) => ({ trainingId: saved.id, beneficiaryId: p.id })));
    }
    await recordAudit(tx, {
      userId: ctx.viewer.userId,
      action: current ? "training.update" : "training.create",
      entityType: "training",
      entityId: saved.id,
      projectId,
      details: { before: current ?? null, after: { ...input, roster: roster.length } },
    });
    return { kind: "saved", training: saved };
  });
}

/**
 * The trainings of visible projects as the viewer sees them: donors, and whoever asks for approved
 * figures only, see the trainings the approvals recorded, as they were recorded; everyone else sees
 * them as they are. `through` (a period) keeps those ended by its end.
 */
export async function trainingsAsSeen(ctx: QueryContext, projectIds: readonly number[], view: RegistryView = {}): Promise<DatedTrainingRecord[]> {
  const db = dbOf(ctx);
  if (readsApproved(ctx, view))
    return await loadApprovedTrainings(
      db,
      projectIds.map((id) => ({ id, through: view.through ?? null })),
    );
  const records = await loadTrainings(db, projectIds);
  return view.through === undefined ? records : records.filter((r) => r.endDate <= periodEnd(view.through as string));
}
