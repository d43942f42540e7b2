import type { Waiting } from './run-machine';
import { isActive, type RunPhase } from './run-phase';

/** How an active run holds a version: what sunset must not strand. */
export const DRAIN_STATES = ['running', 'queued', 'paused', 'sleeping', 'hook'] as const;
export type DrainState = (typeof DRAIN_STATES)[number];

export const DRAIN_STATE_LABELS: Record<DrainState, string> = {
  running: 'Running',
  queued: 'Queued',
  paused: 'Paused',
  sleeping: 'Sleeping',
  hook: 'Waiting on a hook',
};

/** A waiting run counts by what it waits for, whatever its phase; others by phase. */
export function drainState(phase: RunPhase, waiting: Waiting | null): DrainState | null {
  if (!isActive(phase)) return null;
  if (waiting?.kind === 'sleep') return 'sleeping';
  if (waiting?.kind === 'hook') return 'hook';
  return phase;
}

export interface DrainReport {
  versionId: string;
  total: number;
  counts: Record<DrainState, number>;
  /** Up to `sampleSize` run ids for each state, newest first. */
  samples: Record<DrainState, string[]>;
  earliestWake: string | null;
  latestWake: string | null;
  oldestHookSince: string | null;
}

/** Breaks down a version's active runs (newest first) into the drain report. */
export function drainReport(versionId: string, active: readonly { id: string; phase: RunPhase; waiting: Waiting | null }[], sampleSize = 10): DrainReport {
  const counts = Object.fromEntries(DRAIN_STATES.map((s) => [s, 0])) as Record<DrainState, number>;
  const samples = Object.fromEntries(DRAIN_STATES.map((s) => [s, [] as string[]])) as Record<DrainState, string[]>;
  let earliestWake: string | null = null;
  let latestWake: string | null = null;
  let oldestHookSince: string | null = null;
  for (const run of active) {
    const state = drainState(run.phase, run.waiting);
    if (!state) continue;
    counts[state]++;
    if (samples[state].length < sampleSize) samples[state].push(run.id);
    if (run.waiting?.kind === 'sleep') {
      if (!earliestWake || run.waiting.until < earliestWake) earliestWake = run.waiting.until;
      if (!latestWake || run.waiting.until > latestWake) latestWake = run.waiting.until;
    }
    if (run.waiting?.kind === 'hook' && (!oldestHookSince || run.waiting.since < oldestHookSince)) oldestHookSince = run.waiting.since;
  }
  const total = DRAIN_STATES.reduce((sum, s) => sum + counts[s], 0);
  return { versionId, total, counts, samples, earliestWake, latestWake, oldestHookSince };
}
