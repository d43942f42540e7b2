'use client';

import { createContext, type ReactNode, useContext, useMemo } from 'react';
import { useTimeZone } from '@/components/ui/use-hydrated';
import { useNow } from '@/components/ui/use-now';

interface RunClock {
  now: number;
  timeZone: string;
}

const RunClockContext = createContext<RunClock>({ now: 0, timeZone: 'UTC' });

export interface RunClockProviderProps {
  /** When the server rendered the page, and in which time zone (hydration uses both). */
  serverNow: number;
  serverTimeZone: string;
  /** Tick every second (live durations) instead of every 15 s (ages only). */
  fast: boolean;
  children: ReactNode;
}

/** One clock for every time on the run list; only the cells that read it re-render on a tick. */
export function RunClockProvider({ serverNow, serverTimeZone, fast, children }: RunClockProviderProps) {
  const now = useNow(fast ? 1_000 : 15_000, { serverNow });
  const timeZone = useTimeZone(serverTimeZone);
  const value = useMemo(() => ({ now, timeZone }), [now, timeZone]);
  return <RunClockContext value={value}>{children}</RunClockContext>;
}

export function useRunClock(): RunClock {
  return useContext(RunClockContext);
}
