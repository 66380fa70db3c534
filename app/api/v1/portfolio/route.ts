import { getPortfolio } from "@/db/figures/portfolio";
import { actualJson } from "@/server/api/project-json";
import { authenticate, jsonOk } from "@/server/api/respond";
import { localized } from "@/lib/i18n/format";
import { readPortfolioFilters } from "@/lib/validation/portfolio-filters";
import { answerFaults } from "@/server/api/answer-faults";

/** GET /api/v1/portfolio?country=&donor=&status=: the portfolio page's figures, counted once across projects. */
export const GET = answerFaults(async function GET(request: Request) {
  const caller = await authenticate();
  if (caller instanceof Response) return caller;
  const { user, language } = caller;
  const portfolio = await getPortfolio({ viewer: user }, readPortfolioFilters(Object.fromEntries(new URL(request.url).searchParams)));
  const { reach, trained, activeProjects } = portfolio.headline;
  return jsonOk({
    approvedOnly: portfolio.approvedOnly,
    directBeneficiaries: reach.uniqueDirect,
    indirectBeneficiaries: reach.indirect,
    trainees: trained.trainees,
    trainers: trained.trainers,
    activeProjects,
    projects: portfolio.projects.map((p) => ({
      code: p.code,
      title: localized(language, p.titleEn, p.titleFr),
      status: p.status,
      main: p.main
        ? { code: p.main.indicator.code, measure: p.main.indicator.measure, target: p.main.indicator.target, ...actualJson(p.main.actual), progress: p.main.progress }
        : null,
    })),
  });
});
