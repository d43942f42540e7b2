'use client';

import { RotateCw } from 'lucide-react';
import { Button } from '@/components/ui/button';
import { Callout } from '@/components/ui/callout';
import { toast } from '@/components/ui/toast';
import { isApiError } from '@/lib/api/fetch-json';
import { isStaleWrite, writeErrorText } from '@/lib/domain/write-errors';

/** True for a 409 `conflict` on the row version: someone else changed the entity first. */
export function isStaleError(error: unknown): boolean {
  return isApiError(error) && isStaleWrite(error);
}

/** A failed write as a toast (the dialog stays open for another try). */
export function toastWriteError(error: unknown): void {
  const text = isApiError(error) ? writeErrorText(error) : { title: 'Could not save', message: 'The server could not be reached.' };
  toast({ tone: 'error', title: text.title, message: text.message });
}

/** Shown in a dialog after a stale write: the latest state is being loaded; review it and confirm again. */
export function StaleWriteNotice({ what, onReload }: { what: string; onReload: () => void }) {
  return (
    <Callout
      tone="warning"
      role="alert"
      data-testid="stale-write"
      title="Changed by someone else — reload"
      action={
        <Button size="sm" variant="outline" onClick={onReload}>
          <RotateCw aria-hidden className="size-3.5" /> Reload
        </Button>
      }
    >
      {what} changed since you opened this. The latest state has been fetched: review it, then confirm again.
    </Callout>
  );
}
