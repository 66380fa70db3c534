import type { ProjectOrganisationRole, ProjectStatus, ReportingFrequency } from "../domain/codes";

type Named = { nameEn: string; nameFr: string | null };

/** What a project's page says of the project itself: its facts, programme, country, organisations and places. */
export type ProjectSummary = {
  project: {
    id: number;
    code: string;
    titleEn: string;
    titleFr: string | null;
    summaryEn: string | null;
    summaryFr: string | null;
    dataNoteEn: string | null;
    dataNoteFr: string | null;
    status: ProjectStatus;
    phase: number | null;
    startDate: string;
    endDate: string;
    reportingFrequency: ReportingFrequency;
    householdSize: number | null;
    householdSizeSource: string | null;
  };
  programme: { code: string; titleEn: string; titleFr: string | null } | null;
  country: Named & { code: string };
  organisations: readonly { role: ProjectOrganisationRole; organisation: Named }[];
  locations: readonly (Named & { code: string })[];
};
