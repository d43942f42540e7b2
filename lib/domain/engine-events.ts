import type { EventType } from './event-types';

/**
 * The nearest Flowdeck event type of an engine's event type (the Workflow SDK's, first). The engine's own
 * type is always kept beside it; an event with no Flowdeck counterpart is an `engine_event`.
 */
const NEAREST: Record<string, EventType> = {
  run_created: 'run_created',
  run_started: 'run_started',
  run_completed: 'run_finished',
  run_failed: 'run_finished',
  run_cancelled: 'run_cancelled',
  step_started: 'node_started',
  step_completed: 'node_succeeded',
  step_failed: 'node_failed',
  wait_created: 'sleep_started',
  wait_completed: 'sleep_woken',
  hook_created: 'hook_created',
  hook_received: 'hook_received',
};

export function nearestEventType(engineType: string): EventType {
  return Object.hasOwn(NEAREST, engineType) ? (NEAREST[engineType] as EventType) : 'engine_event';
}

/** A group path for an imported run: the source, then the workflow (path-safe). */
export function importedGroupPath(source: string, workflow: string): string {
  const safe = workflow.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[.-]+/, '') || 'workflow';
  return `${source}/${safe}`;
}
