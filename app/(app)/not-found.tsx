import { NotFoundNotice } from "@/components/ui/not-found-notice";
import { getTranslator } from "@/server/i18n";

export default async function NotFound() {
  return <NotFoundNotice words={await getTranslator()} />;
}
