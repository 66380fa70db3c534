/** A result of a results framework, as far as its place in the hierarchy goes. */
export type ResultNode = { id: number; parentId: number | null; position: number };

/**
 * Orders results depth-first (impact, its outcomes, each with its outputs), with each one's depth.
 * A result whose parent is missing is treated as a top-level one rather than lost.
 */
export function orderResultTree<T extends ResultNode>(results: readonly T[]): { result: T; depth: number }[] {
  const ids = new Set(results.map((r) => r.id));
  const children = new Map<number | null, T[]>();
  for (const result of results) {
    const parent = result.parentId !== null && ids.has(result.parentId) ? result.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), result]);
  }
  for (const list of children.values()) list.sort((a, b) => a.position - b.position || a.id - b.id);
  const ordered: { result: T; depth: number }[] = [];
  const visit = (parent: number | null, depth: number, seen: Set<number>) => {
    for (const result of children.get(parent) ?? []) {
      if (seen.has(result.id)) continue; // a cycle in bad data must not loop forever
      seen.add(result.id);
      ordered.push({ result, depth });
      visit(result.id, depth + 1, seen);
    }
  };
  visit(null, 0, new Set());
  return ordered;
}
