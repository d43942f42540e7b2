/**
 * Where a run (and the version it runs on) comes from: written through Flowdeck's own ingest API, or read by
 * a connector from an engine Flowdeck does not run. The one list; the database enum, zod enum and labels derive from it.
 */
export const RUN_SOURCES = ['flowdeck', 'workflow-local', 'workflow-postgres'] as const;
export type RunSource = (typeof RUN_SOURCES)[number];

/** Sources that a connector imports; operator actions on their runs go back through the engine's own API. */
export const ENGINE_SOURCES = ['workflow-local', 'workflow-postgres'] as const satisfies readonly RunSource[];
export type EngineSource = (typeof ENGINE_SOURCES)[number];

export const RUN_SOURCE_LABELS: Record<RunSource, string> = {
  flowdeck: 'Flowdeck',
  'workflow-local': 'Workflow SDK · local',
  'workflow-postgres': 'Workflow SDK · postgres',
};

export function isEngineSource(source: RunSource): source is EngineSource {
  return (ENGINE_SOURCES as readonly RunSource[]).includes(source);
}

/** Operator actions an engine source carries out through its connector. */
export const ENGINE_ACTION_KINDS = ['cancel', 'deliver_hook', 'restart'] as const;
export type EngineActionKind = (typeof ENGINE_ACTION_KINDS)[number];

export const ENGINE_ACTION_STATUSES = ['pending', 'claimed', 'done', 'failed'] as const;
export type EngineActionStatus = (typeof ENGINE_ACTION_STATUSES)[number];

export const ENGINE_ACTION_LABELS: Record<EngineActionKind, string> = {
  cancel: 'Cancel',
  deliver_hook: 'Hook delivery',
  restart: 'Restart upgrade',
};

/** What an engine source can and cannot do, said once for the UI and the API's refusals. */
export const ENGINE_LIMITS = {
  pause: 'The Workflow SDK has no pause: cancel the run or upgrade it (restart) instead.',
  resume: 'The Workflow SDK cannot carry a run’s event log to another deployment: only a restart (a new run with the same input) is possible.',
  drain: 'Flowdeck cannot stop the Workflow SDK from starting runs on a draining deployment. Runs that start on it anyway are flagged.',
  inputSchema: 'The Workflow SDK publishes no input schema: the input cannot be checked before the restart.',
} as const;
