import { percentFormatter } from "@/lib/i18n/format";

/** How a chart writes its values: 1,234.5, or 64% (64 % in French) for percentages given as 0-100. */
export function chartNumberFormat(locale: string, percent: boolean): { format(value: number): string } {
  if (!percent) return new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  const format = percentFormatter(locale, 1);
  return { format: (value) => format.format(value / 100) };
}
