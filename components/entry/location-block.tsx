"use client";

import type { FigureParts } from "@/lib/indicators/actual";
import { cellKey, EMPTY_CELL, typedNumber, type CellState } from "./cell-state";
import type { GridIndicator, GridLocation, GridRowView, Part, Row } from "./grid-types";
import { GridRow } from "./grid-row";

type Props = {
  indicator: GridIndicator;
  location: GridLocation;
  /** The block's rows: the place's total, then each option of each breakdown. */
  rows: Row[];
  cells: Record<string, CellState>;
  earlier: Map<string, FigureParts>;
  history: Record<string, string[]>;
  view: GridRowView;
};

/** One indicator at one place: its total and breakdowns, then what the options add up to beside the total. */
export function LocationBlock({ indicator, location, rows, cells, earlier, history, view }: Props) {
  const { t, number, labels } = view;
  const amount = (key: string, part: Part) => typedNumber((cells[key] ?? EMPTY_CELL)[part]);
  const parts: Part[] = indicator.measure === "number" ? ["value"] : ["numerator", "denominator"];
  const sums = indicator.dimensions.flatMap((dimension) =>
    parts.flatMap((part) => {
      const entered = rows
        .filter((r) => dimension.code in r.options)
        .map((r) => amount(r.key, part))
        .filter((n): n is number => n !== null);
      if (entered.length === 0) return [];
      const total = amount(cellKey(indicator.id, location.code, {}), part);
      const sum = entered.reduce((a, b) => a + b, 0);
      const name = parts.length > 1 ? `${dimension.name} (${part === "numerator" ? labels.numerator : labels.denominator})` : dimension.name;
      return [
        {
          key: `${dimension.code}-${part}`,
          text: t("entry.sum", { dimension: name, sum: number.format(sum), total: total === null ? "—" : number.format(total) }),
          ok: total !== null && Math.abs(total - sum) < 1e-9,
        },
      ];
    }),
  );
  return (
    <tbody className="location-block" onBlur={(event) => view.leavePlace(indicator, location, event)}>
      {rows.map((row) => (
        <GridRow key={row.key} row={row} cell={cells[row.key] ?? EMPTY_CELL} previous={earlier.get(row.key) ?? null} history={history[row.key]} view={view} />
      ))}
      {sums.length > 0 && (
        <tr className="sum-row">
          <td colSpan={indicator.measure === "number" ? 6 : 8}>
            {sums.map((s) => (
              <span key={s.key} className={s.ok ? "sum ok" : "sum mismatch"}>
                {s.text}
              </span>
            ))}
          </td>
        </tr>
      )}
    </tbody>
  );
}
