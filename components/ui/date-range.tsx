import { formatDate } from "@/lib/i18n/format";
import type { Words } from "./words";

/** "1 Jul 2024 to 30 Jun 2027", "Du 1 juil. 2024 au 30 juin 2027". */
export function DateRange({ words, start, end }: { words: Words; start: string; end: string }) {
  const { t, language } = words;
  return <>{t("project.dates", { start: formatDate(language, start), end: formatDate(language, end) })}</>;
}
