'use client';

import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Callout } from '@/components/ui/callout';
import { Dialog } from '@/components/ui/dialog';
import { Field, Textarea } from '@/components/ui/field';
import { toast } from '@/components/ui/toast';
import { useVersionActions } from '@/lib/api/hooks/use-version-actions';
import type { VersionDialogProps } from './version-confirm-dialogs';
import { isStaleError, StaleWriteNotice, toastWriteError } from './write-feedback';

/** Retire a version at once although runs are active: a written reason is required and recorded. */
export function ForceSunsetDialog({ version, open, onClose, onReload }: VersionDialogProps) {
  const { sunset } = useVersionActions(version);
  const [reason, setReason] = useState('');
  const name = version.label ?? version.id;
  const n = version.activeRuns;
  const close = () => {
    setReason('');
    sunset.reset();
    onClose();
  };
  const confirm = () =>
    sunset.mutate(
      { mode: 'force', reason: reason.trim() },
      {
        onSuccess: () => {
          toast({
            tone: 'success',
            title: `${name} is sunset (forced)`,
            message: n > 0 ? `${n.toLocaleString('en-US')} runs flagged as stranded.` : undefined,
          });
          close();
        },
        onError: (e) => !isStaleError(e) && toastWriteError(e),
      },
    );
  return (
    <Dialog
      open={open}
      onClose={close}
      busy={sunset.isPending}
      title={`Force sunset ${name}?`}
      data-testid="force-sunset-dialog"
      footer={
        <>
          <Button variant="ghost" onClick={close}>
            Cancel
          </Button>
          <Button variant="destructive" onClick={confirm} disabled={sunset.isPending || !reason.trim()}>
            Force sunset
          </Button>
        </>
      }
    >
      <Callout tone="danger" title={`${n.toLocaleString('en-US')} active ${n === 1 ? 'run' : 'runs'} will be stranded`}>
        They stay on a retired version and are flagged as stranded: nothing will upgrade them, and they may never finish. Prefer draining or upgrading them
        first.
      </Callout>
      <Field label="Reason (required, recorded in the commit)" htmlFor="force-sunset-reason">
        <Textarea
          id="force-sunset-reason"
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          maxLength={2000}
          placeholder="e.g. CVE-2026-1234 in the runtime: every run on this version must stop"
        />
      </Field>
      {isStaleError(sunset.error) && <StaleWriteNotice what="This version" onReload={onReload} />}
    </Dialog>
  );
}
