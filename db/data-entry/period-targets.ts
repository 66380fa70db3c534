import { and, eq, inArray } from "drizzle-orm";
import type { Executor } from "../engine/types";
import { indicatorTargets } from "../tables";

/** The targets set for one period, by indicator id, among the indicators of `list`. */
export async function periodTargets(db: Executor, list: readonly { id: number }[], period: string): Promise<Map<number, number>> {
  if (list.length === 0) return new Map();
  const rows = await db
    .select({ indicatorId: indicatorTargets.indicatorId, value: indicatorTargets.value })
    .from(indicatorTargets)
    .where(
      and(
        inArray(
          indicatorTargets.indicatorId,
          list.map((i) => i.id),
        ),
        eq(indicatorTargets.period, period),
      ),
    );
  return new Map(rows.map((t) => [t.indicatorId, t.value]));
}
