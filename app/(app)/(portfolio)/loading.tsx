import { getTranslator } from "@/server/i18n";

export default async function Loading() {
  const { t } = await getTranslator();
  return (
    <p role="status" className="muted">
      {t("common.loading")}
    </p>
  );
}
