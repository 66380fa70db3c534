import { getTranslator } from "@/lib/i18n/server";

export default async function Loading() {
  const { t } = await getTranslator();
  return (
    <p role="status" className="muted">
      {t("common.loading")}
    </p>
  );
}
