import { Ban, CircleCheck, CircleDashed, CircleX, LoaderCircle, type LucideIcon, SkipForward } from 'lucide-react';
import type { BadgeTone } from '@/components/ui/badge';
import type { NodeStatus } from '@/lib/domain/node-status';

/** How each node status looks, everywhere a node is drawn: graph, panel, timeline, legend. */
export interface NodeStatusStyle {
  icon: LucideIcon;
  tone: BadgeTone;
  /** Text colour of the icon. */
  text: string;
  /** Node frame in the graph. */
  frame: string;
  /** Timeline bar. */
  bar: string;
  /** MiniMap and legend colour (a CSS colour). */
  color: string;
}

export const NODE_STATUS_STYLES: Record<NodeStatus, NodeStatusStyle> = {
  pending: {
    icon: CircleDashed,
    tone: 'neutral',
    text: 'text-muted-foreground',
    frame: 'border-border bg-card',
    bar: 'bg-muted-foreground/30',
    color: 'var(--color-muted-foreground)',
  },
  running: {
    icon: LoaderCircle,
    tone: 'info',
    text: 'text-info',
    frame: 'border-info/60 bg-info-soft',
    bar: 'bg-info',
    color: 'var(--color-info)',
  },
  success: {
    icon: CircleCheck,
    tone: 'success',
    text: 'text-success',
    frame: 'border-success/40 bg-card',
    bar: 'bg-success',
    color: 'var(--color-success)',
  },
  failed: {
    icon: CircleX,
    tone: 'danger',
    text: 'text-danger',
    frame: 'border-danger/60 bg-danger-soft',
    bar: 'bg-danger',
    color: 'var(--color-danger)',
  },
  skipped: {
    icon: SkipForward,
    tone: 'neutral',
    text: 'text-muted-foreground',
    frame: 'border-dashed border-border bg-muted/40',
    bar: 'bg-muted-foreground/40',
    color: 'color-mix(in oklch, var(--color-muted-foreground) 55%, transparent)',
  },
  cancelled: {
    icon: Ban,
    tone: 'warning',
    text: 'text-warning',
    frame: 'border-warning/50 bg-card',
    bar: 'bg-warning/70',
    color: 'var(--color-warning)',
  },
};
