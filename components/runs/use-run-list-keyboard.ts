import { useEffect, useRef } from 'react';

export interface RunListKeys {
  /** j / ArrowDown: +1; k / ArrowUp: -1. */
  onMove(delta: 1 | -1): void;
  /** Enter: open the highlighted run; false when nothing is highlighted. */
  onOpen(): boolean;
  /** `/`: focus the search box. */
  onSearch(): void;
}

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

function isControl(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && target.closest('a, button, summary, [role="button"], [role="menuitem"]') !== null;
}

/** The run list's keys, on the window; they stay out of the way of text fields and focused controls. */
export function useRunListKeyboard(keys: RunListKeys): void {
  const ref = useRef(keys);
  useEffect(() => {
    ref.current = keys;
  });

  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.metaKey || e.ctrlKey || e.altKey || isTyping(e.target)) return;
      switch (e.key) {
        case 'j':
        case 'ArrowDown':
          e.preventDefault();
          ref.current.onMove(1);
          break;
        case 'k':
        case 'ArrowUp':
          e.preventDefault();
          ref.current.onMove(-1);
          break;
        case 'Enter':
          if (!isControl(e.target) && ref.current.onOpen()) e.preventDefault();
          break;
        case '/':
          e.preventDefault();
          ref.current.onSearch();
          break;
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
