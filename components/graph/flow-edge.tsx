'use client';

import { BaseEdge, type Edge, EdgeLabelRenderer, type EdgeProps, getBezierPath, useStore } from '@xyflow/react';
import { memo } from 'react';
import { bezierPoint, edgeLabelPoint } from '@/lib/domain/graph-geometry';
import { LAYER_GAP } from '@/lib/domain/graph-layout-protocol';
import type { GraphEdge } from '@/lib/domain/graph-model';
import type { NeedCondition } from '@/lib/domain/node-status';
import { cn } from '@/lib/utils/cn';
import { ArtifactEdgeLabel } from './edge-label';
import { EDGE_STYLES, edgeKind } from './edge-style';

/**
 * `selectedEnd`: which end of the edge is the selected node, if any (the edge is then drawn heavier).
 * `label`: for an artifact edge, where its label goes (placed by the graph, apart from its neighbours)
 * and how many edges of its fan it speaks for; null for the other edges of a fan, which go unlabelled
 * unless their consumer is the selected node.
 */
export type FlowEdgeType = Edge<
  { edge: GraphEdge; selectedEnd: 'source' | 'target' | null; label: { at: { x: number; y: number }; count: number } | null },
  'flow'
>;

const CONDITION_TEXT: Record<NeedCondition, string> = { on_success: 'on success', on_failure: 'on failure', on_skipped: 'on skipped' };

/** Zoomed out further than this, artifact labels shrink to their icon. */
const COMPACT_BELOW = 0.6;
/** How far past its source an artifact label may sit: within the first gap, clear of the next layer. */
export const LABEL_REACH = 0.5 * LAYER_GAP;
/** Vertical room per artifact label (two lines of 10 px text). */
export const LABEL_SPACING = 38;

/** A dependency or artifact edge; labelled when it carries an artifact or a condition other than on_success. */
export const FlowEdge = memo(function FlowEdge(props: EdgeProps<FlowEdgeType>) {
  const { sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, data, markerEnd } = props;
  // A boolean selector: edges re-render when the zoom crosses the threshold, not on every zoom step.
  const compact = useStore((s) => s.transform[2] < COMPACT_BELOW);
  const [path] = getBezierPath({ sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition });
  if (!data) return null;
  const { edge, selectedEnd, label } = data;
  const highlighted = selectedEnd !== null;
  const own = selectedEnd === 'target';
  const kind = edgeKind(edge);
  const look = EDGE_STYLES[kind];
  const condition = edge.condition && edge.condition !== 'on_success' ? CONDITION_TEXT[edge.condition] : null;
  const source = { x: sourceX, y: sourceY };
  const target = { x: targetX, y: targetY };
  const at = label?.at ?? (edge.artifact ? edgeLabelPoint(source, target, LABEL_REACH) : bezierPoint(source, target, 0.5));
  const labelled = edge.artifact ? label !== null || own : condition !== null;
  return (
    <>
      <BaseEdge
        path={path}
        markerEnd={markerEnd}
        style={{ stroke: look.stroke, strokeDasharray: look.dash, strokeWidth: highlighted ? look.width + 0.75 : look.width }}
      />
      {labelled && (
        <EdgeLabelRenderer>
          <div
            className={cn('nodrag nopan pointer-events-auto absolute', highlighted && 'z-10')}
            style={{ transform: `translate(-50%, -50%) translate(${at.x}px, ${at.y}px)` }}
          >
            {edge.artifact ? (
              <ArtifactEdgeLabel artifact={edge.artifact} condition={condition} compact={compact} fan={own ? 1 : (label?.count ?? 1)} />
            ) : (
              <span
                data-testid="condition-edge-label"
                className={cn(
                  'block rounded-md border bg-card px-1.5 py-0.5 text-[10px] leading-none font-medium whitespace-nowrap',
                  kind === 'failure' ? 'border-danger/40 text-danger' : 'text-muted-foreground',
                )}
              >
                {condition}
              </span>
            )}
          </div>
        </EdgeLabelRenderer>
      )}
    </>
  );
});
