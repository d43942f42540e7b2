import { Hourglass, Webhook } from 'lucide-react';
import type { ReactNode } from 'react';
import { NODE_HEIGHT, NODE_WIDTH } from '@/lib/domain/graph-layout-protocol';
import type { GraphNode } from '@/lib/domain/graph-model';
import { NODE_STATUS_LABELS } from '@/lib/domain/node-status';
import { cn } from '@/lib/utils/cn';
import { NODE_STATUS_STYLES } from './node-status-style';

const WAITING = {
  sleep: { icon: Hourglass, label: 'Sleeping' },
  hook: { icon: Webhook, label: 'Waiting on a hook' },
} as const;

export interface StepCardProps {
  node: GraphNode;
  selected?: boolean;
  /** Drawn by the server before the page is interactive: no hover, no spinning icon. */
  still?: boolean;
  /** React Flow's handles, in the graph. */
  children?: ReactNode;
}

/** How a step looks in the graph: status icon, step id, action and attempt. Kept light so thousands stay cheap. */
export function StepCard({ node, selected = false, still = false, children }: StepCardProps) {
  const style = NODE_STATUS_STYLES[node.status];
  const Icon = style.icon;
  const wait = node.waiting ? WAITING[node.waiting] : null;
  const running = node.status === 'running';
  return (
    <div
      title={`${node.id} — ${NODE_STATUS_LABELS[node.status]}${wait ? ` · ${wait.label}` : ''}`}
      style={{ width: NODE_WIDTH, height: NODE_HEIGHT }}
      className={cn(
        'relative flex items-center gap-2.5 rounded-lg border px-3 text-left shadow-xs',
        style.frame,
        !still && 'cursor-pointer transition-shadow',
        selected ? 'ring-2 ring-primary ring-offset-1 ring-offset-background' : !still && 'hover:shadow-md',
      )}
    >
      {children}
      {running && !still && <span aria-hidden className="absolute -inset-px animate-pulse rounded-lg ring-2 ring-info/50" />}
      <Icon
        aria-label={NODE_STATUS_LABELS[node.status]}
        className={cn('size-4 shrink-0', style.text, running && !still && 'animate-spin [animation-duration:2.5s]')}
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
    </div>
  );
}
