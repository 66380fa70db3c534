"use client";

import { Bar, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

export type SeriesPoint = { period: string; reported: number; toDate: number; target: number | null };

/** Bars per period, the total to date as a line, the target due as a dashed line. Draws only. */
export function SeriesChart({ data, labels, locale }: { data: SeriesPoint[]; labels: { reported: string; toDate: string; target: string }; locale: string }) {
  const format = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  return (
    <div className="chart" aria-hidden="true">
      <ResponsiveContainer width="100%" height={280}>
        <ComposedChart data={data} margin={{ top: 8, right: 8, bottom: 8, left: 8 }} accessibilityLayer={false}>
          <CartesianGrid stroke="#e3e7ec" vertical={false} />
          <XAxis dataKey="period" tick={{ fontSize: 12 }} />
          <YAxis tickFormatter={(v: number) => format.format(v)} tick={{ fontSize: 12 }} width={60} />
          <Tooltip formatter={(v) => (typeof v === "number" ? format.format(v) : String(v))} />
          <Legend />
          <Bar dataKey="reported" name={labels.reported} fill="#8fb3d9" isAnimationActive={false} />
          <Line dataKey="toDate" name={labels.toDate} stroke="#0b5cad" strokeWidth={2} dot={{ r: 3 }} isAnimationActive={false} />
          <Line dataKey="target" name={labels.target} stroke="#1d2733" strokeDasharray="6 4" dot={false} connectNulls isAnimationActive={false} />
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  );
}
