'use client';

import { ShieldCheck } from 'lucide-react';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Callout } from '@/components/ui/callout';
import { Dialog } from '@/components/ui/dialog';
import { StrategyOutcome } from '@/components/versions/blast-radius';
import { toastWriteError } from '@/components/versions/write-feedback';
import { type BulkUpgradeInput, useUpgradeRuns } from '@/lib/api/hooks/use-upgrade-runs';
import type { VersionDetail } from '@/lib/api/hooks/use-version';
import type { VersionListItem } from '@/lib/api/hooks/use-versions';
import { UPGRADE_STRATEGY_LABELS } from '@/lib/domain/upgrade-strategies';
import { upgradeTargets } from '@/lib/domain/upgrade-targets';
import { type BulkUpgradeChoice, BulkUpgradeForm } from './bulk-upgrade-form';
import { JobProgress } from './job-progress';

export interface BulkUpgradeDialogProps {
  version: VersionDetail;
  versions: readonly VersionListItem[];
  onClose: () => void;
  /** After the job finished, "See the drain report". */
  onFinished?: () => void;
}

const toInput = (c: BulkUpgradeChoice): BulkUpgradeInput => ({
  targetVersionId: c.target as string,
  strategy: c.strategy,
  filter: { workflow: c.workflow || undefined, group: c.group || undefined },
});

/**
 * Upgrade the active runs of a version: pick target, strategy and runs; "Check compatibility" runs
 * the dry run (nothing changes); Confirm starts the job and follows its progress here.
 */
export function BulkUpgradeDialog({ version, versions, onClose, onFinished }: BulkUpgradeDialogProps) {
  const targets = upgradeTargets(versions, version.id);
  const [picked, setChoice] = useState<Omit<BulkUpgradeChoice, 'target'> & { target: string | null | undefined }>({
    target: undefined,
    strategy: 'restart',
    workflow: '',
    group: '',
  });
  // Until the operator picks a target, the first one (the current version) is chosen.
  const choice: BulkUpgradeChoice = { ...picked, target: picked.target === undefined ? (targets[0]?.id ?? null) : picked.target };
  const { check, start } = useUpgradeRuns(version.id);
  const name = version.label ?? version.id;
  const target = versions.find((v) => v.id === choice.target);
  const report = check.data;
  const job = start.data;

  const change = (next: BulkUpgradeChoice) => {
    setChoice(next);
    check.reset();
  };
  const runCheck = () => check.mutate(toInput(choice), { onError: toastWriteError });
  const confirm = () => start.mutate(toInput(choice), { onError: toastWriteError });

  const footer = job ? (
    <>
      {onFinished && (
        <Button
          variant="outline"
          onClick={() => {
            onClose();
            onFinished();
          }}
        >
          See the drain report
        </Button>
      )}
      <Button onClick={onClose}>Close</Button>
    </>
  ) : (
    <>
      <Button variant="ghost" onClick={onClose}>
        Cancel
      </Button>
      <Button variant="outline" onClick={runCheck} disabled={!choice.target || check.isPending}>
        <ShieldCheck aria-hidden className="size-4" /> {check.isPending ? 'Checking…' : 'Check compatibility'}
      </Button>
      <Button onClick={confirm} disabled={!report || report.compatible === 0 || start.isPending}>
        {report ? `Upgrade ${report.compatible.toLocaleString('en-US')} ${report.compatible === 1 ? 'run' : 'runs'}` : 'Upgrade'}
      </Button>
    </>
  );

  return (
    <Dialog open onClose={onClose} busy={start.isPending} size="lg" title={`Upgrade active runs of ${name}`} data-testid="bulk-upgrade-dialog" footer={footer}>
      {job ? (
        <>
          <p>
            Upgrading {job.total.toLocaleString('en-US')} {job.total === 1 ? 'run' : 'runs'} to <strong>{target?.label ?? job.targetVersionId}</strong> (
            {UPGRADE_STRATEGY_LABELS[job.strategy]}). The job continues if you close this.
          </p>
          <JobProgress jobId={job.id} />
        </>
      ) : (
        <>
          <BulkUpgradeForm value={choice} onChange={change} targets={targets} workflows={version.workflows} disabled={check.isPending || start.isPending} />
          {report && (
            <section className="space-y-2 rounded-lg border bg-muted/30 p-3.5" data-testid="bulk-check-report">
              <h3 className="text-sm font-semibold">
                Compatibility: <span data-testid="bulk-total">{report.total.toLocaleString('en-US')}</span> active {report.total === 1 ? 'run' : 'runs'}{' '}
                selected
              </h3>
              {report.total === 0 ? (
                <p className="text-muted-foreground">No active run matches: nothing to upgrade.</p>
              ) : (
                <StrategyOutcome radius={report} total={report.total} />
              )}
              {report.incompatible > 0 && report.compatible > 0 && (
                <Callout tone="info">
                  Confirming upgrades the compatible runs one by one, each atomically; the incompatible ones are left untouched and listed as such.
                </Callout>
              )}
              {report.total > 0 && report.compatible === 0 && (
                <Callout tone="danger">No selected run can move to this target with this strategy. Nothing will be changed.</Callout>
              )}
            </section>
          )}
          {!report && <p className="text-xs text-muted-foreground">Nothing changes until you confirm: the check is a dry run.</p>}
        </>
      )}
    </Dialog>
  );
}
