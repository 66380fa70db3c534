import type { Reach } from "@/lib/beneficiaries/reach";
import { formatNumber } from "@/lib/i18n/format";
import type { Words } from "@/components/ui/words";

const KNOWN_SERVICES = ["vocational_training", "livestock", "shelter_materials"] as const;

/** Unique direct beneficiaries with the services beside them, and indirect ones apart. */
export function ReachSummary({ words, reach }: { words: Words; reach: Reach }) {
  const { t, language } = words;
  if (reach.uniqueDirect === 0) return <p className="muted">{t("project.beneficiaries.none")}</p>;
  const overlaps = Object.entries(reach.byNumberOfServices)
    .map(([services, people]) => [Number(services), people] as const)
    .filter(([services]) => services >= 2)
    .sort(([a], [b]) => a - b);
  const serviceName = (code: string) => ((KNOWN_SERVICES as readonly string[]).includes(code) ? t(`service.${code as (typeof KNOWN_SERVICES)[number]}`) : code);
  return (
    <>
      <div className="figures">
        <div className="figure">
          <span className="figure-value">{formatNumber(language, reach.uniqueDirect)}</span>
          <span className="figure-label">{t("project.beneficiaries.uniqueDirect")}</span>
        </div>
        <div className="figure">
          <span className="figure-value">{reach.indirect === null ? t("common.none") : formatNumber(language, reach.indirect)}</span>
          <span className="figure-label">{t("project.beneficiaries.indirect")}</span>
        </div>
      </div>
      <h3>{t("project.beneficiaries.byService")}</h3>
      <ul className="plain">
        {Object.entries(reach.byService).map(([code, people]) => (
          <li key={code}>
            {t("common.label", { label: serviceName(code) })} <strong>{formatNumber(language, people)}</strong>
          </li>
        ))}
      </ul>
      {overlaps.length > 0 && (
        <>
          <h3>{t("project.beneficiaries.overlaps")}</h3>
          <ul className="plain">
            {overlaps.map(([services, people]) => (
              <li key={services}>
                {t("common.label", { label: t("project.beneficiaries.servicesCount", { count: services }) })} <strong>{formatNumber(language, people)}</strong>
              </li>
            ))}
          </ul>
        </>
      )}
      <p className="muted small">{t("project.beneficiaries.note")}</p>
    </>
  );
}
