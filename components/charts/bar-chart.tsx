import { chartNumberFormat } from "./chart-number-format";

/**
 * Horizontal bars with their values written beside them, so they read in greyscale and in print.
 * Drawn in the server's HTML with CSS: no script to load or run on a phone, and the bars are there
 * before the page's script is. Bars are measured from zero to the largest value; a negative value
 * draws no bar but keeps its number.
 */
export function HorizontalBarChart({ data, locale, percent = false }: { data: { label: string; value: number }[]; locale: string; percent?: boolean }) {
  const format = chartNumberFormat(locale, percent);
  const max = Math.max(0, ...data.map((d) => d.value));
  return (
    <div className="bar-chart" aria-hidden="true">
      {data.map((d, i) => (
        <div className="bar-row" key={i}>
          <span className="bar-label">{d.label}</span>
          <span className="bar-track">
            <span className="bar" style={{ width: `${max > 0 ? (Math.max(0, d.value) / max) * 100 : 0}%` }} />
            <span className="bar-value">{format.format(d.value)}</span>
          </span>
        </div>
      ))}
    </div>
  );
}
