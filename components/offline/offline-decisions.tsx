"use client";

import { useMemo } from "react";
import { createTranslator } from "use-intl/core";
import type { Language } from "@/lib/domain/codes";
import { encodeOptionKey } from "@/lib/disaggregation/option-key";
import type { Translator } from "@/lib/i18n/translator";
import { refusedChangesCsv } from "@/lib/offline/refused-changes-csv";
import { decideConflict, sendAgain, type Change, type ChangeCell, type StoredCell } from "@/lib/offline/change-log";
import { reviseChanges } from "./outbox";
import { useOutbox } from "./use-outbox";

type Props = { projectCode: string; period: string; language: Language; locale: string; messages: Record<string, unknown> };

/**
 * On a period's entry page: the changes saved on this device that the server did not write. Under
 * "Conflicts", each cell someone else changed meanwhile, with both values, who and when, and the
 * manager's choice; under "Refused changes", what the server refused and why, to download as CSV,
 * send again or discard. Nothing here is dropped without the manager saying so.
 */
export function OfflineDecisions({ projectCode, period, language, locale, messages }: Props) {
  const t = useMemo(() => createTranslator({ locale: language, messages: { offline: messages } }) as unknown as Translator, [language, messages]);
  const number = useMemo(() => new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }), [locale]);
  const when = useMemo(() => new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short" }), [locale]);
  const changes = useOutbox().changes.filter((c) => c.projectCode === projectCode && c.period === period);
  const conflicted = changes.filter((c) => c.state === "conflict");
  const refused = changes.filter((c) => c.state === "refused");
  if (conflicted.length === 0 && refused.length === 0) return null;

  const typed = (cell: ChangeCell) => (cell.value !== undefined ? cell.value || t("offline.emptyValue") : cell.numerator || cell.denominator ? `${cell.numerator ?? ""}/${cell.denominator ?? ""}` : t("offline.emptyValue"));
  const stored = (current: StoredCell | null) =>
    !current ? t("offline.emptyValue") : current.value !== null ? number.format(current.value) : current.numerator !== null && current.denominator !== null ? `${number.format(current.numerator)}/${number.format(current.denominator)}` : t("offline.emptyValue");

  /** The manager's choice for one cell; the change goes again once every cell of it is decided. */
  const decide = (change: Change, key: string, keep: "mine" | "current") => {
    const decided = decideConflict(change, key, keep);
    void (decided ? reviseChanges([decided]) : reviseChanges([], [change.id]));
  };

  const download = () => {
    const header = messages.csv as Record<string, string>;
    const csv = refusedChangesCsv(
      refused.flatMap((change) =>
        change.cells.map((cell) => ({
          project: change.projectCode,
          period: change.period,
          cell: cell.label,
          locationCode: cell.locationCode,
          disaggregation: encodeOptionKey(cell.disaggregation),
          value: cell.value ?? "",
          numerator: cell.numerator ?? "",
          denominator: cell.denominator ?? "",
          comment: cell.comment,
          reason: cell.problem ?? change.reason ?? "",
          madeAt: change.createdAt,
        })),
      ),
      header as Parameters<typeof refusedChangesCsv>[1],
      language === "fr" ? "semicolon" : "comma",
    );
    const link = document.createElement("a");
    link.href = URL.createObjectURL(new Blob([csv], { type: "text/csv;charset=utf-8" }));
    link.download = t("offline.csvName", { project: projectCode, period });
    link.click();
    URL.revokeObjectURL(link.href);
  };

  return (
    <div id="offline-decisions">
      {conflicted.length > 0 && (
        <section className="card" aria-labelledby="conflicts-title">
          <h2 id="conflicts-title">{t("offline.conflicts")}</h2>
          <p className="muted">{t("offline.conflictsIntro")}</p>
          <div className="table-scroll">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t("offline.cell")}</th>
                  <th scope="col">{t("offline.yours")}</th>
                  <th scope="col">{t("offline.current")}</th>
                  <th scope="col">{t("offline.changedBy")}</th>
                  <th scope="col">{t("offline.changedAt")}</th>
                  <th scope="col">
                    <span className="visually-hidden">{t("offline.keepMine")}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {conflicted.flatMap((change) =>
                  change.cells.flatMap((cell) =>
                    cell.conflict
                      ? [
                          <tr key={`${change.id}|${cell.key}`}>
                            <th scope="row">{cell.label}</th>
                            <td className="num">{typed(cell)}</td>
                            <td className="num">{stored(cell.conflict.current)}</td>
                            <td>{cell.conflict.changedBy ?? t("offline.unknown")}</td>
                            <td>{cell.conflict.changedAt ? when.format(new Date(cell.conflict.changedAt)) : t("offline.unknown")}</td>
                            <td className="actions">
                              <button type="button" className="secondary" onClick={() => decide(change, cell.key, "mine")} aria-label={`${t("offline.keepMine")}: ${cell.label}`}>
                                {t("offline.keepMine")}
                              </button>{" "}
                              <button type="button" className="secondary" onClick={() => decide(change, cell.key, "current")} aria-label={`${t("offline.keepCurrent")}: ${cell.label}`}>
                                {t("offline.keepCurrent")}
                              </button>
                            </td>
                          </tr>,
                        ]
                      : [],
                  ),
                )}
              </tbody>
            </table>
          </div>
        </section>
      )}
      {refused.length > 0 && (
        <section className="card" aria-labelledby="refused-title">
          <h2 id="refused-title">{t("offline.refused")}</h2>
          <p className="muted">{t("offline.refusedIntro")}</p>
          <div className="table-scroll">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t("offline.cell")}</th>
                  <th scope="col">{t("offline.yours")}</th>
                  <th scope="col">{t("offline.reason")}</th>
                  <th scope="col">{t("offline.madeAt")}</th>
                </tr>
              </thead>
              <tbody>
                {refused.flatMap((change) =>
                  change.cells.map((cell) => (
                    <tr key={`${change.id}|${cell.key}`}>
                      <th scope="row">{cell.label}</th>
                      <td className="num">{typed(cell)}</td>
                      <td>{cell.problem ?? change.reason}</td>
                      <td>{when.format(new Date(change.createdAt))}</td>
                    </tr>
                  )),
                )}
              </tbody>
            </table>
          </div>
          <p className="workflow-actions">
            <button type="button" onClick={download}>
              {t("offline.download")}
            </button>
            {refused.map((change) => (
              <span key={change.id}>
                <button type="button" className="secondary" onClick={() => void reviseChanges([sendAgain(change)])} aria-label={refused.length > 1 ? `${t("offline.sendAgain")}: ${when.format(new Date(change.createdAt))}` : undefined}>
                  {t("offline.sendAgain")}
                </button>{" "}
                <button type="button" className="secondary" onClick={() => void reviseChanges([], [change.id])} aria-label={refused.length > 1 ? `${t("offline.discard")}: ${when.format(new Date(change.createdAt))}` : undefined}>
                  {t("offline.discard")}
                </button>
              </span>
            ))}
          </p>
        </section>
      )}
    </div>
  );
}
