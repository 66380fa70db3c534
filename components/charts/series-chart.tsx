"use client";

import { Bar, CartesianGrid, ComposedChart, Legend, Line, ReferenceArea, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { chartNumberFormat } from "./chart-number-format";

export type SeriesPoint = { period: string; reported: number | null; toDate: number | null; target: number | null; gap: "awaiting_approval" | "not_reported" | null };

/**
 * Bars per period, the total to date as a line, the target due as a dashed line. A period without
 * figures to show (awaiting approval, not reported) is a shaded gap named on the chart; the line of
 * the actual breaks there, never joined over. Draws only.
 */
export function SeriesChart({
  data,
  labels,
  locale,
  percent = false,
}: {
  data: SeriesPoint[];
  labels: { reported: string; toDate: string; target: string; awaiting_approval: string; not_reported: string };
  locale: string;
  /** Values are percentages (0-100): labelled with %. */
  percent?: boolean;
}) {
  const format = chartNumberFormat(locale, percent);
  return (
    <div className="chart" aria-hidden="true">
      <ResponsiveContainer width="100%" height={280}>
        <ComposedChart data={data} margin={{ top: 8, right: 8, bottom: 8, left: 8 }} accessibilityLayer={false}>
          <CartesianGrid stroke="#e3e7ec" vertical={false} />
          <XAxis dataKey="period" tick={{ fontSize: 12 }} />
          <YAxis tickFormatter={(v: number) => format.format(v)} tick={{ fontSize: 12 }} width={60} />
          <Tooltip formatter={(v) => (typeof v === "number" ? format.format(v) : String(v))} />
          <Legend />
          {data.flatMap((point) =>
            point.gap
              ? [
                  <ReferenceArea
                    key={point.period}
                    x1={point.period}
                    x2={point.period}
                    fill="#eef1f4"
                    fillOpacity={1}
                    ifOverflow="extendDomain"
                    label={{ value: labels[point.gap], angle: -90, fontSize: 11, fill: "#55616f" }}
                  />,
                ]
              : [],
          )}
          {data.some((point) => point.reported !== null) && <Bar dataKey="reported" name={labels.reported} fill="#8fb3d9" isAnimationActive={false} />}
          <Line dataKey="toDate" name={labels.toDate} stroke="#0b5cad" strokeWidth={2} dot={{ r: 3 }} isAnimationActive={false} />
          {/* The legend names only what is drawn: no target line (a breakdown, no targets set), no entry. */}
          {data.some((point) => point.target !== null) && <Line dataKey="target" name={labels.target} stroke="#1d2733" strokeDasharray="6 4" dot={false} connectNulls isAnimationActive={false} />}
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  );
}
