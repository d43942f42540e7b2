/**
 * The one list of run event types. The store writes `run_created` when a run is created, `run_upgraded` on
 * an upgrade, and `node_requeued` when a runner claims a run whose previous lease ended with steps still
 * running (they run again). Events imported from an engine Flowdeck does not run keep the engine's own type
 * in `engineType`; their `type` is the nearest of these, or `engine_event` when there is none.
 */
export const EVENT_TYPES = [
  'run_created',
  'run_started',
  'run_paused',
  'run_resumed',
  'run_cancelled',
  'run_finished',
  'node_started',
  'node_succeeded',
  'node_failed',
  'node_skipped',
  'sleep_started',
  'sleep_woken',
  'hook_created',
  'hook_received',
  'run_upgraded',
  'node_requeued',
  'engine_event',
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

/** Events an engine may append through the ingest API. */
export const INGEST_EVENT_TYPES = EVENT_TYPES.filter((t) => t !== 'run_created' && t !== 'run_upgraded' && t !== 'node_requeued' && t !== 'engine_event');
