import { formatDate } from "@/lib/i18n/format";
import { getTranslator } from "@/server/i18n";

/** "1 Jul 2024 to 30 Jun 2027", "Du 1 juil. 2024 au 30 juin 2027". */
export async function DateRange({ start, end }: { start: string; end: string }) {
  const { t, language } = await getTranslator();
  return <>{t("project.dates", { start: formatDate(language, start), end: formatDate(language, end) })}</>;
}
