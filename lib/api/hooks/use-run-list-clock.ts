import { useSyncExternalStore } from 'react';

interface Ticker {
  now: number;
  listeners: Set<() => void>;
  timer: ReturnType<typeof setInterval> | null;
}

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

/** One stable subscribe function per period: React resubscribes whenever the function changes. */
const subscribers = new Map<number, (listener: () => void) => () => void>();

function subscriberFor(periodMs: number): (listener: () => void) => () => void {
  let subscribe = subscribers.get(periodMs);
  if (!subscribe) {
    subscribe = (listener) => {
      const t = ticker(periodMs);
      t.listeners.add(listener);
      if (!t.timer) {
        t.timer = setInterval(() => tick(t), periodMs);
        // Catch up at once after an idle spell (asynchronously: never during React's commit).
        if (Date.now() - t.now >= periodMs) setTimeout(() => tick(t), 0);
      }
      return () => {
        t.listeners.delete(listener);
        if (t.listeners.size === 0 && t.timer) {
          clearInterval(t.timer);
          t.timer = null;
        }
      };
    };
    subscribers.set(periodMs, subscribe);
  }
  return subscribe;
}

/**
 * "Now" for relative times and live durations, ticking every `periodMs` (one shared timer per period).
 * While hydrating it is `serverNow`, the instant the server rendered, so the HTML matches.
 */
export function useRunListClock(periodMs: number, serverNow: number): number {
  return useSyncExternalStore(
    subscriberFor(periodMs),
    () => ticker(periodMs).now,
    () => serverNow,
  );
}

const noSubscription = () => () => {};
const localTimeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

/** The browser's time zone; the server's while hydrating (the server wrote its times in its own). */
export function useRunListTimeZone(serverTimeZone: string): string {
  return useSyncExternalStore(noSubscription, localTimeZone, () => serverTimeZone);
}

/** False on the server and while hydrating, true after (tests wait for it before using the keyboard). */
export function useRunListHydrated(): boolean {
  return useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
}
