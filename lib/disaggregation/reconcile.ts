import { decodeOptionKey, encodeOptionKey, type OptionSet } from "./option-key";

/** One cell of one indicator, period and location: its option key and the figure to reconcile. */
export type Cell = { key: string; amount: number };

export type Mismatch = {
  /** The option set whose breakdown does not add up ("" for the total). */
  parentKey: string;
  /** The dimension broken down. */
  dimension: string;
  expected: number;
  actual: number;
};

const TOLERANCE = 1e-9;

/**
 * Disaggregated values must reconcile with their total, per dimension: for every reported cell and
 * every dimension it is broken down by, the options of that dimension add up to the cell. So the
 * sexes add up to the total, the age groups too, and female 18-35 plus female 36-59 ... to female.
 * A breakdown by one dimension is checked against a reported parent only: a parent that is not
 * reported cannot be contradicted. For percentages, reconcile numerators and denominators apart.
 */
export function findMismatches(cells: readonly Cell[]): Mismatch[] {
  const amounts = new Map<string, number>();
  const decoded: { key: string; options: OptionSet; amount: number }[] = [];
  for (const cell of cells) {
    const options = decodeOptionKey(cell.key);
    if (!options) throw new RangeError(`Malformed disaggregation key: "${cell.key}"`);
    amounts.set(cell.key, cell.amount);
    decoded.push({ key: cell.key, options, amount: cell.amount });
  }

  const sums = new Map<string, { parentKey: string; dimension: string; sum: number }>();
  for (const { options, amount } of decoded) {
    for (const dimension of Object.keys(options)) {
      const { [dimension]: _removed, ...rest } = options;
      const parentKey = encodeOptionKey(rest);
      const groupKey = `${parentKey}#${dimension}`;
      const group = sums.get(groupKey) ?? { parentKey, dimension, sum: 0 };
      group.sum += amount;
      sums.set(groupKey, group);
    }
  }

  const mismatches: Mismatch[] = [];
  for (const { parentKey, dimension, sum } of sums.values()) {
    const expected = amounts.get(parentKey);
    if (expected === undefined) continue;
    if (Math.abs(expected - sum) > TOLERANCE * Math.max(1, Math.abs(expected))) {
      mismatches.push({ parentKey, dimension, expected, actual: sum });
    }
  }
  return mismatches.sort((a, b) => a.parentKey.localeCompare(b.parentKey) || a.dimension.localeCompare(b.dimension));
}
