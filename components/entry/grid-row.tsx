"use client";

import { memo, type KeyboardEvent } from "react";
import type { FigureParts } from "@/lib/indicators/actual";
import { shownFigure } from "./cell-checks";
import { typedNumber, type CellState } from "./cell-state";
import type { GridRowView, Part, Row } from "./grid-types";

/**
 * Moves to the same column in the next row, as Enter does in a spreadsheet, with its figure selected:
 * what is typed there replaces it, where the caret at its start made a 5 typed over 1 into 51.
 */
function focusBelowOnEnter(event: KeyboardEvent<HTMLInputElement>) {
  if (event.key !== "Enter") return;
  event.preventDefault();
  const column = event.currentTarget.dataset.col;
  const inputs = [...document.querySelectorAll<HTMLInputElement>(`input[data-col="${column}"]:not([disabled])`)];
  const below = inputs[inputs.indexOf(event.currentTarget) + 1];
  below?.focus();
  below?.select();
}

type Props = {
  row: Row;
  cell: CellState;
  /** The cell's figure of the previous period, shown beside it. */
  previous: FigureParts | null;
  /** The cell's history once asked for. */
  history: string[] | undefined;
  view: GridRowView;
};

/**
 * One cell of the grid: its row, and the rows of its message and history when there are some.
 * Memoised, so that typing in one cell renders that row only, and so that React hydrates the grid
 * row by row, yielding to the phone between rows, instead of in one long task.
 */
export const GridRow = memo(function GridRow({ row, cell: c, previous, history, view }: Props) {
  const { t, number, percent, labels, editable } = view;
  const { indicator } = row;
  const columns = indicator.measure === "number" ? 6 : 8;
  const name = `${indicator.code} ${row.location.name} ${row.label}`;
  const problem = c.error ?? c.check;
  const describedBy = [
    `${row.id}-context`,
    row.isTotal && indicator.target !== null ? `target-${indicator.id}` : null,
    problem ? `${row.id}-problem` : null,
    c.flaggedBy ? `${c.flaggedBy}-problem` : null,
    c.warning ? `${row.id}-warning` : null,
  ]
    .filter(Boolean)
    .join(" ");
  const before = shownFigure(indicator.measure, previous, number, percent);
  const n = typedNumber(c.numerator);
  const d = typedNumber(c.denominator);

  const input = (part: Part) => (
    <input
      aria-label={`${name}, ${labels[part]}`}
      aria-invalid={c.error || c.check || c.flaggedBy ? true : undefined}
      aria-describedby={describedBy}
      inputMode={part === "numerator" && indicator.measure === "mean_of_ratios" ? "decimal" : "numeric"}
      data-col={`${indicator.id}-${part}`}
      data-cell={row.key}
      data-part={part}
      value={c[part]}
      disabled={!editable}
      onChange={(e) => view.update(row.key, part, e.target.value)}
      onBlur={() => view.leaveCell(row)}
      onKeyDown={focusBelowOnEnter}
    />
  );

  return (
    <>
      <tr className={row.isTotal ? "total-row" : "option-row"}>
        <th scope="row">{row.isTotal ? row.location.name : ""}</th>
        <td>{row.label}</td>
        {indicator.measure === "number" ? (
          <td>{input("value")}</td>
        ) : (
          <>
            <td>{input("numerator")}</td>
            <td>{input("denominator")}</td>
            <td className="num">{n !== null && d ? `${percent.format(n / d)} (${number.format(n)}/${number.format(d)})` : "—"}</td>
          </>
        )}
        <td id={`${row.id}-context`} className="cell-context muted small">
          {before === null ? t("entry.noPrevious", { period: view.previousPeriodLabel }) : t("entry.previous", { period: view.previousPeriodLabel, value: before })}
          {c.queued && <span className="cell-waiting"> {t("offline.cellWaiting")}</span>}
        </td>
        <td>
          <input
            aria-label={`${name}, ${labels.comment}`}
            className="comment-input"
            data-col={`${indicator.id}-comment`}
            data-cell={row.key}
            data-part="comment"
            value={c.comment}
            disabled={!editable}
            onChange={(e) => view.update(row.key, "comment", e.target.value)}
            onKeyDown={focusBelowOnEnter}
          />
        </td>
        <td>
          <button type="button" className="link-button" tabIndex={-1} onClick={() => view.toggleHistory(row, history !== undefined)} aria-expanded={history !== undefined}>
            {history ? labels.hideHistory : labels.history}
          </button>
        </td>
      </tr>
      {(problem || c.warning) && (
        <tr className="cell-message-row">
          <td colSpan={columns}>
            {problem && (
              <p id={`${row.id}-problem`} className="form-error" role="alert">
                {t("entry.cellProblem", { cell: row.label, problem: [c.error, c.check].filter(Boolean).join(" ") })}
              </p>
            )}
            {c.warning && (
              <p id={`${row.id}-warning`} className="form-warning">
                {c.warning}
              </p>
            )}
          </td>
        </tr>
      )}
      {history && (
        <tr className="history-row">
          <td colSpan={columns}>
            {history.length ? (
              <ul className="plain small">
                {history.map((line, i) => (
                  <li key={i}>{line}</li>
                ))}
              </ul>
            ) : (
              <span className="muted small">{labels.noHistory}</span>
            )}
          </td>
        </tr>
      )}
    </>
  );
});
