'use client';

import { CircleAlert, CircleCheck, Info, X } from 'lucide-react';
import { useEffect, useState, useSyncExternalStore } from 'react';
import { cn } from '@/lib/utils/cn';

export type ToastTone = 'error' | 'success' | 'info';

export interface ToastInput {
  tone?: ToastTone;
  title: string;
  message?: string;
}

interface ToastItem extends Required<Pick<ToastInput, 'tone' | 'title'>> {
  id: number;
  message?: string;
}

const DURATION: Record<ToastTone, number> = { error: 8_000, success: 4_000, info: 5_000 };
const MAX = 4;

let items: ToastItem[] = [];
let nextId = 1;
const listeners = new Set<() => void>();
const emit = () => {
  for (const l of listeners) l();
};
const subscribe = (l: () => void) => {
  listeners.add(l);
  return () => listeners.delete(l);
};

export function dismissToast(id: number): void {
  items = items.filter((t) => t.id !== id);
  emit();
}

/** Shows a short message in the corner (a failed write, a finished action). Callable from anywhere on the client. */
export function toast({ tone = 'info', title, message }: ToastInput): number {
  const id = nextId++;
  items = [...items, { id, tone, title, message }].slice(-MAX);
  emit();
  setTimeout(() => dismissToast(id), DURATION[tone]);
  return id;
}

/** Which mounted <Toaster> renders: the first one. Several features may mount one; toasts show once. */
const hosts: symbol[] = [];

const ICONS = { error: CircleAlert, success: CircleCheck, info: Info } as const;
const TONES: Record<ToastTone, string> = {
  error: 'border-danger/30 [&_svg.tone]:text-danger',
  success: 'border-success/30 [&_svg.tone]:text-success',
  info: 'border-border [&_svg.tone]:text-info',
};

/** The live region the toasts appear in (bottom right). Mount it once per feature view; only one renders. */
export function Toaster() {
  const [me] = useState(() => Symbol('toaster'));
  useEffect(() => {
    hosts.push(me);
    emit();
    return () => {
      hosts.splice(hosts.indexOf(me), 1);
      emit();
    };
  }, [me]);
  const isHost = useSyncExternalStore(
    subscribe,
    () => hosts[0] === me,
    () => false,
  );
  const list = useSyncExternalStore(
    subscribe,
    () => items,
    () => items,
  );
  if (!isHost) return null;
  return (
    <div aria-live="polite" className="pointer-events-none fixed right-4 bottom-4 z-[60] flex w-[min(24rem,calc(100vw-2rem))] flex-col gap-2">
      {list.map((t) => {
        const Icon = ICONS[t.tone];
        return (
          <div
            key={t.id}
            role={t.tone === 'error' ? 'alert' : 'status'}
            data-testid="toast"
            data-tone={t.tone}
            className={cn('pointer-events-auto flex items-start gap-2.5 rounded-lg border bg-card px-3.5 py-3 text-sm shadow-lg', TONES[t.tone])}
          >
            <Icon aria-hidden className="tone mt-0.5 size-4 shrink-0" />
            <div className="min-w-0 flex-1">
              <p className="font-medium">{t.title}</p>
              {t.message && <p className="mt-0.5 break-words text-muted-foreground">{t.message}</p>}
            </div>
            <button
              type="button"
              aria-label="Dismiss"
              onClick={() => dismissToast(t.id)}
              className="cursor-pointer rounded text-muted-foreground hover:text-foreground"
            >
              <X aria-hidden className="size-4" />
            </button>
          </div>
        );
      })}
    </div>
  );
}
