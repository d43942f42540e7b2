'use client';

import { X } from 'lucide-react';
import { type ReactNode, useEffect, useId, useRef } from 'react';
import { cn } from '@/lib/utils/cn';

export interface DialogProps {
  open: boolean;
  /** Escape, the close button and a click on the backdrop call this. */
  onClose: () => void;
  title: ReactNode;
  description?: ReactNode;
  children?: ReactNode;
  /** Buttons, right-aligned under the body. */
  footer?: ReactNode;
  size?: 'sm' | 'md' | 'lg';
  /** While a request is in flight the dialog cannot be dismissed. */
  busy?: boolean;
  className?: string;
  'data-testid'?: string;
}

const WIDTHS = { sm: 'max-w-md', md: 'max-w-xl', lg: 'max-w-3xl' } as const;

/**
 * A modal on the native `<dialog>` (top layer, focus kept inside, Escape closes, inert page behind),
 * named by its title for assistive technology and tests (`getByRole('dialog', { name })`).
 */
export function Dialog({ open, onClose, title, description, children, footer, size = 'md', busy = false, className, ...rest }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const descId = useId();
  const openRef = useRef(open);

  useEffect(() => {
    openRef.current = open;
    const el = ref.current;
    if (!el) return;
    if (open && !el.open) el.showModal();
    if (!open && el.open) el.close();
  }, [open]);

  return (
    // biome-ignore lint/a11y/useKeyWithClickEvents: the click closes on the backdrop only, a pointer convenience; Escape (onCancel) and the close button are the keyboard path
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      aria-describedby={description ? descId : undefined}
      data-testid={rest['data-testid']}
      onCancel={(e) => {
        e.preventDefault();
        if (!busy) onClose();
      }}
      onClose={() => {
        // The browser closed it by itself (a repeated Escape): tell the owner, who still thinks it is open.
        if (openRef.current) onClose();
      }}
      onClick={(e) => {
        if (e.target === e.currentTarget && !busy) onClose();
      }}
      className={cn(
        'm-auto max-h-[min(90dvh,56rem)] w-[calc(100vw-2rem)] overflow-hidden rounded-xl border bg-card p-0 text-card-foreground shadow-2xl',
        'backdrop:bg-black/45 backdrop:backdrop-blur-[2px] open:flex open:flex-col',
        WIDTHS[size],
        className,
      )}
    >
      {open && (
        <>
          <div className="flex items-start gap-3 border-b px-5 pt-4 pb-3">
            <div className="min-w-0 flex-1">
              <h2 id={titleId} className="text-base leading-tight font-semibold tracking-tight">
                {title}
              </h2>
              {description && (
                <p id={descId} className="mt-1 text-sm text-muted-foreground">
                  {description}
                </p>
              )}
            </div>
            <button
              type="button"
              onClick={onClose}
              disabled={busy}
              aria-label="Close dialog"
              className="-mr-1.5 inline-flex size-7 shrink-0 cursor-pointer items-center justify-center rounded-md text-muted-foreground hover:bg-accent hover:text-foreground disabled:opacity-50"
            >
              <X aria-hidden className="size-4" />
            </button>
          </div>
          <div className="min-h-0 flex-1 space-y-4 overflow-y-auto px-5 py-4 text-sm">{children}</div>
          {footer && <div className="flex flex-wrap items-center justify-end gap-2 border-t bg-muted/30 px-5 py-3">{footer}</div>}
        </>
      )}
    </dialog>
  );
}
