import { Badge, type BadgeTone } from '@/components/ui/badge';
import { runStatus, type StatusTone } from '@/lib/domain/run-list-status';
import type { RunPhase, RunResult } from '@/lib/domain/run-phase';
import { cn } from '@/lib/utils/cn';

export const STATUS_BADGE_TONES: Record<StatusTone, BadgeTone> = {
  neutral: 'neutral',
  muted: 'outline',
  info: 'info',
  warning: 'warning',
  success: 'success',
  danger: 'danger',
};

/** The dot colour of each tone, for phase marks outside a badge. */
export const TONE_DOTS: Record<StatusTone, string> = {
  neutral: 'bg-muted-foreground/70',
  muted: 'bg-muted-foreground/40',
  info: 'bg-info',
  warning: 'bg-warning',
  success: 'bg-success',
  danger: 'bg-danger',
};

/** Phase and, once it says more, result of a run, in one badge coloured by the outcome. */
export function RunStatusBadge({ phase, result, className }: { phase: RunPhase; result: RunResult; className?: string }) {
  const s = runStatus(phase, result);
  return (
    <Badge
      tone={STATUS_BADGE_TONES[s.tone]}
      dot={s.pulse ? 'pulse' : true}
      data-testid="run-status"
      data-phase={phase}
      data-result={result}
      className={cn(s.tone === 'muted' && 'text-muted-foreground', className)}
    >
      {s.phaseLabel}
      {s.resultLabel && (
        <>
          <span aria-hidden className="-mx-0.5 opacity-40">
            ·
          </span>
          {s.resultLabel}
        </>
      )}
    </Badge>
  );
}
