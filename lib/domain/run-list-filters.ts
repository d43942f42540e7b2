import { RUN_PHASES, RUN_RESULTS, type RunPhase, type RunResult } from './run-phase';
import type { RunSource } from './run-source';

/**
 * The run list's filter set, structurally the `RunFilters` of lib/contract/schemas (the URL search params of
 * `/runs` and the query params of the list and counts API). Pure helpers to edit and compare them.
 */
export interface RunListFilters {
  phase?: RunPhase[];
  result?: RunResult[];
  workflow?: string;
  version?: string;
  group?: string;
  q?: string;
  from?: string;
  to?: string;
  source?: RunSource;
}

/** URL order of the filter keys: a filter set always serializes the same way. */
export const RUN_FILTER_KEYS = ['phase', 'result', 'workflow', 'version', 'group', 'q', 'from', 'to', 'source'] as const;
export type RunFilterKey = (typeof RUN_FILTER_KEYS)[number];

/** Rows per page of the run list, on the server's first paint and in every client fetch. */
export const RUN_PAGE_SIZE = 50;

const ordered = <T extends string>(all: readonly T[], picked: readonly T[]): T[] => all.filter((v) => picked.includes(v));

/**
 * The canonical form of a filter set: keys in URL order, no empty values, phases and results deduplicated
 * in their enum order, no trailing slash on the group prefix. Equal filter sets give equal query keys.
 */
export function normalizeRunFilters<F extends RunListFilters>(f: F): F {
  const out: RunListFilters = {};
  for (const key of RUN_FILTER_KEYS) {
    if (key === 'phase') {
      const phase = ordered(RUN_PHASES, f.phase ?? []);
      if (phase.length) out.phase = phase;
    } else if (key === 'result') {
      const result = ordered(RUN_RESULTS, f.result ?? []);
      if (result.length) out.result = result;
    } else if (key === 'source') {
      if (f.source) out.source = f.source;
    } else {
      const value = key === 'group' ? f.group?.replace(/\/+$/, '') : f[key]?.trim();
      if (value) out[key] = value;
    }
  }
  return out as F;
}

/** The filter set with some filters replaced (`undefined` or `''` clears one). */
export function withFilters<F extends RunListFilters>(f: F, patch: Partial<RunListFilters>): F {
  return normalizeRunFilters({ ...f, ...patch } as F);
}

/** Adds the phase to the phase filter, or removes it when present. */
export function togglePhase<F extends RunListFilters>(f: F, phase: RunPhase): F {
  const current = f.phase ?? [];
  return withFilters(f, { phase: current.includes(phase) ? current.filter((p) => p !== phase) : [...current, phase] });
}

/** Adds or removes a result in the result filter. */
export function toggleResult<F extends RunListFilters>(f: F, result: RunResult): F {
  const current = f.result ?? [];
  return withFilters(f, { result: current.includes(result) ? current.filter((r) => r !== result) : [...current, result] });
}

/** The filters counts by phase depend on: every filter but the phase (the counts API ignores it). */
export function countFilters<F extends RunListFilters>(f: F): F {
  return withFilters(f, { phase: undefined });
}

/** How many filters are set (a multi-valued filter counts once). */
export function activeFilterCount(f: RunListFilters): number {
  return Object.keys(normalizeRunFilters(f)).length;
}

export function hasActiveFilters(f: RunListFilters): boolean {
  return activeFilterCount(f) > 0;
}

/** Whether two filter sets select the same runs. */
export function sameRunFilters(a: RunListFilters, b: RunListFilters): boolean {
  return JSON.stringify(normalizeRunFilters(a)) === JSON.stringify(normalizeRunFilters(b));
}
