'use client';

import { LoaderCircle } from 'lucide-react';
import dynamic from 'next/dynamic';
import { useTheme } from 'next-themes';
import { type KeyboardEvent, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { initialView, notableNode } from '@/lib/domain/graph-geometry';
import type { SeededLayout } from '@/lib/domain/graph-layout-protocol';
import type { GraphModel } from '@/lib/domain/graph-model';
import { previewFrame } from '@/lib/domain/graph-preview';
import { cn } from '@/lib/utils/cn';
import { GraphPreview } from './graph-preview';
import { useGraphLayout } from './use-graph-layout';
import { FIT, PREVIEW, VIEW } from './view-options';

// React Flow comes in its own chunk, after the page: the server's drawing holds the first view meanwhile.
const FlowView = dynamic(() => import('./flow-view').then((m) => m.FlowView), { ssr: false });

export interface RunGraphProps {
  model: GraphModel;
  selectedId: string | null;
  onSelect: (nodeId: string | null) => void;
  /** The server's layout of this graph, when it made one: the first draw then waits for no worker. */
  seededLayout?: SeededLayout;
  className?: string;
}

/**
 * The run's DAG: laid out by the server (or in a worker), drawn first by the server in the HTML, then
 * interactive with React Flow; nodes coloured by status, artifact edges labelled.
 */
export function RunGraph({ model, selectedId, onSelect, seededLayout, className }: RunGraphProps) {
  const layout = useGraphLayout(model, seededLayout);
  const container = useRef<HTMLDivElement>(null);
  const { resolvedTheme } = useTheme();
  const theme = resolvedTheme === 'dark' ? 'dark' : 'light';
  const [drawnAt, setDrawnAt] = useState<number | null>(null);
  const [overview, setOverview] = useState(false);

  // The canvas's box is known once mounted (before the first paint): a layout seeded by the server is
  // there on the first render already, and the first view needs both.
  const [boxReady, setBoxReady] = useState(false);
  useLayoutEffect(() => setBoxReady(true), []);

  // The first view, once: the whole graph when it is readable fitted, else a readable view on the first
  // failure (or the step the run waits on, or runs), else on where the run starts.
  // biome-ignore lint/correctness/useExhaustiveDependencies: computed once, when the first layout and the box are there; later layouts and model updates must not move the user's viewport
  const firstView = useMemo(() => {
    if (!layout || !boxReady || !container.current) return null;
    const notable = notableNode(model.nodes, layout.positions);
    return initialView([...layout.positions.values()], container.current.getBoundingClientRect(), VIEW, notable);
  }, [layout === null, boxReady]);

  // The same first view as the server draws it (in the HTML), shown until React Flow has drawn its own.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the first layout's view only, like firstView
  const preview = useMemo(() => {
    if (!layout) return null;
    const positions = model.nodes.map((n) => layout.positions.get(n.id) ?? { x: 0, y: 0 });
    return previewFrame(positions, PREVIEW, notableNode(model.nodes, layout.positions));
  }, [layout === null]);

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key !== 'Enter' && e.key !== ' ') return;
    const id = (e.target as HTMLElement).closest('.react-flow__node')?.getAttribute('data-id');
    if (!id) return;
    e.preventDefault();
    onSelect(id);
  };

  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: delegates Enter/Space from the focusable React Flow nodes inside; the frame itself takes no input
    <div
      ref={container}
      data-testid="run-graph"
      data-state={drawnAt !== null ? 'drawn' : layout ? 'laid-out' : 'layout'}
      data-engine={layout?.engine}
      data-layout-ms={layout ? Math.round(layout.ms) : undefined}
      data-worker-ms={layout ? Math.round(layout.workerMs) : undefined}
      data-drawn-at={drawnAt !== null ? Math.round(drawnAt) : undefined}
      data-node-count={model.nodes.length}
      data-overview={overview || undefined}
      onKeyDown={onKeyDown}
      className={cn('relative overflow-hidden rounded-xl border bg-background', overview && '[&_.react-flow__pane]:cursor-zoom-in', className)}
    >
      {layout && preview && drawnAt === null && <GraphPreview model={model} positions={layout.positions} frame={preview} maxZoom={FIT.maxZoom} />}
      {layout && firstView ? (
        <FlowView
          model={model}
          layout={layout}
          firstView={firstView}
          selectedId={selectedId}
          onSelect={onSelect}
          frame={container}
          theme={theme}
          onDrawn={setDrawnAt}
          onOverview={setOverview}
        />
      ) : preview ? null : (
        <div role="status" className="flex h-full items-center justify-center gap-2 text-sm text-muted-foreground">
          <LoaderCircle aria-hidden className="size-4 animate-spin" />
          Laying out {model.nodes.length.toLocaleString('en-US')} {model.nodes.length === 1 ? 'step' : 'steps'}…
        </div>
      )}
    </div>
  );
}
