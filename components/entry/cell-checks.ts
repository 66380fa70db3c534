import { findMismatches } from "@/lib/disaggregation/reconcile";
import type { IndicatorMeasure } from "@/lib/domain/codes";
import type { FigureParts } from "@/lib/indicators/actual";
import { checkFigure } from "@/lib/validation/figure";
import { checkFigureAgainstPrevious } from "@/lib/validation/outlier";
import type { Problem, Warning } from "@/lib/validation/problems";
import type { CellState } from "./cell-state";

// The checks the grid runs in the browser as the manager leaves a cell: the same rules as the
// server's (lib/validation, lib/disaggregation), so that a problem shows before the save.

/** The figure typed in a cell, read by the server's rule: a value, or a numerator and denominator. */
const checkCell = (measure: IndicatorMeasure, cell: CellState) =>
  checkFigure(measure, measure === "number" ? { value: cell.value } : { numerator: cell.numerator, denominator: cell.denominator });

/** What is wrong with the figure typed in one cell (a negative, a decimal in a count, text, a ratio upside down). */
export function checkTypedFigure(measure: IndicatorMeasure, cell: CellState): Problem[] {
  const checked = checkCell(measure, cell);
  return checked.ok ? [] : checked.problems;
}

/** The server's warning on a figure far from the previous period's (lib/validation/outlier.ts), said as the cell is left. */
export function typedWarning(measure: IndicatorMeasure, cell: CellState, previous: FigureParts | null, previousPeriod: string): Warning | null {
  const checked = checkCell(measure, cell);
  return checked.ok && previous ? checkFigureAgainstPrevious(checked.figure, { figure: previous, period: previousPeriod }) : null;
}

export type BlockCell = { key: string; optionKey: string; cell: CellState };

/**
 * The breakdowns of one indicator at one place that do not add up to their total, for each cell
 * concerned (the total and the options of the dimension). A dimension is checked once every one of
 * its options is filled, or when `all` (the manager left the place's block): partly typed
 * breakdowns are not contradicted while they are being typed.
 */
export function checkBreakdowns(
  measure: IndicatorMeasure,
  block: readonly BlockCell[],
  options: Readonly<Record<string, readonly string[]>>,
  all: boolean,
): Map<string, Problem[]> {
  const problems = new Map<string, Problem[]>();
  const parts: ((f: FigureParts) => number | null)[] = measure === "number" ? [(f) => f.value] : [(f) => f.numerator, (f) => f.denominator];
  const figures = block.flatMap(({ key, optionKey, cell }) => {
    const checked = checkCell(measure, cell);
    return checked.ok && checked.figure ? [{ key, optionKey, figure: checked.figure }] : [];
  });
  const filled = new Set(figures.map((f) => f.optionKey));
  const ready = (dimension: string) => all || (options[dimension] ?? []).every((option) => filled.has(`${dimension}=${option}`));
  for (const amountOf of parts) {
    const cells = figures.flatMap((f) => {
      const amount = amountOf(f.figure);
      return amount === null ? [] : [{ key: f.optionKey, amount }];
    });
    for (const mismatch of findMismatches(cells)) {
      if (mismatch.parentKey !== "" || !ready(mismatch.dimension)) continue;
      const problem: Problem = { code: "breakdown_mismatch", dimension: mismatch.dimension, expected: mismatch.expected, actual: mismatch.actual };
      for (const f of figures) {
        if (f.optionKey === "" || f.optionKey.startsWith(`${mismatch.dimension}=`)) problems.set(f.key, [...(problems.get(f.key) ?? []), problem]);
      }
    }
  }
  return problems;
}

/** A figure as the grid shows it beside a cell (the previous period's): a number, or a percentage with its parts. */
export function shownFigure(
  measure: IndicatorMeasure,
  figure: FigureParts | null,
  number: { format(value: number): string },
  percent: { format(ratio: number): string },
): string | null {
  if (!figure) return null;
  if (measure === "number") return figure.value === null ? null : number.format(figure.value);
  if (figure.numerator === null || !figure.denominator) return null;
  return `${percent.format(figure.numerator / figure.denominator)} (${number.format(figure.numerator)}/${number.format(figure.denominator)})`;
}
