import "server-only";
import type { GapLine } from "@/components/entry/workflow-panel";
import { listDimensions } from "@/db/framework/framework-editing";
import type { PeriodGap } from "@/db/data-entry/period-completeness";
import { listProjectLocations } from "@/db/projects/projects";
import { listIndicators } from "@/db/framework/results-framework";
import type { QueryContext } from "@/db/users/viewer";
import type { Project } from "@/db/tables";
import { decodeOptionKey } from "@/lib/disaggregation/option-key";
import type { Language } from "@/lib/domain/codes";
import { formatList, localized } from "@/lib/i18n/format";
import type { Translator } from "@/lib/i18n/translator";
import { groupGaps } from "@/lib/workflow/completeness";

/** The empty expected figures of a period as the manager reads them: indicator, place, and "Total, Sex: Female, ...". */
export async function gapLines(ctx: QueryContext, project: Project, gaps: readonly PeriodGap[], t: Translator, language: Language): Promise<GapLine[]> {
  const indicators = new Map((await listIndicators(ctx, project.id)).map((i) => [i.id, `${i.code} ${localized(language, i.nameEn, i.nameFr)}`]));
  const places = new Map((await listProjectLocations(ctx, project.id)).map((l) => [l.code, localized(language, l.nameEn, l.nameFr)]));
  const dimensions = await listDimensions(ctx);
  const optionName = (key: string) => {
    const options = decodeOptionKey(key);
    if (!options || key === "") return t("entry.total");
    return Object.entries(options)
      .map(([dimensionCode, optionCode]) => {
        const dimension = dimensions.find((d) => d.code === dimensionCode);
        const option = dimension?.options.find((o) => o.code === optionCode);
        return t("entry.optionLabel", {
          dimension: dimension ? localized(language, dimension.nameEn, dimension.nameFr) : dimensionCode,
          option: option ? localized(language, option.nameEn, option.nameFr) : optionCode,
        });
      })
      .join(", ");
  };
  return groupGaps(gaps).flatMap(({ indicatorId, places: missing }) =>
    missing.map(({ locationCode, disaggregations }) => ({
      indicator: indicators.get(indicatorId) ?? String(indicatorId),
      where: t("entry.gapPlace", { place: places.get(locationCode) ?? locationCode, missing: formatList(language, disaggregations.map(optionName)) }),
      count: disaggregations.length,
    })),
  );
}
