import { layeredLayout } from './graph-layout';
// Types only: manifest.ts computes digests with node:crypto, and this module runs in the browser.
import type { StepAction, StepDefinition, WorkflowDefinition } from './manifest';
import type { NeedCondition } from './node-status';

export interface ManifestGraphNode {
  id: string;
  action: StepAction;
  /** The command, the sleep duration or the hook's description. */
  detail: string;
  x: number;
  y: number;
}

export interface ManifestGraphEdge {
  source: string;
  target: string;
  when: NeedCondition;
}

export interface ManifestGraph {
  nodes: ManifestGraphNode[];
  edges: ManifestGraphEdge[];
  width: number;
  height: number;
  nodeWidth: number;
  nodeHeight: number;
}

/** Which action a step takes (exactly one of run, sleep, hook in a valid manifest). */
export function stepActionOf(step: StepDefinition): StepAction {
  if (step.run !== undefined) return 'run';
  if (step.sleep !== undefined) return 'sleep';
  return 'hook';
}

export function stepDetail(step: StepDefinition): string {
  switch (stepActionOf(step)) {
    case 'run':
      return step.run ?? '';
    case 'sleep':
      return `sleep ${step.sleep ?? ''}`;
    case 'hook':
      return step.hook?.description ?? 'waits for an external call';
    default:
      return '';
  }
}

/** A workflow's steps laid out left → right by their needs (a layered layout), with each edge's condition. */
export function manifestGraph(workflow: WorkflowDefinition, size = { nodeWidth: 168, nodeHeight: 44 }): ManifestGraph {
  const ids = new Set(workflow.steps.map((s) => s.id));
  const edges: ManifestGraphEdge[] = workflow.steps.flatMap((s) =>
    (s.needs ?? []).filter((n) => ids.has(n.step)).map((n) => ({ source: n.step, target: s.id, when: n.when ?? 'on_success' })),
  );
  const layout = layeredLayout({ nodes: workflow.steps, edges }, { ...size, layerGap: 48, nodeGap: 14 });
  const nodes = workflow.steps.map((s, i) => {
    const p = layout.positions[i] ?? { x: 0, y: 0 };
    return { id: s.id, action: stepActionOf(s), detail: stepDetail(s), x: p.x, y: p.y };
  });
  return { nodes, edges, width: layout.width, height: layout.height, ...size };
}

export interface SchemaField {
  name: string;
  type: string;
  required: boolean;
  description: string | null;
}

/** The top-level fields of an input JSON Schema: name, type (or `enum`/`any`), required. */
export function schemaFields(schema: Record<string, unknown>): SchemaField[] {
  const props = (schema.properties ?? {}) as Record<string, Record<string, unknown> | boolean>;
  const required = new Set(Array.isArray(schema.required) ? (schema.required as string[]) : []);
  return Object.entries(props).map(([name, def]) => {
    const d = typeof def === 'object' && def !== null ? def : {};
    const type = Array.isArray(d.enum) ? `enum (${d.enum.length})` : Array.isArray(d.type) ? d.type.join(' | ') : typeof d.type === 'string' ? d.type : 'any';
    return { name, type, required: required.has(name), description: typeof d.description === 'string' ? d.description : null };
  });
}
