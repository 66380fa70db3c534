import { getProjectByCode } from "@/db/projects/projects";
import { registryImportContext } from "@/db/registry/registry-import";
import { may } from "@/db/users/viewer";
import { fileResponse } from "@/server/api/export-request";
import { parseReference } from "@/lib/api/reference";
import { authenticate, jsonError } from "@/server/api/respond";
import { registryTemplateText } from "@/lib/beneficiaries/template-text";
import { registryCsvTemplate } from "@/lib/beneficiaries/registry-csv";
import { UTF8_BOM } from "@/lib/exports/csv";
import { answerFaults } from "@/server/api/answer-faults";

/**
 * GET /api/v1/projects/{ref}/beneficiaries/template.csv, for those who import into the project: the
 * import template with the project's places, the allowed codes of each coded column with their
 * names in the caller's language, and an example row for each service.
 */
export const GET = answerFaults(async function GET(_request: Request, { params }: { params: Promise<{ ref: string }> }) {
  const caller = await authenticate();
  if (caller instanceof Response) return caller;
  const { user, t, language } = caller;
  const { ref } = await params;
  const ctx = { viewer: user };
  const project = await getProjectByCode(ctx, parseReference(ref));
  if (!project) return jsonError(t, 404, t("api.projectNotFound", { ref: decodeURIComponent(ref) }));
  if (!(await may(ctx, "enter", project.id))) return jsonError(t, 403, t("workflow.forbidden"));
  const { codes } = await registryImportContext(ctx, project.id);
  const today = new Date().toISOString().slice(0, 10);
  const body = UTF8_BOM + registryCsvTemplate(codes, registryTemplateText(t, language, project.code), today);
  return fileResponse(body, `${project.code}-beneficiaries-template.csv`, "text/csv; charset=utf-8");
});
