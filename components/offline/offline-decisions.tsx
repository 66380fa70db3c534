"use client";

import { useMemo, type ReactNode } from "react";
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
  const changes = useOutbox().changes.filter((c) => c.projectCode === projectCode && c.period === period);
  const conflicted = changes.filter((c) => c.state === "conflict");
  const refused = changes.filter((c) => c.state === "refused");
  if (conflicted.length === 0 && refused.length === 0) return null;
  // Made only when there is something to show: a page's first Intl object costs the browser its locale data.
  const number = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
  const when = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short" });

  const typed = (cell: ChangeCell) =>
    cell.value !== undefined
      ? cell.value || t("offline.emptyValue")
      : cell.numerator || cell.denominator
        ? `${cell.numerator ?? ""}/${cell.denominator ?? ""}`
        : t("offline.emptyValue");
  const stored = (current: StoredCell | null) =>
    !current
      ? t("offline.emptyValue")
      : current.value !== null
        ? number.format(current.value)
        : current.numerator !== null && current.denominator !== null
          ? `${number.format(current.numerator)}/${number.format(current.denominator)}`
          : t("offline.emptyValue");

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
        <DecisionList
          id="conflicts"
          title={t("offline.conflicts")}
          intro={t("offline.conflictsIntro")}
          columns={[
            t("offline.cell"),
            t("offline.yours"),
            t("offline.current"),
            t("offline.changedBy"),
            t("offline.changedAt"),
            <span key="choice" className="visually-hidden">
              {t("offline.keepMine")}
            </span>,
          ]}
        >
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
        </DecisionList>
      )}
      {refused.length > 0 && (
        <DecisionList
          id="refused"
          title={t("offline.refused")}
          intro={t("offline.refusedIntro")}
          columns={[t("offline.cell"), t("offline.yours"), t("offline.reason"), t("offline.madeAt")]}
          actions={
            <p className="workflow-actions">
              <button type="button" onClick={download}>
                {t("offline.download")}
              </button>
              {refused.map((change) => (
                <span key={change.id}>
                  <button
                    type="button"
                    className="secondary"
                    onClick={() => void reviseChanges([sendAgain(change)])}
                    aria-label={refused.length > 1 ? `${t("offline.sendAgain")}: ${when.format(new Date(change.createdAt))}` : undefined}
                  >
                    {t("offline.sendAgain")}
                  </button>{" "}
                  <button
                    type="button"
                    className="secondary"
                    onClick={() => void reviseChanges([], [change.id])}
                    aria-label={refused.length > 1 ? `${t("offline.discard")}: ${when.format(new Date(change.createdAt))}` : undefined}
                  >
                    {t("offline.discard")}
                  </button>
                </span>
              ))}
            </p>
          }
        >
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
        </DecisionList>
      )}
    </div>
  );
}

/** One list of changes to decide: a heading, what it is, a table of cells, and what can be done with them all. */
function DecisionList({
  id,
  title,
  intro,
  columns,
  actions,
  children,
}: {
  id: string;
  title: string;
  intro: string;
  columns: ReactNode[];
  actions?: ReactNode;
  children: ReactNode;
}) {
  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{title}</h2>
      <p className="muted">{intro}</p>
      <div className="table-scroll">
        <table>
          <thead>
            <tr>
              {columns.map((column, index) => (
                <th key={index} scope="col">
                  {column}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>{children}</tbody>
        </table>
      </div>
      {actions}
    </section>
  );
}
