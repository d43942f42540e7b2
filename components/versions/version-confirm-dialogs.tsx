'use client';

import { useRouter } from 'next/navigation';
import { Button } from '@/components/ui/button';
import { Callout } from '@/components/ui/callout';
import { Dialog } from '@/components/ui/dialog';
import { toast } from '@/components/ui/toast';
import type { VersionDetail } from '@/lib/api/hooks/use-version';
import { useVersionActions } from '@/lib/api/hooks/use-version-actions';
import { useVersionDrain } from '@/lib/api/hooks/use-version-drain';
import type { VersionListItem } from '@/lib/api/hooks/use-versions';
import { routes } from '@/lib/routes';
import { DrainBreakdown } from './drain-breakdown';
import { isStaleError, StaleWriteNotice, toastWriteError } from './write-feedback';

export interface VersionDialogProps {
  version: VersionDetail;
  open: boolean;
  onClose: () => void;
  onReload: () => void;
}

const name = (v: { label: string | null; id: string }) => v.label ?? v.id;

/** Make a live (or draining: roll back to it) version the one new runs start on. */
export function SetCurrentDialog({ version, open, onClose, onReload, current }: VersionDialogProps & { current: VersionListItem | undefined }) {
  const { setCurrent } = useVersionActions(version);
  const confirm = () =>
    setCurrent.mutate(undefined, {
      onSuccess: () => {
        toast({ tone: 'success', title: `${name(version)} is now current` });
        onClose();
      },
      onError: (e) => !isStaleError(e) && toastWriteError(e),
    });
  return (
    <Dialog
      open={open}
      onClose={onClose}
      busy={setCurrent.isPending}
      title={`Make ${name(version)} current?`}
      footer={
        <>
          <Button variant="ghost" onClick={onClose}>
            Cancel
          </Button>
          <Button onClick={confirm} disabled={setCurrent.isPending}>
            Make current
          </Button>
        </>
      }
    >
      <p>
        New runs will start on <strong>{name(version)}</strong>
        {current && current.id !== version.id && (
          <>
            {' '}
            instead of <strong>{name(current)}</strong>
          </>
        )}
        . Runs that already started stay on their version.
      </p>
      {version.status === 'draining' && <Callout tone="info">It is draining: this stops the drain and makes it live again (a rollback).</Callout>}
      {isStaleError(setCurrent.error) && <StaleWriteNotice what="This version" onReload={onReload} />}
    </Dialog>
  );
}

/** Stop new runs on a version; it turns sunset by itself when the last active run ends. */
export function DrainDialog({ version, open, onClose, onReload }: VersionDialogProps) {
  const { sunset } = useVersionActions(version);
  const drain = useVersionDrain(version.id, open).data;
  const confirm = () =>
    sunset.mutate(
      { mode: 'drain' },
      {
        onSuccess: (v) => {
          toast({ tone: 'success', title: v.status === 'sunset' ? `${name(version)} is sunset` : `${name(version)} is draining` });
          onClose();
        },
        onError: (e) => !isStaleError(e) && toastWriteError(e),
      },
    );
  return (
    <Dialog
      open={open}
      onClose={onClose}
      busy={sunset.isPending}
      size="lg"
      title={`Drain ${name(version)}?`}
      footer={
        <>
          <Button variant="ghost" onClick={onClose}>
            Cancel
          </Button>
          <Button onClick={confirm} disabled={sunset.isPending}>
            Drain
          </Button>
        </>
      }
    >
      {version.activeRuns > 0 ? (
        <p>
          No new runs can start on <strong>{name(version)}</strong>. Its <strong>{version.activeRuns.toLocaleString('en-US')}</strong> active{' '}
          {version.activeRuns === 1 ? 'run continues' : 'runs continue'}, and the version becomes sunset by itself when the last one ends
          {drain?.latestWake ? ' — at the earliest once the last sleeping run has woken (latest wake below).' : '.'}
        </p>
      ) : (
        <p>It has no active runs, so it becomes sunset right away. No new runs can start on it.</p>
      )}
      {drain && drain.total > 0 && <DrainBreakdown report={drain} compact />}
      {isStaleError(sunset.error) && <StaleWriteNotice what="This version" onReload={onReload} />}
    </Dialog>
  );
}

/** Delete a version without runs (gone), or a sunset one (hidden; its runs keep their history). */
export function DeleteDialog({ version, open, onClose, onReload }: VersionDialogProps) {
  const router = useRouter();
  const { remove } = useVersionActions(version);
  const confirm = () =>
    remove.mutate(undefined, {
      onSuccess: () => {
        toast({ tone: 'success', title: `${name(version)} deleted` });
        onClose();
        router.push(routes.versions());
      },
      onError: (e) => !isStaleError(e) && toastWriteError(e),
    });
  return (
    <Dialog
      open={open}
      onClose={onClose}
      busy={remove.isPending}
      size="sm"
      title={`Delete ${name(version)}?`}
      footer={
        <>
          <Button variant="ghost" onClick={onClose}>
            Cancel
          </Button>
          <Button variant="destructive" onClick={confirm} disabled={remove.isPending}>
            Delete
          </Button>
        </>
      }
    >
      {version.totalRuns === 0 ? (
        <p>It has no runs, so it is removed from the registry for good. The commit log keeps the record of it.</p>
      ) : (
        <p>
          It is hidden from the registry. Its {version.totalRuns.toLocaleString('en-US')} {version.totalRuns === 1 ? 'run keeps' : 'runs keep'} their history
          and stay readable.
        </p>
      )}
      {isStaleError(remove.error) && <StaleWriteNotice what="This version" onReload={onReload} />}
    </Dialog>
  );
}
