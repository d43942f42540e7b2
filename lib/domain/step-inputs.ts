import type { StepDefinition } from './manifest';

/**
 * The producers whose artifacts a step stages before it runs: every step it needs that declares
 * outputs; through a needed step that declares none (a sleep, a hook, a run step without outputs), that
 * step's own producers, recursively. So `package → approve (hook) → wait (sleep) → publish` stages
 * package's files into publish. In need order, each producer once.
 */
export function artifactProducers(steps: readonly StepDefinition[], stepId: string): string[] {
  const byId = new Map(steps.map((s) => [s.id, s]));
  const found: string[] = [];
  const visited = new Set<string>();
  const visit = (id: string) => {
    for (const need of byId.get(id)?.needs ?? []) {
      if (visited.has(need.step)) continue;
      visited.add(need.step);
      const producer = byId.get(need.step);
      if (!producer) continue;
      if ((producer.outputs ?? []).length > 0) found.push(producer.id);
      else visit(producer.id);
    }
  };
  visit(stepId);
  return found;
}
