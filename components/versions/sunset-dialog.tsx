'use client';

import { Button } from '@/components/ui/button';
import { Callout } from '@/components/ui/callout';
import { Dialog } from '@/components/ui/dialog';
import { toast } from '@/components/ui/toast';
import { isApiError } from '@/lib/api/fetch-json';
import { useVersionActions } from '@/lib/api/hooks/use-version-actions';
import type { VersionAction } from '@/lib/domain/version-actions';
import { DrainBreakdown, type DrainCounts } from './drain-breakdown';
import type { VersionDialogProps } from './version-confirm-dialogs';
import { isStaleError, StaleWriteNotice, toastWriteError } from './write-feedback';

/** The 409 `version_has_active_runs` body: the drain report of what is still active. */
function refusal(error: unknown): DrainCounts | null {
  if (!isApiError(error) || error.code !== 'version_has_active_runs') return null;
  const d = error.details as Partial<DrainCounts>;
  return d.counts && d.samples ? (d as DrainCounts) : null;
}

/**
 * A safe sunset: retire the version now, refused while any run is active. The refusal shows what is
 * active and offers the ways forward: drain, upgrade the runs, or force with a reason.
 */
export function SunsetDialog({
  version,
  open,
  onClose,
  onReload,
  onChoose,
  canForce,
}: VersionDialogProps & { onChoose: (next: VersionAction) => void /** The signed-in role may force a sunset. */; canForce: boolean }) {
  const { sunset } = useVersionActions(version);
  const name = version.label ?? version.id;
  const refused = refusal(sunset.error);
  const close = () => {
    sunset.reset();
    onClose();
  };
  const choose = (next: VersionAction) => {
    sunset.reset();
    onChoose(next);
  };
  const confirm = () =>
    sunset.mutate(
      { mode: 'safe' },
      {
        onSuccess: () => {
          toast({ tone: 'success', title: `${name} is sunset` });
          close();
        },
        onError: (e) => !isStaleError(e) && !refusal(e) && toastWriteError(e),
      },
    );
  return (
    <Dialog
      open={open}
      onClose={close}
      busy={sunset.isPending}
      size="lg"
      title={`Sunset ${name}?`}
      data-testid="sunset-dialog"
      footer={
        refused ? (
          <>
            <Button variant="ghost" onClick={close}>
              Close
            </Button>
            {canForce && (
              <Button variant="outline" onClick={() => choose('force-sunset')}>
                Force sunset…
              </Button>
            )}
            <Button variant="outline" onClick={() => choose('upgrade-runs')}>
              Upgrade active runs…
            </Button>
            <Button onClick={() => choose('drain')}>Drain…</Button>
          </>
        ) : (
          <>
            <Button variant="ghost" onClick={close}>
              Cancel
            </Button>
            <Button onClick={confirm} disabled={sunset.isPending}>
              Sunset
            </Button>
          </>
        )
      }
    >
      {refused ? (
        <>
          <Callout
            tone="warning"
            role="alert"
            title={`Refused: ${refused.total.toLocaleString('en-US')} active ${refused.total === 1 ? 'run still depends' : 'runs still depend'} on ${name}`}
            data-testid="sunset-refused"
          >
            Nothing was changed. Sunsetting now would strand them.
          </Callout>
          <DrainBreakdown report={refused} />
          <ul className="space-y-1 text-[13px] text-muted-foreground">
            <li>
              <strong className="text-foreground">Drain</strong> — stop new runs; it becomes sunset by itself when the last one ends.
            </li>
            <li>
              <strong className="text-foreground">Upgrade active runs</strong> — move them to a newer version first (with a compatibility check).
            </li>
            <li>
              <strong className="text-foreground">Force sunset</strong> — retire it now with a written reason; the active runs are flagged as stranded
              {canForce ? '.' : ' (needs the admin role).'}
            </li>
          </ul>
        </>
      ) : (
        <p>
          <strong>{name}</strong> is retired now: no new runs can start on it. A safe sunset is refused if any run is still active — nothing gets stranded.
        </p>
      )}
      {isStaleError(sunset.error) && <StaleWriteNotice what="This version" onReload={onReload} />}
    </Dialog>
  );
}
