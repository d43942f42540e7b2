import { describe, expect, it } from 'vitest';
import {
  activeFilterCount,
  countFilters,
  hasActiveFilters,
  normalizeRunFilters,
  sameRunFilters,
  togglePhase,
  toggleResult,
  withFilters,
} from './run-list-filters';

describe('run list filters', () => {
  it('normalize: URL key order, no empties, enum order without repeats, no trailing slash', () => {
    const f = normalizeRunFilters({
      q: 'run_01J',
      group: 'acme/billing//',
      phase: ['running', 'queued', 'running'],
      result: [],
      workflow: '',
      to: undefined,
    });
    expect(f).toEqual({ phase: ['queued', 'running'], group: 'acme/billing', q: 'run_01J' });
    expect(Object.keys(f)).toEqual(['phase', 'group', 'q']);
    expect(normalizeRunFilters({})).toEqual({});
    expect(normalizeRunFilters({ group: '/' })).toEqual({});
  });

  it('withFilters replaces and clears filters, keeping the canonical form', () => {
    const f = { workflow: 'deploy', phase: ['running' as const] };
    expect(withFilters(f, { workflow: undefined })).toEqual({ phase: ['running'] });
    expect(withFilters(f, { version: 'vers_X', workflow: '' })).toEqual({ phase: ['running'], version: 'vers_X' });
    expect(Object.keys(withFilters({ to: 'b' }, { from: 'a' }))).toEqual(['from', 'to']);
  });

  it('togglePhase and toggleResult add and remove one value', () => {
    expect(togglePhase({}, 'running')).toEqual({ phase: ['running'] });
    expect(togglePhase({ phase: ['running'] }, 'queued')).toEqual({ phase: ['queued', 'running'] });
    expect(togglePhase({ phase: ['running'], q: 'x' }, 'running')).toEqual({ q: 'x' });
    expect(toggleResult({ result: ['failed'] }, 'success')).toEqual({ result: ['success', 'failed'] });
    expect(toggleResult({ result: ['failed'] }, 'failed')).toEqual({});
  });

  it('counts depend on every filter but the phase', () => {
    expect(countFilters({ phase: ['running'], workflow: 'deploy' })).toEqual({ workflow: 'deploy' });
    expect(countFilters({ phase: ['running'] })).toEqual({});
  });

  it('counts active filters and compares filter sets', () => {
    expect(activeFilterCount({ phase: ['running', 'queued'], group: 'acme' })).toBe(2);
    expect(activeFilterCount({ phase: [], group: '' })).toBe(0);
    expect(hasActiveFilters({ q: 'run' })).toBe(true);
    expect(hasActiveFilters({})).toBe(false);
    expect(sameRunFilters({ phase: ['running', 'queued'] }, { phase: ['queued', 'running'], q: '' })).toBe(true);
    expect(sameRunFilters({ phase: ['running'] }, { phase: ['queued'] })).toBe(false);
  });
});
