'use client';

import { useSyncExternalStore } from 'react';

interface Ticker {
  now: number;
  listeners: Set<() => void>;
  timer: ReturnType<typeof setInterval> | null;
}

/** One shared timer per period, however many components read the clock. */
const tickers = new Map<number, Ticker>();

function ticker(periodMs: number): Ticker {
  let t = tickers.get(periodMs);
  if (!t) {
    t = { now: Date.now(), listeners: new Set(), timer: null };
    tickers.set(periodMs, t);
  }
  return t;
}

function tick(t: Ticker): void {
  t.now = Date.now();
  for (const l of t.listeners) l();
}

type Subscribe = (listener: () => void) => () => void;

/** One stable subscribe function per period and mode: React resubscribes whenever the function changes. */
const subscribers = new Map<string, Subscribe>();

function subscriberFor(periodMs: number, live: boolean): Subscribe {
  const key = `${periodMs}|${live}`;
  let subscribe = subscribers.get(key);
  if (!subscribe) {
    subscribe = (listener) => {
      const t = ticker(periodMs);
      // Catch up at once after an idle spell (asynchronously: never during React's commit).
      const stale = Date.now() - t.now >= periodMs;
      if (!live) {
        // Frozen: read once, at mount.
        const catchUp = stale
          ? setTimeout(() => {
              tick(t);
              listener();
            }, 0)
          : null;
        return () => {
          if (catchUp) clearTimeout(catchUp);
        };
      }
      t.listeners.add(listener);
      if (!t.timer) {
        t.timer = setInterval(() => tick(t), periodMs);
        if (stale) setTimeout(() => tick(t), 0);
      }
      return () => {
        t.listeners.delete(listener);
        if (t.listeners.size === 0 && t.timer) {
          clearInterval(t.timer);
          t.timer = null;
        }
      };
    };
    subscribers.set(key, subscribe);
  }
  return subscribe;
}

export interface NowOptions {
  /** Tick while true (a running duration, a lease counting down); frozen at mount otherwise. Default true. */
  live?: boolean;
  /** The instant the server rendered, so hydration matches its HTML; without it, text built from "now" needs suppressHydrationWarning. */
  serverNow?: number;
}

/**
 * The one clock of the UI: "now" for relative times and live durations, ticking every `periodMs`.
 * Every component asking for the same period shares one timer and reads the same instant.
 */
export function useNow(periodMs: number, { live = true, serverNow }: NowOptions = {}): number {
  return useSyncExternalStore(
    subscriberFor(periodMs, live),
    () => ticker(periodMs).now,
    // On the server, the time of this render; while hydrating, the server's instant or this page load's.
    () => serverNow ?? (typeof window === 'undefined' ? Date.now() : ticker(periodMs).now),
  );
}
