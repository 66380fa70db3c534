import type { IndicatorFigure } from "@/db/figures/indicator-figures";
import type { ProjectOverview } from "@/db/projects/projects";
import type { IndicatorDisaggregation } from "@/db/framework/results-framework";
import type { Result } from "@/db/tables";
import type { Reach } from "@/lib/beneficiaries/reach";
import type { Language } from "@/lib/domain/codes";
import { localized } from "@/lib/i18n/format";
import type { Actual } from "@/lib/indicators/actual";
import { FREQUENCY_PERIOD_TYPE, periodsBetween } from "@/lib/periods/period";

// The JSON the read API answers. Numbers stay numbers (78 for 78 %); texts are in the caller's language.

export function actualJson(actual: Actual | null) {
  return {
    actual: actual?.value ?? null,
    numerator: actual?.kind === "ratio" ? actual.numerator : null,
    denominator: actual?.kind === "ratio" ? actual.denominator : null,
  };
}

export function indicatorJson(language: Language, figure: IndicatorFigure, disaggregations: IndicatorDisaggregation[]) {
  const { indicator } = figure;
  return {
    id: indicator.id,
    code: indicator.code,
    name: localized(language, indicator.nameEn, indicator.nameFr),
    measure: indicator.measure,
    unit: indicator.unitEn === null ? null : localized(language, indicator.unitEn, indicator.unitFr),
    direction: indicator.direction,
    source: indicator.source,
    context: indicator.isContext,
    cumulative: indicator.timeAggregation === "cumulative",
    baseline: indicator.baselineValue,
    baselineYear: indicator.baselineYear,
    target: indicator.target,
    ...actualJson(figure.actual),
    progress: figure.progress,
    disaggregations: disaggregations.map((d) => ({ dimension: d.dimension, options: d.options })),
  };
}

export function projectJson(
  language: Language,
  overview: ProjectOverview,
  results: Result[],
  figures: IndicatorFigure[],
  disaggregations: Map<number, IndicatorDisaggregation[]>,
  beneficiaries: { reach: Reach; byLocation: Map<number, number> },
  reportingPeriods: readonly { period: string; state: string }[],
) {
  const { project, programme, country, organisations, locations } = overview;
  const indicator = (f: IndicatorFigure) => indicatorJson(language, f, disaggregations.get(f.indicator.id) ?? []);
  return {
    id: project.id,
    code: project.code,
    title: localized(language, project.titleEn, project.titleFr),
    summary: project.summaryEn === null ? null : localized(language, project.summaryEn, project.summaryFr),
    status: project.status,
    country: { code: country.code, name: localized(language, country.nameEn, country.nameFr) },
    programme: programme ? { code: programme.code, title: localized(language, programme.titleEn, programme.titleFr) } : null,
    phase: project.phase,
    startDate: project.startDate,
    endDate: project.endDate,
    reportingFrequency: project.reportingFrequency,
    householdSize: project.householdSize,
    dataNote: project.dataNoteEn === null ? null : localized(language, project.dataNoteEn, project.dataNoteFr),
    approvedOnly: !(figures[0]?.includesUnapproved ?? false),
    organisations: organisations.map(({ role, organisation }) => ({
      role,
      name: localized(language, organisation.nameEn, organisation.nameFr),
      iatiRef: organisation.iatiRef,
    })),
    donors: organisations.filter((o) => o.role === "funding").map((o) => localized(language, o.organisation.nameEn, o.organisation.nameFr)),
    locations: locations.map((l) => ({ code: l.code, name: localized(language, l.nameEn, l.nameFr), level: l.level })),
    periods: periodsBetween(project.startDate, project.endDate, FREQUENCY_PERIOD_TYPE[project.reportingFrequency]),
    reportingPeriods,
    results: results.map((result) => ({
      id: result.id,
      code: result.code,
      type: result.type,
      title: localized(language, result.titleEn, result.titleFr),
      parentId: result.parentId,
      indicators: figures.filter((f) => f.indicator.resultId === result.id && !f.indicator.isContext).map(indicator),
    })),
    contextIndicators: figures.filter((f) => f.indicator.isContext).map(indicator),
    beneficiaries: {
      direct: beneficiaries.reach.uniqueDirect,
      indirect: beneficiaries.reach.indirect,
      byService: beneficiaries.reach.byService,
      byLocation: locations.flatMap((l) => {
        const direct = beneficiaries.byLocation.get(l.id);
        return direct === undefined ? [] : [{ code: l.code, name: localized(language, l.nameEn, l.nameFr), direct }];
      }),
    },
  };
}
