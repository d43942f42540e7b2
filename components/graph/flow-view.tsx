'use client';

import '@xyflow/react/dist/style.css';
import { Background, ControlButton, Controls, type Node, ReactFlow, type ReactFlowInstance, type Viewport } from '@xyflow/react';
import { Maximize } from 'lucide-react';
import { type MouseEvent, type RefObject, useCallback, useEffect, useRef, useState } from 'react';
import { fitBounds } from '@/lib/domain/graph-geometry';
import type { GraphModel } from '@/lib/domain/graph-model';
import { CanvasMiniMap } from './canvas-minimap';
import { FlowEdge, type FlowEdgeType } from './flow-edge';
import { FocusSelected } from './focus-selected';
import { OverviewLayer } from './overview-layer';
import { StepNode, type StepNodeType } from './step-node';
import { useFlowElements } from './use-flow-elements';
import type { GraphLayout } from './use-graph-layout';

const nodeTypes = { step: StepNode };
const edgeTypes = { flow: FlowEdge };
/** Above this many nodes only what is in view is rendered, and far-out zooms switch to the canvas overview. */
const LARGE_GRAPH = 150;
/** Zoomed out further than this, a large graph is painted on a canvas instead of thousands of DOM nodes. */
const OVERVIEW_BELOW = 0.3;
const MINIMAP_FROM = 30;

import { FIT } from './view-options';

export interface FlowViewProps {
  model: GraphModel;
  layout: GraphLayout;
  /** The first view: fitted, or a viewport (a readable view on a notable step or the run's start). */
  firstView: { kind: 'fit' } | ({ kind: 'start' } & Viewport);
  selectedId: string | null;
  onSelect: (nodeId: string | null) => void;
  /** The canvas's frame (for fitting a large graph by hand). */
  frame: RefObject<HTMLDivElement | null>;
  theme: 'light' | 'dark';
  /** React Flow has drawn its first view (two frames after it started). */
  onDrawn: (at: number) => void;
  /** Whether the far-out canvas overview is what shows. */
  onOverview: (overview: boolean) => void;
}

/** The interactive graph (React Flow): loaded apart from the page, which shows the server's drawing until it is there. */
export function FlowView({ model, layout, firstView, selectedId, onSelect, frame, theme, onDrawn, onOverview }: FlowViewProps) {
  const flow = useRef<ReactFlowInstance<StepNodeType, FlowEdgeType> | null>(null);
  const [zoomedOut, setZoomedOut] = useState(false);
  const large = model.nodes.length > LARGE_GRAPH;
  const overview = large && zoomedOut;
  const { nodes, edges, painted, segments, bounds } = useFlowElements(model, layout, selectedId, overview);
  useEffect(() => onOverview(overview), [overview, onOverview]);

  const onInit = useCallback(
    (instance: ReactFlowInstance<StepNodeType, FlowEdgeType>) => {
      flow.current = instance;
      // Two frames: React Flow has committed the nodes and the browser has painted them.
      requestAnimationFrame(() => requestAnimationFrame(() => onDrawn(performance.now())));
    },
    [onDrawn],
  );

  // Fitting a large graph jumps far out, where it is the canvas overview: hand React Flow its empty
  // node list first, then move the viewport (an effect, once that list is in its store), so it never
  // renders every node on the way. The viewport is computed here: React Flow holds no nodes to fit then.
  const pendingView = useRef<Viewport | null>(null);
  const fitAll = () => {
    const box = frame.current?.getBoundingClientRect();
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

  return (
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
      fitView={firstView.kind !== 'start'}
      fitViewOptions={FIT}
      defaultViewport={firstView.kind === 'start' ? firstView : undefined}
      minZoom={0.02}
      maxZoom={2}
      colorMode={theme}
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
  );
}
