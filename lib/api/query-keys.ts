/**
 * Every react-query key of the app. Keys are hierarchical so one invalidation reaches a family:
 * `runKeys.all` ⊃ `runKeys.lists()` ⊃ `runKeys.list(filters)`; `runKeys.detail(id)` ⊃ its nodes/events.
 * Filters are the parsed filter objects (`z.infer` of the list schemas), kept as the last key element.
 */
import type { RunFilters } from '@/lib/contract/schemas';

export const runKeys = {
  all: ['runs'] as const,
  lists: () => [...runKeys.all, 'list'] as const,
  list: (filters: RunFilters) => [...runKeys.lists(), filters] as const,
  counts: () => [...runKeys.all, 'counts'] as const,
  /** Counts by phase under every filter but the phase (`countFilters`). */
  count: (filters: RunFilters) => [...runKeys.counts(), filters] as const,
  /** The polled first page of a list, kept apart from the infinite list it refreshes. */
  listHead: (filters: RunFilters) => [...runKeys.lists(), 'head', filters] as const,
  /** Workflow and version choices of the run filters. */
  facets: () => [...runKeys.all, 'facets'] as const,
  details: () => [...runKeys.all, 'detail'] as const,
  detail: (id: string) => [...runKeys.details(), id] as const,
  nodes: (id: string) => [...runKeys.detail(id), 'nodes'] as const,
  /** One node with its payloads, as of `revision` (its status, attempt and timing: a new one refetches). */
  node: (id: string, nodeId: string, revision: string) => [...runKeys.nodes(id), nodeId, revision] as const,
  events: (id: string) => [...runKeys.detail(id), 'events'] as const,
  /** One filtered event log (type and node filters), paged with `useInfiniteQuery`. */
  eventList: <F extends object>(id: string, filters: F) => [...runKeys.events(id), 'list', filters] as const,
  /** Every sleep and hook event of a run, for the timeline's waiting segments. */
  waitEvents: (id: string) => [...runKeys.events(id), 'waits'] as const,
  /** A node's logs: `logHead` is the first page with every attempt's counts, as of the node's `revision`. */
  logs: (id: string, nodeId: string) => [...runKeys.nodes(id), nodeId, 'logs'] as const,
  logHead: (id: string, nodeId: string, attempt: number | null, revision: string) => [...runKeys.logs(id, nodeId), 'head', attempt, revision] as const,
  /** One page of an attempt's lines from `cursor` (the last line number before it). */
  logPage: (id: string, nodeId: string, attempt: number, cursor: number, limit: number) =>
    [...runKeys.logs(id, nodeId), 'page', attempt, cursor, limit] as const,
  upgradePreview: <I extends object>(id: string, input: I) => [...runKeys.detail(id), 'upgrade-preview', input] as const,
};

/** Runs found by their logs (GET /api/v1/logs/search). */
export const logSearchKeys = {
  all: ['log-search'] as const,
  search: <F extends object>(filters: F) => [...logSearchKeys.all, filters] as const,
};

export const versionKeys = {
  all: ['versions'] as const,
  lists: () => [...versionKeys.all, 'list'] as const,
  list: <F extends object>(filters: F) => [...versionKeys.lists(), filters] as const,
  current: () => [...versionKeys.all, 'current'] as const,
  details: () => [...versionKeys.all, 'detail'] as const,
  detail: (id: string) => [...versionKeys.details(), id] as const,
  drain: (id: string) => [...versionKeys.detail(id), 'drain'] as const,
  /** What changed from one version to another, and the blast radius of upgrading. */
  diff: (id: string, against: string) => [...versionKeys.detail(id), 'diff', against] as const,
};

/** Background jobs (bulk upgrades): progress and per-run outcomes. */
export const jobKeys = {
  all: ['jobs'] as const,
  detail: (id: string) => [...jobKeys.all, 'detail', id] as const,
};

export const commitKeys = {
  all: ['commits'] as const,
  lists: () => [...commitKeys.all, 'list'] as const,
  list: <F extends object>(filters: F) => [...commitKeys.lists(), filters] as const,
  details: () => [...commitKeys.all, 'detail'] as const,
  detail: (id: string) => [...commitKeys.details(), id] as const,
};

export const artifactKeys = {
  all: ['artifacts'] as const,
  manifest: (digest: string) => [...artifactKeys.all, 'manifest', digest] as const,
  /** Which runs and nodes produced and consumed a digest. */
  usage: (digest: string) => [...artifactKeys.all, 'usage', digest] as const,
};
