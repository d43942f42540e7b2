import { CircleCheck, CircleX } from 'lucide-react';
import type { ReactNode } from 'react';
import { Badge } from '@/components/ui/badge';
import { StepList } from '@/components/versions/blast-radius';
import type { UpgradeReport } from '@/lib/api/hooks/use-upgrade-run';
import { UPGRADE_STRATEGY_LABELS } from '@/lib/domain/upgrade-strategies';

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="grid grid-cols-[9rem_1fr] items-start gap-2 py-1.5">
      <dt className="text-xs text-muted-foreground">{label}</dt>
      <dd className="min-w-0">{children}</dd>
    </div>
  );
}

/** One run's compatibility report: input fields that fail (with their paths), steps changed, what is reused and re-run. */
export function UpgradeReportView({ report }: { report: UpgradeReport }) {
  const { input, steps, eventLog } = report;
  return (
    <div className="space-y-2" data-testid="upgrade-report" data-compatible={report.compatible}>
      <div className="flex items-center gap-2">
        {report.compatible ? (
          <Badge tone="success" data-testid="report-verdict">
            <CircleCheck aria-hidden className="size-3" /> Compatible
          </Badge>
        ) : (
          <Badge tone="danger" data-testid="report-verdict">
            <CircleX aria-hidden className="size-3" /> Incompatible
          </Badge>
        )}
        <span className="text-xs text-muted-foreground">with {UPGRADE_STRATEGY_LABELS[report.strategy]}</span>
      </div>
      <dl className="divide-y text-sm">
        <Row label="Input">
          {input.problems.length === 0 ? (
            input.checked === false ? (
              <span className="text-[13px] text-muted-foreground">Not checked: the target publishes no input schema</span>
            ) : (
              <span className="text-[13px] text-success">{input.ok ? 'Fits the target’s input schema' : '—'}</span>
            )
          ) : (
            <ul className="space-y-1" data-testid="input-problems">
              {input.problems.map((p) => (
                <li key={`${p.path}:${p.message}`} className="text-[13px]" data-testid="input-problem" data-path={p.path}>
                  <code className="rounded bg-danger-soft px-1.5 py-0.5 font-mono text-[12px] text-danger">{p.path}</code> <span>{p.message}</span>
                </li>
              ))}
            </ul>
          )}
        </Row>
        {(steps.added.length > 0 || steps.removed.length > 0 || steps.changed.length > 0) && (
          <Row label="Steps changed">
            <div className="space-y-1 text-[13px]">
              {steps.changed.length > 0 && (
                <div className="flex gap-2">
                  <span className="w-16 shrink-0 text-xs text-muted-foreground">changed</span>
                  <StepList steps={steps.changed} />
                </div>
              )}
              {steps.added.length > 0 && (
                <div className="flex gap-2">
                  <span className="w-16 shrink-0 text-xs text-muted-foreground">added</span>
                  <StepList steps={steps.added} />
                </div>
              )}
              {steps.removed.length > 0 && (
                <div className="flex gap-2">
                  <span className="w-16 shrink-0 text-xs text-muted-foreground">removed</span>
                  <StepList steps={steps.removed} />
                </div>
              )}
            </div>
          </Row>
        )}
        {report.strategy === 'resume' && !eventLog.ok && (
          <Row label="Completed steps">
            <span className="text-[13px]">
              {[...eventLog.missing.map((s) => `${s} (missing in target)`), ...eventLog.changed.map((c) => `${c.step} (changed)`)].join(', ')}
            </span>
          </Row>
        )}
        <Row label="Reused">
          <StepList steps={report.reuse} empty="nothing is reused" />
        </Row>
        <Row label="Re-run">
          <StepList steps={report.rerun} empty="nothing re-runs" />
        </Row>
      </dl>
      {report.reasons.length > 0 && (
        <ul className="space-y-0.5 rounded-md bg-danger-soft px-3 py-2 font-mono text-[12px] text-danger" data-testid="report-reasons">
          {report.reasons.map((r) => (
            <li key={r}>{r}</li>
          ))}
        </ul>
      )}
      {(report.notes ?? []).map((n) => (
        <p key={n} className="rounded-md bg-muted px-3 py-2 text-[12px] text-muted-foreground" data-testid="report-note">
          {n}
        </p>
      ))}
    </div>
  );
}
