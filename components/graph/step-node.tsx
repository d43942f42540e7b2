'use client';

import { Handle, type Node, type NodeProps, Position } from '@xyflow/react';
import { Hourglass, Webhook } from 'lucide-react';
import { memo } from 'react';
import { NODE_HEIGHT, NODE_WIDTH } from '@/lib/domain/graph-layout-protocol';
import type { GraphNode } from '@/lib/domain/graph-model';
import { NODE_STATUS_LABELS } from '@/lib/domain/node-status';
import { cn } from '@/lib/utils/cn';
import { NODE_STATUS_STYLES } from './node-status-style';

export type StepNodeType = Node<{ node: GraphNode }, 'step'>;

const HIDDEN_HANDLE = { opacity: 0, pointerEvents: 'none', width: 1, height: 1, minWidth: 0, minHeight: 0, border: 0 } as const;

const WAITING = {
  sleep: { icon: Hourglass, label: 'Sleeping' },
  hook: { icon: Webhook, label: 'Waiting on a hook' },
} as const;

/** One step of the run: status icon, step id, action and attempt; kept light so thousands stay cheap. */
export const StepNode = memo(function StepNode({ data, selected }: NodeProps<StepNodeType>) {
  const { node } = data;
  const style = NODE_STATUS_STYLES[node.status];
  const Icon = style.icon;
  const wait = node.waiting ? WAITING[node.waiting] : null;
  return (
    <div
      data-testid="graph-node"
      data-status={node.status}
      title={`${node.id} — ${NODE_STATUS_LABELS[node.status]}${wait ? ` · ${wait.label}` : ''}`}
      style={{ width: NODE_WIDTH, height: NODE_HEIGHT }}
      className={cn(
        'relative flex cursor-pointer items-center gap-2.5 rounded-lg border px-3 text-left shadow-xs transition-shadow',
        style.frame,
        selected ? 'ring-2 ring-primary ring-offset-1 ring-offset-background' : 'hover:shadow-md',
      )}
    >
      <Handle type="target" position={Position.Left} isConnectable={false} style={HIDDEN_HANDLE} />
      {node.status === 'running' && <span aria-hidden className="absolute -inset-px animate-pulse rounded-lg ring-2 ring-info/50" />}
      <Icon
        aria-label={NODE_STATUS_LABELS[node.status]}
        className={cn('size-4 shrink-0', style.text, node.status === 'running' && 'animate-spin [animation-duration:2.5s]')}
      />
      <div className="min-w-0 flex-1 leading-tight">
        <div className="truncate font-mono text-[12.5px] font-medium text-foreground">{node.id}</div>
        <div className="mt-0.5 truncate text-[11px] text-muted-foreground">
          {node.action}
          {node.attempt > 1 && <span className="font-medium text-warning"> · attempt {node.attempt}</span>}
        </div>
      </div>
      {wait && (
        <span title={wait.label} className="flex size-6 shrink-0 items-center justify-center rounded-full bg-info/15 text-info">
          <wait.icon aria-label={wait.label} className="size-3.5" />
        </span>
      )}
      <Handle type="source" position={Position.Right} isConnectable={false} style={HIDDEN_HANDLE} />
    </div>
  );
});
