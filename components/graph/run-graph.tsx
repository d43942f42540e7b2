'use client';

import '@xyflow/react/dist/style.css';
import { Background, ControlButton, Controls, type Node, ReactFlow, type ReactFlowInstance, type Viewport } from '@xyflow/react';
import { LoaderCircle, Maximize } from 'lucide-react';
import { useTheme } from 'next-themes';
import { type KeyboardEvent, type MouseEvent, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { fitBounds, initialView, notableNode } from '@/lib/domain/graph-geometry';
import type { SeededLayout } from '@/lib/domain/graph-layout-protocol';
import { NODE_HEIGHT, NODE_WIDTH } from '@/lib/domain/graph-layout-protocol';
import type { GraphModel } from '@/lib/domain/graph-model';
import { type PreviewOptions, previewFrame } from '@/lib/domain/graph-preview';
import { cn } from '@/lib/utils/cn';
import { CanvasMiniMap } from './canvas-minimap';
import { FlowEdge, type FlowEdgeType } from './flow-edge';
import { FocusSelected } from './focus-selected';
import { GraphPreview } from './graph-preview';
import { OverviewLayer } from './overview-layer';
import { StepNode, type StepNodeType } from './step-node';
import { useFlowElements } from './use-flow-elements';
import { useGraphLayout } from './use-graph-layout';

const nodeTypes = { step: StepNode };
const edgeTypes = { flow: FlowEdge };
/** Above this many nodes only what is in view is rendered, and far-out zooms switch to the canvas overview. */
const LARGE_GRAPH = 150;
/** Zoomed out further than this, a large graph is painted on a canvas instead of thousands of DOM nodes. */
const OVERVIEW_BELOW = 0.3;
const MINIMAP_FROM = 30;
const FIT = { minZoom: 0.02, maxZoom: 1.1, padding: 0.08 };
const VIEW = { nodeWidth: NODE_WIDTH, nodeHeight: NODE_HEIGHT, minReadableZoom: 0.5, startZoom: 0.75, padding: 28 };
/** The server-drawn first view: the same rule as VIEW, for canvases up to 4K. */
const PREVIEW: PreviewOptions = { ...VIEW, fitPadding: FIT.padding, reach: { width: 3840, height: 2160 }, assumedHeight: 460 };

export interface RunGraphProps {
  model: GraphModel;
  selectedId: string | null;
  onSelect: (nodeId: string | null) => void;
  /** The server's layout of this graph, when it made one: the first draw then waits for no worker. */
  seededLayout?: SeededLayout;
  className?: string;
}

/** The run's DAG: laid out in a worker, drawn with React Flow, nodes coloured by status, artifact edges labelled. */
export function RunGraph({ model, selectedId, onSelect, seededLayout, className }: RunGraphProps) {
  const layout = useGraphLayout(model, seededLayout);
  const container = useRef<HTMLDivElement>(null);
  const flow = useRef<ReactFlowInstance<StepNodeType, FlowEdgeType> | null>(null);
  const { resolvedTheme } = useTheme();
  const theme = resolvedTheme ?? 'light';
  const [drawnAt, setDrawnAt] = useState<number | null>(null);
  const [zoomedOut, setZoomedOut] = useState(false);
  const large = model.nodes.length > LARGE_GRAPH;
  const overview = large && zoomedOut;
  const { nodes, edges, painted, segments, bounds } = useFlowElements(model, layout, selectedId, overview);

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

  // The first view as the server draws it (in the HTML), shown until React Flow has drawn its own.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the first layout's view only, like firstView
  const preview = useMemo(() => {
    if (!layout) return null;
    const positions = model.nodes.map((n) => layout.positions.get(n.id) ?? { x: 0, y: 0 });
    return previewFrame(positions, PREVIEW, notableNode(model.nodes, layout.positions));
  }, [layout === null]);

  const onInit = useCallback((instance: ReactFlowInstance<StepNodeType, FlowEdgeType>) => {
    flow.current = instance;
    // Two frames: React Flow has committed the nodes and the browser has painted them.
    requestAnimationFrame(() => requestAnimationFrame(() => setDrawnAt(performance.now())));
  }, []);

  // Fitting a large graph jumps far out, where it is the canvas overview: hand React Flow its empty
  // node list first, then move the viewport (an effect, once that list is in its store), so it never
  // renders every node on the way. The viewport is computed here: React Flow holds no nodes to fit then.
  const pendingView = useRef<Viewport | null>(null);
  const fitAll = () => {
    const box = container.current?.getBoundingClientRect();
    if (!large || !box) return void flow.current?.fitView(FIT);
    const view = fitBounds(bounds, box, FIT.padding, FIT.minZoom, FIT.maxZoom);
    if (view.zoom >= OVERVIEW_BELOW || overview) return void flow.current?.setViewport(view);
    pendingView.current = view;
    setZoomedOut(true);
  };
  useEffect(() => {
    if (!overview || !pendingView.current) return;
    void flow.current?.setViewport(pendingView.current);
    pendingView.current = null;
  }, [overview]);

  const onPaneClick = (e: MouseEvent) => {
    // In the overview a click zooms into that spot; otherwise it clears the selection.
    if (!overview || !flow.current) return onSelect(null);
    const at = flow.current.screenToFlowPosition({ x: e.clientX, y: e.clientY });
    void flow.current.setCenter(at.x, at.y, { zoom: 0.75, duration: 300 });
  };

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
        <ReactFlow<StepNodeType, FlowEdgeType>
          nodes={nodes}
          edges={edges}
          nodeTypes={nodeTypes}
          edgeTypes={edgeTypes}
          onInit={onInit}
          onMove={(_, viewport) => setZoomedOut(viewport.zoom < OVERVIEW_BELOW)}
          onNodeClick={(_, node: Node) => onSelect(node.id)}
          onPaneClick={onPaneClick}
          nodesDraggable={false}
          nodesConnectable={false}
          elementsSelectable={false}
          edgesFocusable={false}
          onlyRenderVisibleElements={large}
          fitView={firstView?.kind !== 'start'}
          fitViewOptions={FIT}
          defaultViewport={firstView?.kind === 'start' ? firstView : undefined}
          minZoom={0.02}
          maxZoom={2}
          colorMode={theme === 'dark' ? 'dark' : 'light'}
          proOptions={{ hideAttribution: true }}
        >
          <Background gap={20} size={1} />
          <Controls showInteractive={false} showFitView={false} position="bottom-right">
            <ControlButton onClick={fitAll} title="Fit View" aria-label="Fit View">
              <Maximize aria-hidden />
            </ControlButton>
          </Controls>
          {model.nodes.length >= MINIMAP_FROM && <CanvasMiniMap nodes={painted} theme={theme} />}
          {overview && <OverviewLayer nodes={painted} segments={segments} theme={theme} />}
          <FocusSelected selectedId={selectedId} />
        </ReactFlow>
      ) : preview ? null : (
        <div role="status" className="flex h-full items-center justify-center gap-2 text-sm text-muted-foreground">
          <LoaderCircle aria-hidden className="size-4 animate-spin" />
          Laying out {model.nodes.length.toLocaleString('en-US')} {model.nodes.length === 1 ? 'step' : 'steps'}…
        </div>
      )}
    </div>
  );
}
