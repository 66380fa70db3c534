import { Link } from "../ui/link";
import { DateRange } from "@/components/ui/date-range";
import { StatusBadge } from "@/components/ui/status-badge";
import { formatNumber, formatPhase, localized } from "@/lib/i18n/format";
import type { ProjectSummary } from "@/lib/projects/project-summary";
import type { Words } from "@/components/ui/words";

/** A project's facts; `managers` (its managers, for those who see figures in review) when given. */
export function ProjectOverview({ words, overview, showEntryLink, canEdit, managers = [] }: { words: Words; overview: ProjectSummary; showEntryLink: boolean; canEdit: boolean; managers?: readonly { name: string; email: string }[] }) {
  const { t, language } = words;
  const { project, programme, country, organisations, locations } = overview;
  const byRole = new Map<string, string[]>();
  for (const { role, organisation } of organisations) {
    byRole.set(role, [...(byRole.get(role) ?? []), localized(language, organisation.nameEn, organisation.nameFr)]);
  }
  return (
    <section className="card" aria-labelledby="project-title">
      <p className="eyebrow">
        <Link href="/">{t("project.breadcrumb")}</Link>
        {programme && (
          <>
            {" / "}
            <Link href={`/programmes/${encodeURIComponent(programme.code)}`}>{localized(language, programme.titleEn, programme.titleFr)}</Link>
          </>
        )}
      </p>
      <h1 id="project-title">{localized(language, project.titleEn, project.titleFr)}</h1>
      <p>
        <StatusBadge words={words} status={project.status} /> <span className="code">{project.code}</span>
        {showEntryLink && (
          <>
            {" · "}
            <Link href={`/projects/${encodeURIComponent(project.code)}/entry`}>{t("entry.link")}</Link>
          </>
        )}
        {canEdit && (
          <>
            {" · "}
            <Link href={`/projects/${encodeURIComponent(project.code)}/edit`}>{t("projectForm.edit")}</Link>
            {" · "}
            <Link href={`/projects/${encodeURIComponent(project.code)}/framework`}>{t("framework.link")}</Link>
          </>
        )}
      </p>
      {project.summaryEn && <p>{localized(language, project.summaryEn, project.summaryFr)}</p>}
      <dl className="facts">
        <div>
          <dt>{t("portfolio.dates")}</dt>
          <dd>
            <DateRange words={words} start={project.startDate} end={project.endDate} />
          </dd>
        </div>
        <div>
          <dt>{t("project.country")}</dt>
          <dd>{localized(language, country.nameEn, country.nameFr)}</dd>
        </div>
        {project.phase !== null && (
          <div>
            <dt>{t("project.phase")}</dt>
            <dd>{formatPhase(project.phase)}</dd>
          </div>
        )}
        <div>
          <dt>{t("project.reportingFrequency")}</dt>
          <dd>{t(`project.frequency.${project.reportingFrequency}`)}</dd>
        </div>
        {project.householdSize !== null && (
          <div>
            <dt>{t("project.householdSize")}</dt>
            <dd>
              {formatNumber(language, project.householdSize)}
              {project.householdSizeSource && <span className="muted"> ({project.householdSizeSource})</span>}
            </dd>
          </div>
        )}
        {[...byRole].map(([role, names]) => (
          <div key={role}>
            <dt>{t(`project.role.${role as "funding"}`)}</dt>
            <dd>{names.join(", ")}</dd>
          </div>
        ))}
        {managers.length > 0 && (
          <div>
            <dt>{t("project.managers")}</dt>
            <dd>
              {managers.map((m, i) => (
                <span key={m.email}>
                  {i > 0 && ", "}
                  <a href={`mailto:${m.email}`}>{m.name}</a>
                </span>
              ))}
            </dd>
          </div>
        )}
        <div>
          <dt>{t("project.locations")}</dt>
          <dd>{locations.map((l) => localized(language, l.nameEn, l.nameFr)).join(", ")}</dd>
        </div>
      </dl>
      {project.dataNoteEn && <p className="note">{localized(language, project.dataNoteEn, project.dataNoteFr)}</p>}
    </section>
  );
}
