import { describe, expect, it } from 'vitest';
import { drainStatePhases } from './drain-links';

describe('drainStatePhases', () => {
  it('maps phase states to their phase and waiting states to every active phase', () => {
    expect(drainStatePhases('running')).toEqual(['running']);
    expect(drainStatePhases('queued')).toEqual(['queued']);
    expect(drainStatePhases('paused')).toEqual(['paused']);
    expect(drainStatePhases('sleeping')).toEqual(['queued', 'running', 'paused']);
    expect(drainStatePhases('hook')).toEqual(['queued', 'running', 'paused']);
  });
});
