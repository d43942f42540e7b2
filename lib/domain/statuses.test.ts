import { describe, expect, it } from 'vitest';
import { ID_KIND_NAMES, ID_PREFIXES, idPattern, isId, newId } from './ids';
import { conditionStatus, isNodeTerminal, NODE_STATUSES } from './node-status';
import { roleAllows } from './roles';
import { FINISH_RESULTS, isActive, isTerminal, RUN_PHASES, RUN_RESULTS } from './run-phase';
import { acceptsRuns, VERSION_STATUSES } from './version-status';

describe('statuses', () => {
  it('active runs are queued, running or paused', () => {
    expect(RUN_PHASES.filter(isActive)).toEqual(['queued', 'running', 'paused']);
    expect(RUN_PHASES.filter(isTerminal)).toEqual(['setuperror', 'cancelled', 'finished']);
  });
  it("a finished run reports success or failure; unknown and stopped are the store's own", () => {
    expect(RUN_RESULTS.filter((r) => !(FINISH_RESULTS as readonly string[]).includes(r))).toEqual(['unknown', 'stopped']);
  });
  it('node terminal states and conditions', () => {
    expect(NODE_STATUSES.filter(isNodeTerminal)).toEqual(['success', 'failed', 'skipped', 'cancelled']);
    expect([conditionStatus('on_success'), conditionStatus('on_failure'), conditionStatus('on_skipped')]).toEqual(['success', 'failed', 'skipped']);
  });
  it('only pending and live versions accept runs', () => {
    expect(VERSION_STATUSES.filter(acceptsRuns)).toEqual(['pending', 'live']);
  });
  it('roles are ordered', () => {
    expect(roleAllows('admin', 'operator')).toBe(true);
    expect(roleAllows('viewer', 'operator')).toBe(false);
  });
  it('ids are prefixed, valid and sort by creation', () => {
    const a = newId('run', 1_000);
    const b = newId('run', 2_000);
    expect(isId(a, 'run')).toBe(true);
    expect(isId(a, 'vers')).toBe(false);
    expect(a < b).toBe(true);
    expect(isId(a)).toBe(true);
    expect(isId(`usr_${a.slice(4)}`)).toBe(false);
    expect(isId(`${a}X`, 'run')).toBe(false);
  });
  it('id patterns: one kind, or any kind; Crockford base32 only', () => {
    expect(idPattern('run').test('run_01JD0000000000000000000000')).toBe(true);
    expect(idPattern('run').test('xrun_01JD0000000000000000000000')).toBe(false);
    expect(idPattern().test(newId('act'))).toBe(true);
    expect(idPattern('tok').test(newId('act'))).toBe(false);
    expect(idPattern('run').test(`run_${'I'.repeat(26)}`)).toBe(false);
    expect(Object.keys(ID_KIND_NAMES)).toEqual([...ID_PREFIXES]);
  });
});

describe('newId with a past time', () => {
  it('encodes that time even after ids made now', () => {
    newId('run');
    const past = newId('run', Date.UTC(2020, 0, 1));
    expect(past < newId('run', Date.UTC(2020, 0, 2))).toBe(true);
    expect(past.slice(4, 14)).toBe(newId('run', Date.UTC(2020, 0, 1)).slice(4, 14));
  });
});

describe('groupBy', () => {
  it('groups in order', async () => {
    const { groupBy } = await import('./group-by');
    expect([...groupBy([1, 2, 3, 4], (n) => n % 2)]).toEqual([
      [1, [1, 3]],
      [0, [2, 4]],
    ]);
  });
});
