import type { ReactNode } from "react";
import { rowsToCsv } from "@/lib/exports/csv";

/**
 * Every chart's frame: a title, one line saying what it shows, the chart, and its numbers as a table
 * that keyboards and screen readers reach, with a CSV of exactly those numbers.
 */
export function ChartFrame({
  id,
  title,
  description,
  header,
  rows,
  csvRows,
  tableLabel,
  csvLabel,
  children,
}: {
  id: string;
  title: string;
  description: string;
  header: string[];
  rows: (string | number)[][];
  csvRows: (string | number | null)[][];
  tableLabel: string;
  csvLabel: string;
  children: ReactNode;
}) {
  return (
    <figure className="chart-frame" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{title}</h3>
      <p className="muted small">{description}</p>
      {children}
      <details>
        <summary>{tableLabel}</summary>
        <div className="table-scroll">
          <table>
            <caption className="visually-hidden">{title}</caption>
            <thead>
              <tr>
                {header.map((h) => (
                  <th scope="col" key={h}>
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((row, i) => (
                <tr key={i}>
                  {row.map((cell, j) => (j === 0 ? <th scope="row" key={j}>{cell}</th> : <td key={j} className="num">{cell}</td>))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
      <a className="small" href={`data:text/csv;charset=utf-8,${encodeURIComponent(rowsToCsv(header, csvRows))}`} download={`${id}.csv`}>
        {csvLabel}
      </a>
    </figure>
  );
}
