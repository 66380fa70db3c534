import { listProjectDonors, listProjects } from "@/db/queries/projects";
import { authenticate, jsonOk } from "@/lib/api/respond";
import { localized } from "@/lib/i18n/format";

/** GET /api/v1/projects: the projects the caller may see. */
export async function GET() {
  const caller = await authenticate();
  if (caller instanceof Response) return caller;
  const { user, language } = caller;
  const ctx = { viewer: user };
  const projects = listProjects(ctx);
  const donors = listProjectDonors(
    ctx,
    projects.map((p) => p.id),
  );
  return jsonOk({
    projects: projects.map((p) => ({
      id: p.id,
      code: p.code,
      title: localized(language, p.titleEn, p.titleFr),
      status: p.status,
      country: p.countryCode,
      programme: p.programmeCode,
      phase: p.phase,
      startDate: p.startDate,
      endDate: p.endDate,
      donors: (donors.get(p.id) ?? []).map((d) => localized(language, d.nameEn, d.nameFr)),
    })),
  });
}
