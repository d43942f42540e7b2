'use client';

import { Handle, type Node, type NodeProps, Position } from '@xyflow/react';
import { memo } from 'react';
import type { GraphNode } from '@/lib/domain/graph-model';
import { StepCard } from './step-card';

export type StepNodeType = Node<{ node: GraphNode }, 'step'>;

const HIDDEN_HANDLE = { opacity: 0, pointerEvents: 'none', width: 1, height: 1, minWidth: 0, minHeight: 0, border: 0 } as const;

/** One step of the run in React Flow: its card, with the (invisible) handles edges attach to. */
export const StepNode = memo(function StepNode({ data, selected }: NodeProps<StepNodeType>) {
  const { node } = data;
  return (
    <div data-testid="graph-node" data-status={node.status}>
      <StepCard node={node} selected={selected}>
        <Handle type="target" position={Position.Left} isConnectable={false} style={HIDDEN_HANDLE} />
        <Handle type="source" position={Position.Right} isConnectable={false} style={HIDDEN_HANDLE} />
      </StepCard>
    </div>
  );
});
