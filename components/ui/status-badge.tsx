import type { ProjectStatus } from "@/lib/domain/codes";
import type { Words } from "./words";

export function StatusBadge({ words, status }: { words: Words; status: ProjectStatus }) {
  const { t } = words;
  return <span className={`badge badge-${status}`}>{t(`status.${status}`)}</span>;
}
