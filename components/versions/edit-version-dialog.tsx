'use client';

import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Callout } from '@/components/ui/callout';
import { Dialog } from '@/components/ui/dialog';
import { Field, Input } from '@/components/ui/field';
import { toast } from '@/components/ui/toast';
import { useVersionActions, type VersionEdit } from '@/lib/api/hooks/use-version-actions';
import type { VersionDialogProps } from './version-confirm-dialogs';
import { isStaleError, StaleWriteNotice, toastWriteError } from './write-feedback';

/** Edit the mutable fields of a version: its label and the address it is served at. */
export function EditVersionDialog({ version, open, onClose, onReload }: VersionDialogProps) {
  const { update } = useVersionActions(version);
  // Edits are what the operator changed. When the version changes meanwhile (a stale write, then a
  // reload), untouched fields follow it and typed ones stay: saving again never reverts others' changes.
  const shown = { label: version.label ?? '', address: version.address ?? '' };
  const [base, setBase] = useState(shown);
  const [label, setLabel] = useState(shown.label);
  const [address, setAddress] = useState(shown.address);
  if (base.label !== shown.label || base.address !== shown.address) {
    if (label === base.label) setLabel(shown.label);
    if (address === base.address) setAddress(shown.address);
    setBase(shown);
  }
  const edit: VersionEdit = {};
  if (label.trim() !== base.label) edit.label = label.trim() || null;
  if (address.trim() !== base.address) edit.address = address.trim() || null;
  const dirty = Object.keys(edit).length > 0;
  const close = () => {
    update.reset();
    onClose();
  };
  const confirm = () =>
    update.mutate(edit, {
      onSuccess: () => {
        toast({ tone: 'success', title: 'Version saved' });
        onClose();
      },
      onError: (e) => !isStaleError(e) && toastWriteError(e),
    });
  const goesLive = version.status === 'pending' && !!edit.address;
  const goesPending = version.status === 'live' && edit.address === null;
  return (
    <Dialog
      open={open}
      onClose={close}
      busy={update.isPending}
      title="Edit version"
      description={version.id}
      footer={
        <>
          <Button variant="ghost" onClick={close}>
            Cancel
          </Button>
          <Button onClick={confirm} disabled={!dirty || update.isPending}>
            Save
          </Button>
        </>
      }
    >
      <Field label="Label" htmlFor="version-label" hint="A short name shown instead of the id, e.g. v7.">
        <Input id="version-label" value={label} maxLength={100} onChange={(e) => setLabel(e.target.value)} />
      </Field>
      <Field label="Address" htmlFor="version-address" hint="The URL this version is served at. Empty means not served (pending).">
        <Input
          id="version-address"
          type="url"
          value={address}
          maxLength={2000}
          placeholder="https://flows.example.com/v7"
          onChange={(e) => setAddress(e.target.value)}
        />
      </Field>
      {goesLive && <Callout tone="info">With an address it becomes live: it accepts runs.</Callout>}
      {goesPending && <Callout tone="warning">Without an address it goes back to pending.</Callout>}
      {isStaleError(update.error) && <StaleWriteNotice what="This version" onReload={onReload} />}
    </Dialog>
  );
}
