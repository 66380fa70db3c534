import type { getFrameworkForEditing } from "@/db/framework/framework-view";
import { listDimensions } from "@/db/framework/framework-editing";
import type { QueryContext } from "@/db/users/viewer";
import { INDICATOR_DIRECTIONS, INDICATOR_MEASURES, INDICATOR_SOURCES, TIME_AGGREGATIONS, TRAINING_KINDS } from "@/lib/domain/codes";
import { localized } from "@/lib/i18n/format";
import { getTranslator } from "@/server/i18n";
import type { IndicatorInput } from "@/lib/validation/indicator";
import { IndicatorForm } from "@/components/framework/indicator-form";
import { saveIndicatorForm } from "../actions";

/** Wires the indicator form to its choices and labels. */
export async function IndicatorFormContainer({
  ctx,
  framework,
  projectCode,
  defaultValues,
  target,
}: {
  ctx: QueryContext;
  framework: Awaited<ReturnType<typeof getFrameworkForEditing>>;
  projectCode: string;
  defaultValues: IndicatorInput | null;
  target?: { id: number; version: number };
}) {
  const { t, language } = await getTranslator();
  const keys = [
    "code",
    "nameEn",
    "nameFr",
    "definitionEn",
    "definitionFr",
    "unitEn",
    "unitFr",
    "measure",
    "direction",
    "timeAggregation",
    "isContext",
    "baselineValue",
    "baselineYear",
    "target",
    "source",
    "dimensions",
    "periodTargets",
    "period",
    "value",
    "addPeriodTarget",
    "reason",
    "save",
    "none",
  ] as const;
  const labels = Object.fromEntries(keys.map((key) => [key, t(`framework.${key}`)]));
  return (
    <IndicatorForm
      saveAction={saveIndicatorForm}
      projectCode={projectCode}
      target={target}
      defaultValues={defaultValues}
      labels={{
        ...labels,
        resultCode: t("framework.result"),
        sourceServiceCode: t("framework.service"),
        sourceTrainingKind: t("framework.trainingKind"),
        sourceTrainingTopic: t("framework.trainingTopic"),
        remove: t("projectForm.remove"),
      }}
      choices={{
        results: framework.results.map((r) => ({ value: r.code, label: `${r.code} ${localized(language, r.titleEn, r.titleFr)}` })),
        measures: INDICATOR_MEASURES.map((m) => ({ value: m, label: t(`framework.measureName.${m}`) })),
        directions: INDICATOR_DIRECTIONS.map((m) => ({ value: m, label: t(`framework.directionName.${m}`) })),
        timeAggregations: TIME_AGGREGATIONS.map((m) => ({ value: m, label: t(`framework.timeAggregationName.${m}`) })),
        sources: INDICATOR_SOURCES.map((m) => ({ value: m, label: t(`framework.sourceName.${m}`) })),
        services: framework.services.map((s) => ({ value: s.code, label: localized(language, s.nameEn, s.nameFr) })),
        trainingKinds: TRAINING_KINDS.map((m) => ({ value: m, label: t(`framework.trainingKindName.${m}`) })),
        dimensions: (await listDimensions(ctx)).map((d) => ({ value: d.code, label: localized(language, d.nameEn, d.nameFr) })),
      }}
    />
  );
}
