import { Link } from "./link";
import type { Words } from "./words";

export function NotFoundNotice({ words: { t } }: { words: Words }) {
  return (
    <section className="notice">
      <h1>{t("errors.notFoundTitle")}</h1>
      <p>{t("errors.notFound")}</p>
      <Link href="/">{t("errors.backToProjects")}</Link>
    </section>
  );
}
