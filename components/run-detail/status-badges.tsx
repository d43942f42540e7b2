import { NODE_STATUS_STYLES } from '@/components/graph/node-status-style';
import { Badge, type BadgeTone } from '@/components/ui/badge';
import { NODE_STATUS_LABELS, type NodeStatus } from '@/lib/domain/node-status';
import { RUN_PHASE_LABELS, RUN_RESULT_LABELS, type RunPhase, type RunResult } from '@/lib/domain/run-phase';

const PHASE_TONES: Record<RunPhase, BadgeTone> = {
  setuperror: 'danger',
  queued: 'neutral',
  running: 'info',
  paused: 'warning',
  cancelled: 'neutral',
  finished: 'outline',
};

const RESULT_TONES: Record<RunResult, BadgeTone> = {
  unknown: 'neutral',
  success: 'success',
  failed: 'danger',
  stopped: 'warning',
};

export function PhaseBadge({ phase }: { phase: RunPhase }) {
  return (
    <Badge tone={PHASE_TONES[phase]} dot={phase === 'running' ? 'pulse' : true} data-testid="run-phase">
      {RUN_PHASE_LABELS[phase]}
    </Badge>
  );
}

/** The result once it is known; nothing while it is `unknown`. */
export function ResultBadge({ result }: { result: RunResult }) {
  if (result === 'unknown') return null;
  return (
    <Badge tone={RESULT_TONES[result]} data-testid="run-result">
      {RUN_RESULT_LABELS[result]}
    </Badge>
  );
}

export function NodeStatusBadge({ status }: { status: NodeStatus }) {
  const style = NODE_STATUS_STYLES[status];
  return (
    <Badge tone={style.tone} dot={status === 'running' ? 'pulse' : true} data-testid="node-status">
      {NODE_STATUS_LABELS[status]}
    </Badge>
  );
}
