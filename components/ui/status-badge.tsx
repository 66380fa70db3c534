import type { ProjectStatus } from "@/lib/domain/codes";
import { getTranslator } from "@/server/i18n";

export async function StatusBadge({ status }: { status: ProjectStatus }) {
  const { t } = await getTranslator();
  return <span className={`badge badge-${status}`}>{t(`status.${status}`)}</span>;
}
