'use client';

import { useSyncExternalStore } from 'react';

const noSubscription = () => () => {};

/**
 * False while rendering on the server and hydrating, true after: what only the browser knows (the
 * viewer's time zone, the stored theme) is used from then on.
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
}

const localTimeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

/** The browser's time zone; `serverTimeZone` while hydrating (the server wrote its times in it). */
export function useTimeZone(serverTimeZone: string): string {
  return useSyncExternalStore(noSubscription, localTimeZone, () => serverTimeZone);
}
