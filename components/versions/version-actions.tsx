'use client';

import { useQueryClient } from '@tanstack/react-query';
import { ArrowUpCircle, Ban, CircleStop, Pencil, Star, Sunset, Trash2 } from 'lucide-react';
import { useState } from 'react';
import { usePermission } from '@/components/auth/caller-context';
import { RoleNote } from '@/components/auth/role-note';
import { Button } from '@/components/ui/button';
import { BulkUpgradeDialog } from '@/components/upgrade/bulk-upgrade-dialog';
import { VERSION_ACTION_ACCESS } from '@/lib/api/action-access';
import type { VersionDetail } from '@/lib/api/hooks/use-version';
import { useVersions } from '@/lib/api/hooks/use-versions';
import { versionKeys } from '@/lib/api/query-keys';
import { VERSION_ACTION_LABELS, VERSION_ACTIONS, type VersionAction, versionActions } from '@/lib/domain/version-actions';
import { EditVersionDialog } from './edit-version-dialog';
import { ForceSunsetDialog } from './force-sunset-dialog';
import { SunsetDialog } from './sunset-dialog';
import { DeleteDialog, DrainDialog, SetCurrentDialog } from './version-confirm-dialogs';

/**
 * The buttons of the actions a version's state and the signed-in role allow, each opening a dialog that says what will
 * happen before anything changes. Only the open dialog is mounted (it starts from the version as shown).
 */
export function VersionActions({ version, onShowDrain }: { version: VersionDetail; onShowDrain: () => void }) {
  const [open, setOpen] = useState<VersionAction | null>(null);
  const qc = useQueryClient();
  const versions = useVersions().data?.items ?? [];
  const can = usePermission();
  const byState = versionActions(version);
  // Offered: what the version's state allows (Edit always) and the signed-in role may do.
  const allowed = Object.fromEntries(
    VERSION_ACTIONS.map((a) => [a, { ...byState[a], allowed: byState[a].allowed && can(VERSION_ACTION_ACCESS[a]).allowed }]),
  ) as typeof byState;
  const permitted = (a: VersionAction) => can(VERSION_ACTION_ACCESS[a]).allowed;
  const hidden = VERSION_ACTIONS.filter((a) => (a === 'edit' || byState[a].allowed) && !permitted(a)).map((a) => ({
    label: VERSION_ACTION_LABELS[a],
    permission: can(VERSION_ACTION_ACCESS[a]),
  }));
  const close = () => setOpen(null);
  const reload = () => void qc.invalidateQueries({ queryKey: versionKeys.detail(version.id) });
  const props = { version, open: true, onClose: close, onReload: reload };
  const button = (action: VersionAction) => ({ onClick: () => setOpen(action), title: allowed[action].reason ?? undefined });

  return (
    <>
      {allowed['upgrade-runs'].allowed && (
        <Button size="sm" {...button('upgrade-runs')}>
          <ArrowUpCircle aria-hidden className="size-3.5" /> Upgrade active runs
        </Button>
      )}
      {allowed['set-current'].allowed && (
        <Button size="sm" variant="outline" {...button('set-current')}>
          <Star aria-hidden className="size-3.5" /> Set current
        </Button>
      )}
      {allowed.drain.allowed && (
        <Button size="sm" variant="outline" {...button('drain')}>
          <CircleStop aria-hidden className="size-3.5" /> Drain
        </Button>
      )}
      {allowed.sunset.allowed && (
        <Button size="sm" variant="outline" {...button('sunset')}>
          <Sunset aria-hidden className="size-3.5" /> Sunset
        </Button>
      )}
      {allowed['force-sunset'].allowed && (
        <Button size="sm" variant="outline" className="text-danger hover:text-danger" {...button('force-sunset')}>
          <Ban aria-hidden className="size-3.5" /> Force sunset
        </Button>
      )}
      {allowed.edit.allowed && (
        <Button size="icon-sm" variant="outline" aria-label="Edit version" {...button('edit')}>
          <Pencil aria-hidden className="size-3.5" />
        </Button>
      )}
      {allowed.delete.allowed && (
        <Button size="icon-sm" variant="outline" aria-label="Delete version" className="text-danger hover:text-danger" {...button('delete')}>
          <Trash2 aria-hidden className="size-3.5" />
        </Button>
      )}
      <RoleNote hidden={hidden} anyShown={VERSION_ACTIONS.some((a) => allowed[a].allowed)} />

      {open === 'set-current' && <SetCurrentDialog {...props} current={versions.find((v) => v.isCurrent)} />}
      {open === 'drain' && <DrainDialog {...props} />}
      {open === 'sunset' && <SunsetDialog {...props} onChoose={setOpen} canForce={permitted('force-sunset')} />}
      {open === 'force-sunset' && <ForceSunsetDialog {...props} />}
      {open === 'edit' && <EditVersionDialog {...props} />}
      {open === 'delete' && <DeleteDialog {...props} />}
      {open === 'upgrade-runs' && <BulkUpgradeDialog version={version} versions={versions} onClose={close} onFinished={onShowDrain} />}
    </>
  );
}
