"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { getProjectByCode } from "@/db/projects/projects";
import { markDuplicatePairDistinct, mergeDuplicatePair, scanForDuplicates, undoDuplicateMerge } from "@/db/registry/duplicates";
import { requireUser } from "@/server/auth/session";

const decisionSchema = z.object({ projectCode: z.string().min(1).max(64), pairId: z.coerce.number().int().positive(), decision: z.enum(["merge", "distinct", "undo"]) });
const DECIDE = { merge: mergeDuplicatePair, distinct: markDuplicatePairDistinct, undo: undoDuplicateMerge } as const;

const queueOf = (code: string) => `/projects/${encodeURIComponent(code)}/beneficiaries/duplicates`;

/** "Same person", "Different people" or "Undo" on one pair; the queue then says what was done, or why not. */
export async function decideDuplicate(form: FormData): Promise<void> {
  const user = await requireUser();
  const input = decisionSchema.safeParse({ projectCode: form.get("projectCode"), pairId: form.get("pairId"), decision: form.get("decision") });
  if (!input.success) redirect("/");
  const ctx = { viewer: user };
  const project = await getProjectByCode(ctx, input.data.projectCode);
  if (!project) redirect("/");
  const outcome = await DECIDE[input.data.decision](ctx, project.id, input.data.pairId);
  if (outcome.kind === "done") revalidatePath(`/projects/${project.code}`, "layout");
  const said = outcome.kind === "done" ? `done=${input.data.decision}` : `problem=${outcome.kind}`;
  redirect(`${queueOf(project.code)}?${said}&pair=${input.data.pairId}`);
}

const scanSchema = z.object({ projectCode: z.string().min(1).max(64) });

/** "Look for duplicates" now. */
export async function scanDuplicates(form: FormData): Promise<void> {
  const user = await requireUser();
  const input = scanSchema.safeParse({ projectCode: form.get("projectCode") });
  if (!input.success) redirect("/");
  const ctx = { viewer: user };
  const project = await getProjectByCode(ctx, input.data.projectCode);
  if (!project) redirect("/");
  const outcome = await scanForDuplicates(ctx, project.id);
  redirect(`${queueOf(project.code)}?${outcome.kind === "done" ? `found=${outcome.found}` : "problem=forbidden"}`);
}
