import { describe, expect, it } from 'vitest';
import { importedGroupPath, nearestEventType } from './engine-events';

describe('nearestEventType', () => {
  it('maps the Workflow SDK event types that have a Flowdeck counterpart', () => {
    expect(nearestEventType('step_completed')).toBe('node_succeeded');
    expect(nearestEventType('run_failed')).toBe('run_finished');
    expect(nearestEventType('wait_created')).toBe('sleep_started');
  });
  it('keeps the rest as engine events, also names every object answers to', () => {
    expect(nearestEventType('step_retrying')).toBe('engine_event');
    expect(nearestEventType('constructor')).toBe('engine_event');
  });
});

describe('importedGroupPath', () => {
  it('puts runs under their source and workflow, path-safe', () => {
    expect(importedGroupPath('workflow-local', 'processOrder')).toBe('workflow-local/processOrder');
    expect(importedGroupPath('workflow-local', 'a/b c')).toBe('workflow-local/a-b-c');
    expect(importedGroupPath('workflow-local', '..')).toBe('workflow-local/workflow');
  });
});
