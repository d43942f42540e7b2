'use client';

import { useEffect, useState } from 'react';

/**
 * The current time, ticking every `intervalMs` while `live` (a running duration, a "since" age);
 * frozen otherwise. Text built from it differs between server and browser: mark it suppressHydrationWarning.
 */
export function useNow(intervalMs: number, live = true): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!live) return;
    setNow(Date.now());
    const t = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(t);
  }, [intervalMs, live]);
  return now;
}
