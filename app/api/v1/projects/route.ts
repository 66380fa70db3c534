import { listProjectDonors, listProjects } from "@/db/projects/projects";
import { pageOf, readPage } from "@/lib/api/pagination";
import { authenticate, jsonError, jsonOk } from "@/server/api/respond";
import { localized } from "@/lib/i18n/format";
import { answerFaults } from "@/server/api/answer-faults";

/** GET /api/v1/projects?limit=&offset=: the projects the caller may see, by programme, phase and code. */
export const GET = answerFaults(async function GET(request: Request) {
  const caller = await authenticate();
  if (caller instanceof Response) return caller;
  const { user, language, t } = caller;
  const url = new URL(request.url);
  const page = readPage(url, 100);
  if (!page) return jsonError(t, 400, t("api.badPage"));
  const ctx = { viewer: user };
  const projects = await listProjects(ctx);
  const donors = await listProjectDonors(
    ctx,
    projects.map((p) => p.id),
  );
  return jsonOk(
    pageOf(
      url,
      projects.map((p) => ({
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
      page,
    ),
  );
});
