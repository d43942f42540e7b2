'use client';

import { useRouter } from 'next/navigation';
import { useEffect } from 'react';
import { NAV_ITEMS } from './nav-items';

const SEQUENCE_MS = 1_200;

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/** `g` then a letter jumps to a section (`g r` Runs, `g v` Versions, `g c` Commits). Renders nothing. */
export function KeyboardShortcuts() {
  const router = useRouter();

  useEffect(() => {
    let armedAt = 0;
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.metaKey || e.ctrlKey || e.altKey || isTyping(e.target)) return;
      const key = e.key.toLowerCase();
      if (armedAt && Date.now() - armedAt < SEQUENCE_MS) {
        armedAt = 0;
        const item = NAV_ITEMS.find((i) => i.shortcut === key);
        if (item) {
          e.preventDefault();
          router.push(item.href);
        }
        return;
      }
      armedAt = key === 'g' ? Date.now() : 0;
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [router]);

  return null;
}
