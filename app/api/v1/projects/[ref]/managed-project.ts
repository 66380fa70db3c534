import { getProjectByCode } from "@/db/projects/projects";
import { may, type QueryContext } from "@/db/users/viewer";
import type { Action } from "@/lib/auth/permissions";
import { parseReference } from "@/lib/api/reference";
import type { Project } from "@/db/tables";
import { authenticate, jsonError, type ApiCaller } from "@/server/api/respond";

/**
 * What every call on a project's registry work starts with: the caller, the project they may see
 * (else 404), and the right to `action` on it (else 403).
 */
export async function readManagedProject(params: Promise<{ ref: string }>, action: Action): Promise<(ApiCaller & { ctx: QueryContext; project: Project }) | Response> {
  const caller = await authenticate();
  if (caller instanceof Response) return caller;
  const { t, user } = caller;
  const { ref } = await params;
  const ctx = { viewer: user };
  const project = await getProjectByCode(ctx, parseReference(ref));
  if (!project) return jsonError(t, 404, t("api.projectNotFound", { ref: decodeURIComponent(ref) }));
  if (!(await may(ctx, action, project.id))) return jsonError(t, 403, t("workflow.forbidden"));
  return { ...caller, ctx, project };
}
