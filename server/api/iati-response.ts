import "server-only";
import type { IatiOutcome } from "@/db/figures/iati";
import { activitiesXml } from "@/lib/iati/activity";
import { renderDocument } from "@/lib/iati/xml";
import type { Translator } from "@/lib/i18n/translator";
import { fileResponse } from "./export-request";
import { jsonError } from "./respond";

/** An IATI file to download, or the problem that keeps it from being written. */
export function iatiResponse(outcome: IatiOutcome, t: Translator, notFound: string, filename: string, now: Date): Response {
  if (outcome.kind === "not_found") return jsonError(t, 404, notFound);
  if (outcome.kind === "not_publishable") {
    return jsonError(t, 422, t("iati.notPublishable", { code: outcome.code, problems: outcome.problems.map((p) => t(`iati.${p}`)).join("; ") }), { problems: outcome.problems });
  }
  const xml = renderDocument(activitiesXml(outcome.activities, now.toISOString().replace(/\.\d{3}Z$/, "Z")));
  return fileResponse(xml, filename, "application/xml; charset=utf-8");
}
