import "server-only";
import { z } from "zod";
import { getProgrammePhases } from "@/db/figures/programmes";
import { getProjectOverview, type ProjectOverview } from "@/db/projects/projects";
import type { Programme } from "@/db/tables";
import { parseReference } from "../../lib/api/reference";
import { authenticate, jsonError, type ApiCaller } from "./respond";

export const EXPORT_KINDS = ["tracking", "values", "trainings", "beneficiaries", "records"] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];

const exportQuerySchema = z.object({
  kind: z.enum(EXPORT_KINDS).default("tracking"),
  delimiter: z.enum(["comma", "semicolon"]).default("comma"),
  status: z.literal("approved").optional(),
});

/** What is exported: a project, or a programme with the phases the caller may see. */
export type ExportSubject = { code: string; programme: Programme | null; overviews: ProjectOverview[] };

export type ExportRequest = ApiCaller & z.infer<typeof exportQuerySchema> & { subject: ExportSubject; approvedOnly: boolean };

/** The caller (or 401), the query (or 400) and the project or programme (or 404) of an export. */
export async function readExportRequest(request: Request, params: Promise<{ ref: string }>, of: "project" | "programme"): Promise<ExportRequest | Response> {
  const caller = await authenticate();
  if (caller instanceof Response) return caller;
  const query = exportQuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!query.success) return jsonError(caller.t, 400, caller.t("api.badExportQuery"));
  const rawRef = (await params).ref;
  const subject = await findSubject({ viewer: caller.user }, of, parseReference(rawRef));
  if (!subject) return jsonError(caller.t, 404, caller.t(of === "project" ? "api.projectNotFound" : "api.programmeNotFound", { ref: decodeURIComponent(rawRef) }));
  return { ...caller, ...query.data, subject, approvedOnly: query.data.status === "approved" };
}

async function findSubject(ctx: { viewer: ApiCaller["user"] }, of: "project" | "programme", ref: string | number): Promise<ExportSubject | null> {
  if (of === "project") {
    const overview = await getProjectOverview(ctx, ref);
    return overview ? { code: overview.project.code, programme: null, overviews: [overview] } : null;
  }
  const found = await getProgrammePhases(ctx, ref);
  if (!found) return null;
  return {
    code: found.programme.code,
    programme: found.programme,
    overviews: (await Promise.all(found.projects.map((p) => getProjectOverview(ctx, p.id)))).flatMap((o) => o ?? []),
  };
}

/** A file to download, never cached: it holds what this caller may see. */
export function fileResponse(body: BodyInit, filename: string, contentType: string): Response {
  return new Response(body, {
    headers: {
      "Content-Type": contentType,
      "Content-Disposition": `attachment; filename="${filename.replace(/[^A-Za-z0-9._-]/g, "_")}"`,
      "Cache-Control": "no-store",
    },
  });
}
