/** A directed graph given as node id → the ids it depends on. */
export type DependencyMap = ReadonlyMap<string, readonly string[]>;

/**
 * Kahn's topological order: dependencies before dependents, ties in insertion order.
 * Returns the cycle's members when the graph is not acyclic.
 */
export function topologicalOrder(deps: DependencyMap): { order: string[] } | { cycle: string[] } {
  const indegree = new Map<string, number>();
  const dependents = new Map<string, string[]>();
  for (const [id, needs] of deps) {
    indegree.set(id, needs.length);
    for (const need of needs) {
      const list = dependents.get(need) ?? [];
      list.push(id);
      dependents.set(need, list);
    }
  }
  const ready = [...deps.keys()].filter((id) => indegree.get(id) === 0);
  const order: string[] = [];
  while (ready.length > 0) {
    const id = ready.shift() as string;
    order.push(id);
    for (const next of dependents.get(id) ?? []) {
      const left = (indegree.get(next) ?? 0) - 1;
      indegree.set(next, left);
      if (left === 0) ready.push(next);
    }
  }
  if (order.length === deps.size) return { order };
  return { cycle: [...deps.keys()].filter((id) => !order.includes(id)) };
}

/** Every node upstream of `id` (transitively), not including `id`. */
export function upstreamOf(deps: DependencyMap, id: string): Set<string> {
  const seen = new Set<string>();
  const stack = [...(deps.get(id) ?? [])];
  while (stack.length > 0) {
    const next = stack.pop() as string;
    if (seen.has(next)) continue;
    seen.add(next);
    stack.push(...(deps.get(next) ?? []));
  }
  return seen;
}
