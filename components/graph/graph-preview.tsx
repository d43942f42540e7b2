import type { CSSProperties } from 'react';
import { bezierPath, type Point } from '@/lib/domain/graph-geometry';
import { NODE_HEIGHT, NODE_WIDTH } from '@/lib/domain/graph-layout-protocol';
import type { GraphEdge, GraphModel } from '@/lib/domain/graph-model';
import { type Box, type PreviewFrame, startTransform } from '@/lib/domain/graph-preview';
import { EDGE_STYLES, edgeKind } from './edge-style';
import { StepCard } from './step-card';

/** Past this many nodes the start view is drawn alone (a fitted view of them would be unreadable anyway). */
const MAX_FIT_NODES = 150;
/** A fitted view wider or taller than this at a readable zoom needs a bigger screen than people have. */
const LARGEST_CANVAS = { width: 3840, height: 2160 };

export interface GraphPreviewProps {
  model: GraphModel;
  positions: ReadonlyMap<string, Point>;
  frame: PreviewFrame;
  /** React Flow's fitted view never zooms in further than this. */
  maxZoom: number;
}

function Edges({ edges, positions, box }: { edges: readonly GraphEdge[]; positions: ReadonlyMap<string, Point>; box: Box }) {
  return (
    <svg aria-hidden className="absolute top-0 left-0 overflow-visible" style={{ width: box.width, height: box.height }}>
      <g transform={`translate(${-box.x} ${-box.y})`}>
        {edges.map((e) => {
          const s = positions.get(e.source);
          const t = positions.get(e.target);
          if (!s || !t) return null;
          const look = EDGE_STYLES[edgeKind(e)];
          const path = bezierPath({ x: s.x + NODE_WIDTH, y: s.y + NODE_HEIGHT / 2 }, { x: t.x, y: t.y + NODE_HEIGHT / 2 });
          return <path key={e.id} d={path} fill="none" stroke={look.stroke} strokeDasharray={look.dash} strokeWidth={look.width} />;
        })}
      </g>
    </svg>
  );
}

/** Nodes and edges at graph coordinates inside a box of the graph (its top left at the element's origin). */
function Scene({ model, positions, ids, box }: { model: GraphModel; positions: ReadonlyMap<string, Point>; ids: ReadonlySet<string>; box: Box }) {
  const edges = model.edges.filter((e) => ids.has(e.source) || ids.has(e.target));
  return (
    <>
      <Edges edges={edges} positions={positions} box={box} />
      {model.nodes.map((n) => {
        const at = positions.get(n.id);
        if (!at || !ids.has(n.id)) return null;
        return (
          <div key={n.id} data-preview-node className="absolute" style={{ left: at.x - box.x, top: at.y - box.y }}>
            <StepCard node={n} still />
          </div>
        );
      })}
    </>
  );
}

/**
 * The run's graph as the server draws it, in the HTML: its first view before the page is interactive, so
 * the graph shows while the scripts load. The fitted view scales with the canvas (an SVG viewBox); when
 * the graph is too big to read fitted, the start view (a notable step in the centre, or the run's first
 * steps) is placed by CSS. Which of the two the canvas shows is a container query on its size, the same
 * rule as the interactive graph's first view.
 */
export function GraphPreview({ model, positions, frame, maxZoom }: GraphPreviewProps) {
  const { bounds, fitBox, fitFrom, start } = frame;
  const canFit = model.nodes.length <= MAX_FIT_NODES && fitFrom.width <= LARGEST_CANVAS.width && fitFrom.height <= LARGEST_CANVAS.height;
  const ids = model.nodes.map((n) => n.id);
  const startIds = new Set(frame.startNodes.map((i) => ids[i] as string));
  const startStyle: CSSProperties = {
    left: start.anchor === 'centre' ? '50%' : 0,
    top: start.anchor === 'left-top' ? 0 : '50%',
    transform: startTransform(start),
    transformOrigin: '0 0',
  };
  const fitStyle: CSSProperties = { maxWidth: fitBox.width * maxZoom, maxHeight: fitBox.height * maxZoom };
  return (
    <div
      role="img"
      aria-label={`Graph of ${model.nodes.length} steps`}
      data-testid="graph-preview"
      className="graph-preview pointer-events-none absolute inset-0 overflow-hidden [container-type:size]"
    >
      {canFit && (
        <style>{`.graph-preview .pv-start{display:none}@container (max-width:${fitFrom.width - 0.5}px){.graph-preview .pv-start{display:block}.graph-preview .pv-fit{display:none}}@container (max-height:${fitFrom.height - 0.5}px){.graph-preview .pv-start{display:block}.graph-preview .pv-fit{display:none}}`}</style>
      )}
      {canFit && (
        <svg
          aria-hidden
          className="pv-fit absolute inset-0 m-auto size-full"
          viewBox={`${fitBox.x} ${fitBox.y} ${fitBox.width} ${fitBox.height}`}
          style={fitStyle}
        >
          <foreignObject x={bounds.x} y={bounds.y} width={bounds.width} height={bounds.height}>
            <div className="relative" style={{ width: bounds.width, height: bounds.height }}>
              <Scene model={model} positions={positions} ids={new Set(ids)} box={bounds} />
            </div>
          </foreignObject>
        </svg>
      )}
      <div className="pv-start absolute" style={startStyle}>
        <div className="relative" style={{ left: bounds.x, top: bounds.y }}>
          <Scene model={model} positions={positions} ids={startIds} box={bounds} />
        </div>
      </div>
    </div>
  );
}
