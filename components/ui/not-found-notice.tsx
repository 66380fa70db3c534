import Link from "next/link";
import { getTranslator } from "@/server/i18n";

export async function NotFoundNotice() {
  const { t } = await getTranslator();
  return (
    <section className="notice">
      <h1>{t("errors.notFoundTitle")}</h1>
      <p>{t("errors.notFound")}</p>
      <Link href="/">{t("errors.backToProjects")}</Link>
    </section>
  );
}
