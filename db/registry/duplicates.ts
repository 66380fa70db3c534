import "server-only";
import { and, asc, count, desc, eq, inArray, ne, or, sql } from "drizzle-orm";
import { findLikelyDuplicates, pairKey } from "../../lib/beneficiaries/likely-duplicates";
import { recordAudit } from "../audit/audit-record";
import type { Executor } from "../engine/types";
import { beneficiaries, beneficiaryServices, duplicatePairs, trainingRoster, type Beneficiary, type DuplicatePair } from "../tables";
import { dbOf, may, type QueryContext } from "../users/viewer";
import { recordsWithServices } from "./beneficiary-records";

// The review queue of likely duplicates (lib/beneficiaries/likely-duplicates.ts), for the project's
// managers and admins only. "Same person" keeps the older record, moves the other's services and
// training places to it and removes it, so that every count, export and API sees one person;
// what undoing needs is kept on the pair. "Different people" clears the pair for good.

/** What a merge changed, to undo it. */
type MergedRecord = {
  record: Beneficiary;
  movedServiceIds: number[];
  droppedServices: { serviceTypeId: number; receivedOn: string }[];
  movedTrainings: number[];
  droppedTrainings: number[];
};

/** Looks for new likely pairs among the project's records; pairs already listed or decided are left as they are. Runs in the caller's transaction. */
export async function findNewDuplicatePairs(tx: Executor, projectId: number): Promise<number> {
  const people = await tx
    .select({ id: beneficiaries.id, ref: beneficiaries.ref, householdRef: beneficiaries.householdRef, sex: beneficiaries.sex, birthYear: beneficiaries.birthYear })
    .from(beneficiaries)
    .where(eq(beneficiaries.projectId, projectId));
  const known = await tx.select({ firstId: duplicatePairs.firstId, secondId: duplicatePairs.secondId }).from(duplicatePairs).where(eq(duplicatePairs.projectId, projectId));
  const found = findLikelyDuplicates(people, new Set(known.map((p) => pairKey(p.firstId, p.secondId))));
  const refs = new Map(people.map((p) => [p.id, p.ref]));
  const rows = found.map((p) => ({ projectId, ...p, firstRef: refs.get(p.firstId) as string, secondRef: refs.get(p.secondId) as string }));
  for (let start = 0; start < rows.length; start += 500) await tx.insert(duplicatePairs).values(rows.slice(start, start + 500));
  return rows.length;
}

/** "Look for duplicates" on demand. */
export async function scanForDuplicates(ctx: QueryContext, projectId: number): Promise<{ kind: "forbidden" } | { kind: "done"; found: number }> {
  if (!(await may(ctx, "review_duplicates", projectId))) return { kind: "forbidden" };
  const found = await dbOf(ctx).write(async (tx) => {
    const n = await findNewDuplicatePairs(tx, projectId);
    if (n > 0) await recordAudit(tx, { userId: ctx.viewer.userId, action: "duplicate.scan", entityType: "beneficiary", projectId, details: { found: n } });
    return n;
  });
  return { kind: "done", found };
}

export type PairPerson = {
  id: number;
  ref: string;
  householdRef: string | null;
  sex: string;
  birthYear: number | null;
  groupCode: string;
  locationCode: string;
  householdSize: number | null;
  services: { code: string; receivedOn: string }[];
};
export type ListedPair = {
  id: number;
  reason: DuplicatePair["reason"];
  status: DuplicatePair["status"];
  decidedAt: string | null;
  first: PairPerson | null;
  /** The second record as it stands, or as it stood when the merge removed it. */
  second: PairPerson | null;
  firstRef: string;
  secondRef: string;
};

/** How many pairs wait for a decision; null for those who may not review them. */
export async function countOpenDuplicatePairs(ctx: QueryContext, projectId: number): Promise<number | null> {
  if (!(await may(ctx, "review_duplicates", projectId))) return null;
  return await countOpenPairs(ctx, projectId);
}

async function countOpenPairs(ctx: QueryContext, projectId: number): Promise<number> {
  const [row] = await dbOf(ctx)
    .select({ open: count() })
    .from(duplicatePairs)
    .where(and(eq(duplicatePairs.projectId, projectId), eq(duplicatePairs.status, "open")));
  return row?.open ?? 0;
}

/** The project's pairs with both people, open ones first; null for those who may not review them. */
export async function listDuplicatePairs(
  ctx: QueryContext,
  projectId: number,
  options: { status?: DuplicatePair["status"]; limit?: number } = {},
): Promise<{ pairs: ListedPair[]; open: number } | null> {
  if (!(await may(ctx, "review_duplicates", projectId))) return null;
  const db = dbOf(ctx);
  const where = and(eq(duplicatePairs.projectId, projectId), options.status ? eq(duplicatePairs.status, options.status) : undefined);
  const pairs = await db
    .select()
    .from(duplicatePairs)
    .where(where)
    // Open pairs first: they are the queue; the decided ones follow, the latest first.
    .orderBy(sql`case when ${duplicatePairs.status} = 'open' then 0 else 1 end`, desc(duplicatePairs.decidedAt), asc(duplicatePairs.id))
    .limit(options.limit ?? 200);
  const open = await countOpenPairs(ctx, projectId);
  const ids = [...new Set(pairs.flatMap((p) => [p.firstId, p.secondId]))];
  const people = ids.length === 0 ? new Map<number, PairPerson>() : await peopleById(ctx, ids);
  const listed = pairs.map((p) => {
    const removed = p.mergedRecord ? (JSON.parse(p.mergedRecord) as MergedRecord).record : null;
    return {
      id: p.id,
      reason: p.reason,
      status: p.status,
      decidedAt: p.decidedAt,
      firstRef: p.firstRef,
      secondRef: p.secondRef,
      first: people.get(p.firstId) ?? null,
      second: people.get(p.secondId) ?? (removed ? { ...removed, locationCode: "", services: [] } : null),
    };
  });
  return { pairs: listed, open };
}

async function peopleById(ctx: QueryContext, ids: number[]): Promise<Map<number, PairPerson>> {
  return new Map((await recordsWithServices(dbOf(ctx), inArray(beneficiaries.id, ids))).map((r) => [r.id, r]));
}

export type DecisionOutcome =
  { kind: "forbidden" } | { kind: "not_found" } | { kind: "already_decided"; status: DuplicatePair["status"] } | { kind: "gone" } | { kind: "done"; pair: DuplicatePair };

/**
 * The frame of every decision on a pair: the right to review, one transaction, the pair of the
 * project in the state the decision starts from (else why not), then the decision itself.
 */
async function decidePair(
  ctx: QueryContext,
  projectId: number,
  pairId: number,
  from: DuplicatePair["status"],
  decide: (tx: Executor, pair: DuplicatePair) => Promise<DecisionOutcome>,
): Promise<DecisionOutcome> {
  if (!(await may(ctx, "review_duplicates", projectId))) return { kind: "forbidden" };
  return await dbOf(ctx).write(async (tx): Promise<DecisionOutcome> => {
    const [pair] = await tx
      .select()
      .from(duplicatePairs)
      .where(and(eq(duplicatePairs.projectId, projectId), eq(duplicatePairs.id, pairId)));
    if (!pair) return { kind: "not_found" };
    if (pair.status !== from) return { kind: "already_decided", status: pair.status };
    return await decide(tx, pair);
  });
}

/** "Same person": the second record's services and training places go to the first, and the second is removed. */
export async function mergeDuplicatePair(ctx: QueryContext, projectId: number, pairId: number): Promise<DecisionOutcome> {
  return await decidePair(ctx, projectId, pairId, "open", async (tx, pair) => {
    const records = await tx
      .select()
      .from(beneficiaries)
      .where(inArray(beneficiaries.id, [pair.firstId, pair.secondId]));
    const kept = records.find((r) => r.id === pair.firstId);
    const removed = records.find((r) => r.id === pair.secondId);
    if (!kept || !removed) return { kind: "gone" };
    const keptServices = new Set(
      (await tx.select().from(beneficiaryServices).where(eq(beneficiaryServices.beneficiaryId, kept.id))).map((s) => `${s.serviceTypeId}|${s.receivedOn}`),
    );
    const merged: MergedRecord = { record: removed, movedServiceIds: [], droppedServices: [], movedTrainings: [], droppedTrainings: [] };
    for (const service of await tx.select().from(beneficiaryServices).where(eq(beneficiaryServices.beneficiaryId, removed.id))) {
      if (keptServices.has(`${service.serviceTypeId}|${service.receivedOn}`)) merged.droppedServices.push({ serviceTypeId: service.serviceTypeId, receivedOn: service.receivedOn });
      else merged.movedServiceIds.push(service.id);
    }
    const keptTrainings = new Set((await tx.select().from(trainingRoster).where(eq(trainingRoster.beneficiaryId, kept.id))).map((r) => r.trainingId));
    for (const place of await tx.select().from(trainingRoster).where(eq(trainingRoster.beneficiaryId, removed.id))) {
      (keptTrainings.has(place.trainingId) ? merged.droppedTrainings : merged.movedTrainings).push(place.trainingId);
    }
    if (merged.movedServiceIds.length > 0) await tx.update(beneficiaryServices).set({ beneficiaryId: kept.id }).where(inArray(beneficiaryServices.id, merged.movedServiceIds));
    if (merged.movedTrainings.length > 0)
      await tx
        .update(trainingRoster)
        .set({ beneficiaryId: kept.id })
        .where(and(eq(trainingRoster.beneficiaryId, removed.id), inArray(trainingRoster.trainingId, merged.movedTrainings)));
    await repointOpenPairs(tx, projectId, pair.id, removed, kept);
    await tx.delete(beneficiaries).where(eq(beneficiaries.id, removed.id));
    const decidedAt = new Date().toISOString();
    const [done] = await tx
      .update(duplicatePairs)
      .set({ status: "merged", mergedRecord: JSON.stringify(merged), decidedBy: ctx.viewer.userId, decidedAt })
      .where(eq(duplicatePairs.id, pair.id))
      .returning();
    await recordAudit(tx, {
      userId: ctx.viewer.userId,
      action: "beneficiary.merge",
      entityType: "beneficiary",
      entityId: kept.id,
      projectId,
      details: { kept: kept.ref, removed: removed.ref, removedRecord: removed, servicesMoved: merged.movedServiceIds.length, servicesAlreadyKept: merged.droppedServices.length },
    });
    return { kind: "done", pair: done! };
  });
}

/**
 * The removed record's other open pairs ask whether someone is the person now kept: they are asked
 * of the kept record, unless it is already in a pair with that someone.
 */
async function repointOpenPairs(tx: Executor, projectId: number, mergedPairId: number, removed: Beneficiary, kept: Beneficiary): Promise<void> {
  const others = await tx
    .select()
    .from(duplicatePairs)
    .where(
      and(
        eq(duplicatePairs.projectId, projectId),
        eq(duplicatePairs.status, "open"),
        ne(duplicatePairs.id, mergedPairId),
        or(eq(duplicatePairs.firstId, removed.id), eq(duplicatePairs.secondId, removed.id)),
      ),
    );
  const known = new Set(
    (await tx.select({ firstId: duplicatePairs.firstId, secondId: duplicatePairs.secondId }).from(duplicatePairs).where(eq(duplicatePairs.projectId, projectId))).map((p) =>
      pairKey(p.firstId, p.secondId),
    ),
  );
  for (const other of others) {
    const [otherId, otherRef] = other.firstId === removed.id ? [other.secondId, other.secondRef] : [other.firstId, other.firstRef];
    if (otherId === kept.id || known.has(pairKey(otherId, kept.id))) {
      await tx.delete(duplicatePairs).where(eq(duplicatePairs.id, other.id));
      continue;
    }
    known.add(pairKey(otherId, kept.id));
    const [first, second] =
      otherId < kept.id
        ? [
            { id: otherId, ref: otherRef },
            { id: kept.id, ref: kept.ref },
          ]
        : [
            { id: kept.id, ref: kept.ref },
            { id: otherId, ref: otherRef },
          ];
    await tx.update(duplicatePairs).set({ firstId: first.id, firstRef: first.ref, secondId: second.id, secondRef: second.ref }).where(eq(duplicatePairs.id, other.id));
  }
}

/** "Different people": the pair is never listed again. */
export async function markDuplicatePairDistinct(ctx: QueryContext, projectId: number, pairId: number): Promise<DecisionOutcome> {
  return await decidePair(ctx, projectId, pairId, "open", async (tx, pair) => {
    const [done] = await tx
      .update(duplicatePairs)
      .set({ status: "distinct", decidedBy: ctx.viewer.userId, decidedAt: new Date().toISOString() })
      .where(eq(duplicatePairs.id, pair.id))
      .returning();
    await recordAudit(tx, {
      userId: ctx.viewer.userId,
      action: "duplicate.distinct",
      entityType: "beneficiary",
      entityId: pair.firstId,
      projectId,
      details: { first: pair.firstRef, second: pair.secondRef },
    });
    return { kind: "done", pair: done! };
  });
}

/**
 * Undoes a merge: the removed record comes back with its own ID, its services and training places
 * go back to it, and the pair is open again. A kept record removed since by another merge must
 * have that merge undone first.
 */
export async function undoDuplicateMerge(ctx: QueryContext, projectId: number, pairId: number): Promise<DecisionOutcome> {
  return await decidePair(ctx, projectId, pairId, "merged", async (tx, pair) => {
    if (!pair.mergedRecord) return { kind: "already_decided", status: pair.status };
    const merged = JSON.parse(pair.mergedRecord) as MergedRecord;
    const [kept] = await tx.select({ id: beneficiaries.id }).from(beneficiaries).where(eq(beneficiaries.id, pair.firstId));
    if (!kept) return { kind: "gone" };
    await tx.insert(beneficiaries).values(merged.record);
    if (merged.movedServiceIds.length > 0)
      await tx
        .update(beneficiaryServices)
        .set({ beneficiaryId: pair.secondId })
        .where(and(eq(beneficiaryServices.beneficiaryId, pair.firstId), inArray(beneficiaryServices.id, merged.movedServiceIds)));
    if (merged.droppedServices.length > 0) await tx.insert(beneficiaryServices).values(merged.droppedServices.map((s) => ({ ...s, beneficiaryId: pair.secondId })));
    if (merged.movedTrainings.length > 0)
      await tx
        .update(trainingRoster)
        .set({ beneficiaryId: pair.secondId })
        .where(and(eq(trainingRoster.beneficiaryId, pair.firstId), inArray(trainingRoster.trainingId, merged.movedTrainings)));
    if (merged.droppedTrainings.length > 0) await tx.insert(trainingRoster).values(merged.droppedTrainings.map((trainingId) => ({ trainingId, beneficiaryId: pair.secondId })));
    const [done] = await tx.update(duplicatePairs).set({ status: "open", mergedRecord: null, decidedBy: null, decidedAt: null }).where(eq(duplicatePairs.id, pair.id)).returning();
    await findNewDuplicatePairs(tx, projectId);
    await recordAudit(tx, {
      userId: ctx.viewer.userId,
      action: "beneficiary.merge_undo",
      entityType: "beneficiary",
      entityId: pair.secondId,
      projectId,
      details: { kept: pair.firstRef, restored: merged.record.ref },
    });
    return { kind: "done", pair: done! };
  });
}

/**
 * Where the IDs of merged records lead now: each removed record's ID to the record that holds its
 * services (following later merges of the kept record). Imports send a merged person's rows there.
 */
export async function mergedRecordTargets(tx: Executor, projectId: number): Promise<Map<string, number>> {
  const merged = await tx
    .select({ firstId: duplicatePairs.firstId, secondId: duplicatePairs.secondId, secondRef: duplicatePairs.secondRef })
    .from(duplicatePairs)
    .where(and(eq(duplicatePairs.projectId, projectId), eq(duplicatePairs.status, "merged")));
  const into = new Map(merged.map((m) => [m.secondId, m.firstId]));
  const resolve = (id: number) => {
    let at = id;
    for (let hops = 0; into.has(at) && hops < merged.length; hops++) at = into.get(at) as number;
    return at;
  };
  return new Map(merged.map((m) => [m.secondRef, resolve(m.firstId)]));
}
