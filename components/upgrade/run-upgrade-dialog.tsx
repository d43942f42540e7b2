'use client';

import { ArrowUpCircle, LoaderCircle } from 'lucide-react';
import Link from 'next/link';
import { useState } from 'react';
import { usePermission } from '@/components/auth/caller-context';
import { Button } from '@/components/ui/button';
import { Callout } from '@/components/ui/callout';
import { Dialog } from '@/components/ui/dialog';
import { Field } from '@/components/ui/field';
import { Toaster } from '@/components/ui/toast';
import { VersionSelect } from '@/components/versions/version-select';
import { isStaleError, StaleWriteNotice, toastWriteError } from '@/components/versions/write-feedback';
import { RUN_ACTION_ACCESS } from '@/lib/api/action-access';
import { isApiError } from '@/lib/api/fetch-json';
import { type UpgradeReport, useRunUpgradePreview, useUpgradeRun } from '@/lib/api/hooks/use-upgrade-run';
import { useVersions } from '@/lib/api/hooks/use-versions';
import type { UpgradeStrategy } from '@/lib/domain/job-status';
import { runActions } from '@/lib/domain/run-actions';
import type { RunPhase } from '@/lib/domain/run-phase';
import { ENGINE_LIMITS, isEngineSource, RUN_SOURCE_LABELS, type RunSource } from '@/lib/domain/run-source';
import { upgradeTargets } from '@/lib/domain/upgrade-targets';
import { routes } from '@/lib/routes';
import { StrategyPicker } from './strategy-picker';
import { UpgradeReportView } from './upgrade-report';

export interface RunUpgradeDialogProps {
  runId: string;
  versionId: string;
  workflow: string;
  rowVersion: number;
  phase: RunPhase;
  /** Set once the run was upgraded: it cannot be upgraded again. */
  upgradedTo?: string | null;
  source?: RunSource;
}

/** The report of a 409 `incompatible`: the upgrade was refused and nothing changed. */
const refusedReport = (error: unknown): UpgradeReport | null =>
  isApiError(error) && error.code === 'incompatible' ? ((error.details.report as UpgradeReport | undefined) ?? null) : null;

function UpgradeDialogBody({ runId, versionId, workflow, rowVersion, source = 'flowdeck', onClose }: RunUpgradeDialogProps & { onClose: () => void }) {
  const engine = isEngineSource(source);
  const targets = upgradeTargets(useVersions().data?.items ?? [], versionId, workflow, source);
  // Until the operator picks, the first target (the current version) is chosen; versions may load later.
  const [picked, setTarget] = useState<string | null | undefined>(undefined);
  const target = picked === undefined ? (targets[0]?.id ?? null) : picked;
  const [strategy, setStrategy] = useState<UpgradeStrategy>('restart');
  const preview = useRunUpgradePreview(runId, target ? { targetVersionId: target, strategy } : null);
  const upgrade = useUpgradeRun(runId, rowVersion);
  const refused = refusedReport(upgrade.error);
  const done = upgrade.data?.newRun;
  const handedOver = engine && upgrade.isSuccess;
  const report = refused ?? preview.data?.report;
  const confirm = () =>
    target && upgrade.mutate({ targetVersionId: target, strategy }, { onError: (e) => !isStaleError(e) && !refusedReport(e) && toastWriteError(e) });

  return (
    <Dialog
      open
      onClose={onClose}
      busy={upgrade.isPending}
      size="lg"
      title="Upgrade this run"
      description={`${workflow} · ${runId}`}
      data-testid="run-upgrade-dialog"
      footer={
        done || handedOver ? (
          <Button onClick={onClose}>Close</Button>
        ) : (
          <>
            <Button variant="ghost" onClick={onClose}>
              Cancel
            </Button>
            <Button onClick={confirm} disabled={!preview.data?.report.compatible || upgrade.isPending || !!refused}>
              {upgrade.isPending ? 'Upgrading…' : 'Upgrade run'}
            </Button>
          </>
        )
      }
    >
      {handedOver ? (
        <Callout tone="success" title="Restart sent to the app" data-testid="run-upgrade-handed-over">
          The {RUN_SOURCE_LABELS[source]} connector starts a new run of {workflow} with the same input on the target deployment, then cancels this one. Both
          runs are linked here once it has.
        </Callout>
      ) : done ? (
        <Callout tone="success" title="Upgraded" data-testid="run-upgraded">
          The new run{' '}
          <Link href={routes.run(done.id)} className="font-mono text-primary hover:underline" data-testid="new-run-link">
            {done.id}
          </Link>{' '}
          is queued on the target. This run stays paused until the new one starts, then it is cancelled.
        </Callout>
      ) : (
        <>
          <Field
            label="Target version"
            htmlFor="run-upgrade-target"
            hint={targets.length === 0 ? `No other live version has the workflow ${workflow}.` : undefined}
          >
            <VersionSelect
              id="run-upgrade-target"
              versions={targets}
              value={target}
              onChange={(id) => {
                setTarget(id);
                upgrade.reset();
              }}
              placeholder="Choose the target…"
            />
          </Field>
          <StrategyPicker
            name="run-upgrade-strategy"
            value={strategy}
            offered={engine ? ['restart'] : undefined}
            onChange={(s) => {
              setStrategy(s);
              upgrade.reset();
            }}
          />
          {engine && (
            <Callout tone="info" data-testid="engine-strategies-note">
              Resume and partial resume are not offered: {ENGINE_LIMITS.resume}
            </Callout>
          )}
          {preview.isFetching && !report && (
            <p role="status" className="flex items-center gap-2 text-muted-foreground">
              <LoaderCircle aria-hidden className="size-4 animate-spin" /> Checking compatibility (dry run)…
            </p>
          )}
          {preview.error && !refused && (
            <Callout tone="danger" title="Cannot be upgraded">
              {isApiError(preview.error) ? preview.error.message : 'The server could not be reached.'}
            </Callout>
          )}
          {refused && (
            <Callout tone="danger" role="alert" title="Refused: not compatible" data-testid="upgrade-refused">
              Nothing was changed.
            </Callout>
          )}
          {report && <UpgradeReportView report={report} />}
          {isStaleError(upgrade.error) && <StaleWriteNotice what="This run" onReload={() => void preview.refetch()} />}
        </>
      )}
    </Dialog>
  );
}

/**
 * The "Upgrade…" button of a run and its dialog: target and strategy, the dry-run report (input fields
 * that fail, steps changed, reused and re-run), then the upgrade (201 → link to the new run; 409
 * incompatible → the report, nothing changed). Mount it where the run's actions are.
 */
export function RunUpgradeDialog(props: RunUpgradeDialogProps) {
  const [open, setOpen] = useState(false);
  const permitted = usePermission()(RUN_ACTION_ACCESS.upgrade).allowed;
  const allowed = runActions({ phase: props.phase, upgradedTo: props.upgradedTo }).upgrade;
  if (!permitted) return null;
  return (
    <>
      <Toaster />
      <Button
        size="sm"
        variant="outline"
        onClick={() => setOpen(true)}
        disabled={!allowed}
        title={allowed ? 'Move this run to another version' : props.upgradedTo ? 'Already upgraded' : 'Only an active run can be upgraded'}
      >
        <ArrowUpCircle aria-hidden className="size-3.5" /> Upgrade…
      </Button>
      {open && <UpgradeDialogBody {...props} onClose={() => setOpen(false)} />}
    </>
  );
}
