import { Fragment } from "react";

// The rows of a previewed file as Baseline read them, each with its problems beside it, and the
// problems of the rows after those shown.

export type PreviewRow = { line: number; values: string[]; problems: string[]; columns: string[] };
export type RowsLabels = { line: string; rowsTitle: string; rowsShown: string; rowProblems: string; otherRows: string };

/** The problems of rows after the first shown ones, one entry per row. */
function otherRows(rows: readonly PreviewRow[], problems: readonly { line: number; message: string }[]): [number, string[]][] {
  const shown = new Set(rows.map((r) => r.line));
  const byLine = new Map<number, string[]>();
  for (const p of problems) if (!shown.has(p.line)) byLine.set(p.line, [...(byLine.get(p.line) ?? []), p.message]);
  return [...byLine];
}

export function ImportRows({
  rows,
  problems,
  total,
  columns,
  labels,
}: {
  rows: readonly PreviewRow[];
  problems: readonly { line: number; message: string }[];
  total: number;
  columns: readonly string[];
  labels: RowsLabels;
}) {
  const others = otherRows(rows, problems);
  return (
    <>
      {rows.length > 0 && (
        <>
          <h2>{labels.rowsTitle}</h2>
          {total > rows.length && <p className="muted small">{labels.rowsShown.replace("{shown}", String(rows.length)).replace("{total}", String(total))}</p>}
          <div className="table-scroll">
            <table className="import-rows stack-on-phone">
              <thead>
                <tr>
                  <th scope="col">#</th>
                  {columns.map((c) => (
                    <th key={c} scope="col">
                      <code>{c}</code>
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {rows.map((row, index) => (
                  <Fragment key={`${row.line}-${index}`}>
                    <tr className={row.problems.length > 0 ? "has-problems" : undefined}>
                      <th scope="row">{row.line}</th>
                      {row.values.map((value, i) => (
                        <td key={i} data-label={columns[i]} className={row.columns.includes(columns[i] ?? "") ? "cell-problem" : undefined}>
                          {value}
                        </td>
                      ))}
                    </tr>
                    {row.problems.length > 0 && (
                      <tr className="has-problems problem-row">
                        <td colSpan={columns.length + 1} aria-label={labels.rowProblems}>
                          <ul className="row-problems">
                            {row.problems.map((message, i) => (
                              <li key={i}>{message}</li>
                            ))}
                          </ul>
                        </td>
                      </tr>
                    )}
                  </Fragment>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
      {others.length > 0 && (
        <>
          <h2>{labels.otherRows}</h2>
          <ul className="problems">
            {others.map(([line, messages]) => (
              <li key={line}>
                <strong>{labels.line.replace("{line}", String(line))}</strong>
                <ul className="row-problems">
                  {messages.map((message, i) => (
                    <li key={i}>{message}</li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}
