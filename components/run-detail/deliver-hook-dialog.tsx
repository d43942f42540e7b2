'use client';

import { Webhook } from 'lucide-react';
import { useState } from 'react';
import { usePermission } from '@/components/auth/caller-context';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { Field, Textarea } from '@/components/ui/field';
import { toast } from '@/components/ui/toast';
import { toastWriteError } from '@/components/versions/write-feedback';
import { RUN_ACTION_ACCESS } from '@/lib/api/action-access';
import { useDeliverHook } from '@/lib/api/hooks/use-deliver-hook';
import { isEngineSource, RUN_SOURCE_LABELS, type RunSource } from '@/lib/domain/run-source';

/** The payload text as JSON: empty is no payload; anything else must parse. */
function parsePayload(text: string): { ok: true; value: unknown } | { ok: false; error: string } {
  if (!text.trim()) return { ok: true, value: undefined };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (err) {
    return { ok: false, error: `Not valid JSON: ${(err as Error).message}` };
  }
}

/** "Deliver hook…": approve the hook a run waits on, with an optional JSON payload. */
export function DeliverHookButton({ runId, token, source }: { runId: string; token: string; source: RunSource }) {
  const [open, setOpen] = useState(false);
  const [text, setText] = useState('{ "approved": true }');
  const deliver = useDeliverHook(runId);
  const permitted = usePermission()(RUN_ACTION_ACCESS.hook).allowed;
  if (!permitted) return null;
  const parsed = parsePayload(text);
  const engine = isEngineSource(source);
  const send = () => {
    if (!parsed.ok) return;
    deliver.mutate(
      { token, payload: parsed.value },
      {
        onSuccess: (r) => {
          toast(
            r.actionId
              ? { tone: 'success', title: 'Hook sent to the app', message: `The ${RUN_SOURCE_LABELS[source]} connector delivers it; the run resumes there.` }
              : { tone: 'success', title: 'Hook delivered', message: 'The run resumes.' },
          );
          setOpen(false);
        },
        onError: toastWriteError,
      },
    );
  };
  return (
    <>
      <Button size="sm" variant="outline" onClick={() => setOpen(true)} data-testid="deliver-hook">
        <Webhook aria-hidden className="size-3.5" /> Deliver hook…
      </Button>
      {open && (
        <Dialog
          open
          onClose={() => setOpen(false)}
          busy={deliver.isPending}
          size="sm"
          title="Deliver the hook"
          description={token}
          footer={
            <>
              <Button variant="ghost" onClick={() => setOpen(false)}>
                Back
              </Button>
              <Button onClick={send} disabled={!parsed.ok || deliver.isPending} data-testid="deliver-hook-confirm">
                {deliver.isPending ? 'Delivering…' : 'Deliver'}
              </Button>
            </>
          }
        >
          <p>
            {engine
              ? `Flowdeck hands the delivery to the ${RUN_SOURCE_LABELS[source]} connector, which resumes the hook through the SDK; the run continues in the app.`
              : 'The step waiting on this hook succeeds with the payload as its output, and the run continues.'}
          </p>
          <Field label="Payload (JSON, optional)" htmlFor="hook-payload" error={parsed.ok ? undefined : parsed.error}>
            <Textarea
              id="hook-payload"
              value={text}
              onChange={(e) => setText(e.target.value)}
              aria-invalid={!parsed.ok}
              className="min-h-24 font-mono text-[12px]"
            />
          </Field>
        </Dialog>
      )}
    </>
  );
}
