import { saveProjectForm } from "@/app/(app)/projects/project-actions";
import { listProjectFormChoices } from "@/db/projects/project-editing";
import type { QueryContext } from "@/db/users/viewer";
import { PROJECT_ORGANISATION_ROLES, PROJECT_STATUSES, REPORTING_FREQUENCIES } from "@/lib/domain/codes";
import { localized } from "@/lib/i18n/format";
import { getTranslator } from "@/server/i18n";
import type { ProjectInput } from "@/lib/validation/project";
import { ProjectForm } from "@/components/projects/project-form";

/** Wires the project form to its action, choices and labels, for a new project or an existing one. */
export async function ProjectFormContainer({ ctx, defaultValues, target }: { ctx: QueryContext; defaultValues: ProjectInput | null; target?: { code: string; version: number } }) {
  const { t, language } = await getTranslator();
  const choices = await listProjectFormChoices(ctx);
  const labels = Object.fromEntries(
    (
      [
        "code",
        "phase",
        "titleEn",
        "titleFr",
        "summaryEn",
        "summaryFr",
        "status",
        "startDate",
        "endDate",
        "householdSize",
        "householdSizeSource",
        "currency",
        "dataNoteEn",
        "dataNoteFr",
        "organisations",
        "organisation",
        "role",
        "addOrganisation",
        "remove",
        "locations",
        "budgets",
        "year",
        "amount",
        "addBudget",
        "sectors",
        "sectorsHint",
        "sectorCode",
        "sectorPercentage",
        "addSector",
        "save",
        "none",
      ] as const
    ).map((key) => [key, t(`projectForm.${key}`)]),
  );
  return (
    <ProjectForm
      action={saveProjectForm}
      defaultValues={defaultValues}
      target={target}
      labels={{ ...labels, programmeCode: t("projectForm.programme"), countryCode: t("projectForm.country"), reportingFrequency: t("projectForm.reportingFrequency") }}
      choices={{
        programmes: choices.programmes.map((p) => ({ value: p.code, label: t("common.labelled", { label: p.code, value: localized(language, p.titleEn, p.titleFr) }) })),
        countries: choices.countries.map((c) => ({ value: c.code, label: localized(language, c.nameEn, c.nameFr) })),
        organisations: choices.organisations.map((o) => ({ value: o.code, label: localized(language, o.nameEn, o.nameFr) })),
        locations: choices.places.map((l) => ({
          value: l.code,
          label: localized(language, l.nameEn, l.nameFr),
          country: choices.countries.find((c) => c.countryCode === l.countryCode)?.code ?? "",
        })),
        statuses: PROJECT_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) })),
        frequencies: REPORTING_FREQUENCIES.map((f) => ({ value: f, label: t(`project.frequency.${f}`) })),
        roles: PROJECT_ORGANISATION_ROLES.map((r) => ({ value: r, label: t(`project.role.${r}`) })),
      }}
    />
  );
}
