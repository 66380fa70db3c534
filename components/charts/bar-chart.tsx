"use client";

import { Bar, BarChart, CartesianGrid, LabelList, ResponsiveContainer, XAxis, YAxis } from "recharts";
import { chartNumberFormat } from "./chart-number-format";

/** Horizontal bars with their values written on them, so they read in greyscale and in print. */
export function HorizontalBarChart({ data, locale, percent = false }: { data: { label: string; value: number }[]; locale: string; percent?: boolean }) {
  const format = chartNumberFormat(locale, percent);
  return (
    <div className="chart" aria-hidden="true">
      <ResponsiveContainer width="100%" height={Math.max(120, data.length * 34 + 30)}>
        <BarChart data={data} layout="vertical" margin={{ top: 4, right: 48, bottom: 4, left: 8 }} accessibilityLayer={false}>
          <CartesianGrid stroke="#e3e7ec" horizontal={false} />
          <XAxis type="number" tickFormatter={(v: number) => format.format(v)} tick={{ fontSize: 12 }} />
          <YAxis type="category" dataKey="label" width={120} tick={{ fontSize: 12 }} />
          <Bar dataKey="value" fill="#0b5cad" isAnimationActive={false}>
            <LabelList dataKey="value" position="right" formatter={(v) => (typeof v === "number" ? format.format(v) : String(v ?? ""))} />
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
