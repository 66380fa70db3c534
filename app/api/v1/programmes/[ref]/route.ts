import { getProgrammeSummary } from "@/db/figures/programmes";
import { actualJson } from "@/server/api/project-json";
import { readFiguresRequest } from "@/server/api/figures-request";
import { jsonError, jsonOk } from "@/server/api/respond";
import { localized } from "@/lib/i18n/format";
import { answerFaults } from "@/server/api/answer-faults";

/** GET /api/v1/programmes/{id or code}: unique beneficiaries of the whole programme, its outcomes and phases. */
export const GET = answerFaults(async function GET(request: Request, { params }: { params: Promise<{ ref: string }> }) {
  const read = await readFiguresRequest(request, params);
  if (read instanceof Response) return read;
  const { user, t, language, ref, rawRef, approvedOnly } = read;
  const summary = await getProgrammeSummary({ viewer: user }, ref, { approvedOnly });
  if (!summary) return jsonError(t, 404, t("api.programmeNotFound", { ref: rawRef }));
  const { programme, phases, reach, completed, outcomes } = summary;
  return jsonOk({
    id: programme.id,
    code: programme.code,
    title: localized(language, programme.titleEn, programme.titleFr),
    startDate: programme.startDate,
    directBeneficiaries: reach.uniqueDirect,
    indirectBeneficiaries: reach.indirect,
    completedPhases: completed ? { phases: completed.phases, directBeneficiaries: completed.reach.uniqueDirect, indirectBeneficiaries: completed.reach.indirect } : null,
    indicators: outcomes.map(({ code, figure, combined }) => ({
      code,
      name: localized(language, figure.indicator.nameEn, figure.indicator.nameFr),
      measure: figure.indicator.measure,
      ...actualJson(combined),
    })),
    projects: phases.map(({ project, reach: phaseReach }) => ({
      id: project.id,
      code: project.code,
      title: localized(language, project.titleEn, project.titleFr),
      status: project.status,
      phase: project.phase,
      directBeneficiaries: phaseReach.uniqueDirect,
      indirectBeneficiaries: phaseReach.indirect,
    })),
  });
});
