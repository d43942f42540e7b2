import { Badge } from '@/components/ui/badge';
import type { StrategyRadius } from '@/lib/api/hooks/use-version-diff';
import { UPGRADE_STRATEGY_HINTS, UPGRADE_STRATEGY_LABELS } from '@/lib/domain/upgrade-strategies';

const MAX_REASONS = 5;
const MAX_RERUNS = 4;

export function StepList({ steps, empty = 'none' }: { steps: string[]; empty?: string }) {
  if (steps.length === 0) return <span className="text-xs text-muted-foreground italic">{empty}</span>;
  return (
    <span className="flex flex-wrap gap-1">
      {steps.map((s) => (
        <span key={s} className="rounded bg-muted px-1.5 py-0.5 font-mono text-[11px]">
          {s}
        </span>
      ))}
    </span>
  );
}

/** One strategy's outcome over a set of runs: compatible / incompatible, why, and which steps re-run. */
export function StrategyOutcome({ radius, total }: { radius: StrategyRadius; total: number }) {
  return (
    <div className="space-y-2.5" data-testid="strategy-outcome" data-strategy={radius.strategy}>
      <div className="flex flex-wrap items-center gap-2">
        <Badge tone={radius.incompatible === 0 ? 'success' : radius.compatible === 0 ? 'danger' : 'warning'} data-testid="compatible-count">
          {radius.compatible.toLocaleString('en-US')} of {total.toLocaleString('en-US')} compatible
        </Badge>
        {radius.incompatible > 0 && (
          <Badge tone="danger" data-testid="incompatible-count">
            {radius.incompatible.toLocaleString('en-US')} incompatible
          </Badge>
        )}
      </div>
      {radius.reasons.length > 0 && (
        <div>
          <p className="mb-1 text-xs font-medium text-muted-foreground">Why runs cannot move</p>
          <ul className="space-y-1" data-testid="incompatible-reasons">
            {radius.reasons.slice(0, MAX_REASONS).map((r) => (
              <li key={r.reason} className="flex gap-2 text-[13px]">
                <span className="shrink-0 font-medium text-danger tabular-nums">{r.runs.toLocaleString('en-US')}×</span>
                <span className="font-mono text-[12px] break-words">{r.reason}</span>
              </li>
            ))}
            {radius.reasons.length > MAX_REASONS && <li className="text-xs text-muted-foreground">and {radius.reasons.length - MAX_REASONS} more reasons</li>}
          </ul>
        </div>
      )}
      {radius.reruns.length > 0 && (
        <div>
          <p className="mb-1 text-xs font-medium text-muted-foreground">Steps the compatible runs re-run</p>
          <ul className="space-y-1.5" data-testid="rerun-sets">
            {radius.reruns.slice(0, MAX_RERUNS).map((r) => (
              <li key={r.steps.join(',')} className="flex items-start gap-2 text-[13px]">
                <span className="shrink-0 tabular-nums text-muted-foreground">{r.runs.toLocaleString('en-US')}×</span>
                <StepList steps={r.steps} empty="nothing re-runs" />
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}

/** For each strategy, what upgrading the older version's active runs to the newer would do. */
export function BlastRadius({ radius, total }: { radius: StrategyRadius[]; total: number }) {
  return (
    <div className="grid gap-3 lg:grid-cols-3" data-testid="blast-radius">
      {radius.map((r) => (
        <div key={r.strategy} className="rounded-lg border bg-card p-3.5">
          <h4 className="text-sm font-semibold">{UPGRADE_STRATEGY_LABELS[r.strategy]}</h4>
          <p className="mb-3 text-xs text-muted-foreground">{UPGRADE_STRATEGY_HINTS[r.strategy]}</p>
          <StrategyOutcome radius={r} total={total} />
        </div>
      ))}
    </div>
  );
}
