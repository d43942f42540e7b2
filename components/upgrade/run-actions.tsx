'use client';

import { CircleStop, Pause, Play } from 'lucide-react';
import { useState } from 'react';
import { usePermission } from '@/components/auth/caller-context';
import { Button } from '@/components/ui/button';
import { Callout } from '@/components/ui/callout';
import { Dialog } from '@/components/ui/dialog';
import { Field, Textarea } from '@/components/ui/field';
import { Toaster, toast } from '@/components/ui/toast';
import { isStaleError, StaleWriteNotice, toastWriteError } from '@/components/versions/write-feedback';
import { RUN_ACTION_ACCESS } from '@/lib/api/action-access';
import { type RunControl, useRunActions } from '@/lib/api/hooks/use-run-actions';
import { RUN_ACTION_LABELS, runActions } from '@/lib/domain/run-actions';
import type { RunPhase } from '@/lib/domain/run-phase';
import { isEngineSource, RUN_SOURCE_LABELS, type RunSource } from '@/lib/domain/run-source';

export interface RunActionsProps {
  runId: string;
  phase: RunPhase;
  rowVersion: number;
  /** A run paused by an upgrade: resuming it abandons the upgrade. */
  upgradedTo?: string | null;
  source?: RunSource;
}

const ICONS = { pause: Pause, resume: Play, cancel: CircleStop } as const;

const WHAT: Record<RunControl, string> = {
  pause: 'Engines stop scheduling its steps until it is resumed. It stays active, so its version cannot be sunset safely meanwhile.',
  resume: 'It continues from where it stopped.',
  cancel: 'It ends as stopped and its pending steps are cancelled. This cannot be undone.',
};

function ConfirmRunAction({ action, onClose, ...run }: RunActionsProps & { action: RunControl; onClose: () => void }) {
  const mutation = useRunActions(run.runId, run.rowVersion);
  const [reason, setReason] = useState('');
  const label = RUN_ACTION_LABELS[action];
  const confirm = () =>
    mutation.mutate(
      { action, reason: reason.trim() },
      {
        onSuccess: () => {
          const viaEngine = action === 'cancel' && run.source !== undefined && isEngineSource(run.source);
          toast({
            tone: 'success',
            title: viaEngine ? 'Cancel sent to the app' : `Run ${action === 'cancel' ? 'cancelled' : action === 'pause' ? 'paused' : 'resumed'}`,
          });
          onClose();
        },
        onError: (e) => !isStaleError(e) && toastWriteError(e),
      },
    );
  return (
    <Dialog
      open
      onClose={onClose}
      busy={mutation.isPending}
      size="sm"
      title={`${label} this run?`}
      description={run.runId}
      footer={
        <>
          <Button variant="ghost" onClick={onClose}>
            Back
          </Button>
          <Button variant={action === 'cancel' ? 'destructive' : 'primary'} onClick={confirm} disabled={mutation.isPending}>
            {label} run
          </Button>
        </>
      }
    >
      <p>
        {action === 'cancel' && run.source && isEngineSource(run.source)
          ? `Flowdeck asks the ${RUN_SOURCE_LABELS[run.source]} app to cancel it, through its connector. It shows as cancelled once the app has done it.`
          : WHAT[action]}
      </p>
      {action === 'resume' && run.upgradedTo && (
        <Callout tone="warning">It was paused for an upgrade. Resuming abandons the upgrade: its queued new run is cancelled.</Callout>
      )}
      {action !== 'resume' && (
        <Field label="Reason (optional, recorded in the commit)" htmlFor={`run-${action}-reason`}>
          <Textarea id={`run-${action}-reason`} value={reason} maxLength={2000} onChange={(e) => setReason(e.target.value)} className="min-h-14" />
        </Field>
      )}
      {isStaleError(mutation.error) && <StaleWriteNotice what="This run" onReload={onClose} />}
    </Dialog>
  );
}

/**
 * Pause / Resume / Cancel buttons for the run's phase and the caller's role, each with a confirmation.
 * Mount it in the run header.
 */
export function RunActions(props: RunActionsProps) {
  const [open, setOpen] = useState<RunControl | null>(null);
  const can = usePermission();
  const allowed = runActions(props);
  const shown = (['pause', 'resume', 'cancel'] as const).filter((a) => allowed[a] && can(RUN_ACTION_ACCESS[a]).allowed);
  if (shown.length === 0) return null;
  return (
    <>
      <Toaster />
      {shown.map((a) => {
        const Icon = ICONS[a];
        return (
          <Button key={a} size="sm" variant="outline" className={a === 'cancel' ? 'text-danger hover:text-danger' : undefined} onClick={() => setOpen(a)}>
            <Icon aria-hidden className="size-3.5" /> {RUN_ACTION_LABELS[a]}
          </Button>
        );
      })}
      {open && <ConfirmRunAction {...props} action={open} onClose={() => setOpen(null)} />}
    </>
  );
}
