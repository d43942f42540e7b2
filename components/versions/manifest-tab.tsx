'use client';

import Link from 'next/link';
import { useMemo, useState } from 'react';
import { Badge } from '@/components/ui/badge';
import { JsonViewer } from '@/components/ui/json-viewer';
import type { VersionDetail } from '@/lib/api/hooks/use-version';
import { manifestGraph, schemaFields } from '@/lib/domain/manifest-graph';
import { routes } from '@/lib/routes';
import { cn } from '@/lib/utils/cn';
import { WorkflowGraph } from './workflow-graph';

/** The manifest: pick a workflow, see its steps as a graph with their needs, and its input schema. */
export function ManifestTab({ version }: { version: VersionDetail }) {
  const names = Object.keys(version.manifest.workflows);
  const [picked, setPicked] = useState(names[0] ?? '');
  const workflow = version.manifest.workflows[picked];
  const graph = useMemo(() => (workflow ? manifestGraph(workflow) : null), [workflow]);
  const fields = useMemo(() => (workflow ? schemaFields(workflow.input) : []), [workflow]);
  if (!workflow || !graph) return <p className="text-sm text-muted-foreground">This manifest has no workflows.</p>;

  return (
    <div className="space-y-5" data-testid="manifest-tab">
      <div role="radiogroup" aria-label="Workflow" className="flex flex-wrap gap-1.5">
        {names.map((name) => (
          <button
            key={name}
            type="button"
            role="radio"
            aria-checked={name === picked}
            onClick={() => setPicked(name)}
            className={cn(
              'h-7 cursor-pointer rounded-full border px-3 font-mono text-xs transition-colors',
              name === picked ? 'border-primary/40 bg-primary/10 text-primary' : 'bg-background text-muted-foreground hover:bg-accent hover:text-foreground',
            )}
          >
            {name}
            <span className="ml-1.5 text-[10px] opacity-70">{version.manifest.workflows[name]?.steps.length}</span>
          </button>
        ))}
      </div>

      <section className="space-y-2">
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h2 className="text-sm font-semibold">
            <span className="font-mono">{picked}</span> · {workflow.steps.length} {workflow.steps.length === 1 ? 'step' : 'steps'}
          </h2>
          <Link href={routes.runs({ version: version.id, workflow: picked })} className="text-xs text-primary hover:underline">
            Runs of {picked} on this version →
          </Link>
        </div>
        {workflow.description && <p className="text-sm text-muted-foreground">{workflow.description}</p>}
        <WorkflowGraph graph={graph} name={picked} />
      </section>

      <section className="grid gap-4 lg:grid-cols-2">
        <div className="space-y-2">
          <h2 className="text-sm font-semibold">Input fields</h2>
          {fields.length === 0 ? (
            <p className="text-sm text-muted-foreground">The input schema names no fields.</p>
          ) : (
            <ul className="divide-y rounded-lg border bg-card" data-testid="input-fields">
              {fields.map((f) => (
                <li key={f.name} className="flex items-center gap-2 px-3 py-2 text-sm">
                  <span className="font-mono text-[13px]">{f.name}</span>
                  <span className="text-xs text-muted-foreground">{f.type}</span>
                  {f.required && <Badge tone="primary">required</Badge>}
                  {f.description && <span className="ml-auto truncate text-xs text-muted-foreground">{f.description}</span>}
                </li>
              ))}
            </ul>
          )}
        </div>
        <div className="space-y-2">
          <h2 className="text-sm font-semibold">Input JSON Schema</h2>
          <JsonViewer value={workflow.input} label={`${picked} input schema`} defaultExpandDepth={2} />
        </div>
      </section>
    </div>
  );
}
