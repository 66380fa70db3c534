import { z } from "zod";
import { LANGUAGES, USER_ROLES, type UserRole } from "../domain/codes";
import { fieldProblems, type FieldProblem } from "./fields";

// A person an admin adds or changes: who they are, what they may do, and where (a manager's
// projects, a donor's organisation). Problems are codes under "formErrors".

const email = z.string().trim().toLowerCase().max(320).email("invalid_email");
const codes = z.array(z.string().trim().min(1).max(64)).max(500);

export const newUserSchema = z
  .object({
    name: z.string().trim().min(1, "required").max(200),
    email,
    role: z.enum(USER_ROLES, "required"),
    language: z.enum(LANGUAGES, "required"),
    projects: codes.optional().transform((v) => [...new Set(v ?? [])]),
    organisation: z.string().trim().max(64).nullable().optional().transform((v) => (v ? v : null)),
  })
  .superRefine((u, ctx) => {
    for (const problem of roleProblems(u)) ctx.addIssue({ code: "custom", path: [problem.field], message: problem.code });
  });

export type NewUserInput = z.infer<typeof newUserSchema>;

export const userPatchSchema = z
  .object({
    role: z.enum(USER_ROLES).optional(),
    projects: codes.optional().transform((v) => (v === undefined ? undefined : [...new Set(v)])),
    organisation: z.string().trim().max(64).nullable().optional(),
    disabled: z.boolean().optional(),
  })
  .strict();

export type UserPatch = z.infer<typeof userPatchSchema>;

/**
 * What does not fit the role: projects are a manager's, an organisation a donor's (a donor sees
 * what their organisation funds: without one, nothing). Applied to a new person and to a change.
 */
export function roleProblems(u: { role: UserRole; projects: readonly string[]; organisation: string | null }): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (u.role !== "manager" && u.projects.length > 0) problems.push({ field: "projects", code: "projects_for_managers" });
  if (u.role === "donor" && !u.organisation) problems.push({ field: "organisation", code: "organisation_required" });
  if (u.role !== "donor" && u.organisation) problems.push({ field: "organisation", code: "organisation_for_donors" });
  return problems;
}

export function checkNewUser(raw: unknown): { ok: true; user: NewUserInput } | { ok: false; problems: FieldProblem[] } {
  const parsed = newUserSchema.safeParse(raw);
  return parsed.success ? { ok: true, user: parsed.data } : { ok: false, problems: fieldProblems(parsed.error) };
}

/**
 * Whether a change leaves the installation without an active admin: someone must always be able to
 * manage accounts.
 */
export function removesLastAdmin(admins: readonly { id: number; active: boolean }[], userId: number, after: { role: UserRole; active: boolean }): boolean {
  const remaining = admins.filter((a) => a.active && a.id !== userId).length + (after.role === "admin" && after.active ? 1 : 0);
  return remaining === 0;
}
