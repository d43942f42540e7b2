import { describe, expect, it } from 'vitest';
import { versionActions } from './version-actions';

const v = (over: Partial<Parameters<typeof versionActions>[0]> = {}) =>
  versionActions({ status: 'live', isCurrent: false, activeRuns: 0, totalRuns: 0, ...over });

describe('versionActions', () => {
  it('a live version with active runs: everything but delete', () => {
    const a = v({ activeRuns: 3, totalRuns: 10 });
    expect(a['set-current'].allowed).toBe(true);
    expect(a['upgrade-runs'].allowed).toBe(true);
    expect(a.drain.allowed).toBe(true);
    expect(a.sunset.allowed).toBe(true);
    expect(a['force-sunset'].allowed).toBe(true);
    expect(a.delete).toEqual({ allowed: false, reason: expect.stringMatching(/without runs/) });
  });

  it('the current version cannot be retired or deleted, nor set current again', () => {
    const a = v({ isCurrent: true, activeRuns: 2, totalRuns: 2 });
    for (const k of ['set-current', 'drain', 'sunset', 'force-sunset', 'delete'] as const) expect(a[k].allowed, k).toBe(false);
    expect(a.drain.reason).toMatch(/another version current/);
    expect(a.edit.allowed).toBe(true);
  });

  it('pending: no set-current until it has an address; deletable without runs', () => {
    const a = v({ status: 'pending' });
    expect(a['set-current'].reason).toMatch(/address/);
    expect(a.delete.allowed).toBe(true);
    expect(a.drain.allowed).toBe(true);
  });

  it('draining: set current (rollback) and sunset yes, drain again no', () => {
    const a = v({ status: 'draining', activeRuns: 1, totalRuns: 4 });
    expect(a['set-current'].allowed).toBe(true);
    expect(a.drain).toEqual({ allowed: false, reason: 'Already draining.' });
    expect(a.sunset.allowed).toBe(true);
  });

  it('sunset: deletable, nothing else to retire', () => {
    const a = v({ status: 'sunset', totalRuns: 40 });
    expect(a.delete.allowed).toBe(true);
    expect(a.sunset.allowed).toBe(false);
    expect(a['set-current'].allowed).toBe(false);
    expect(a['upgrade-runs'].allowed).toBe(false);
  });

  it('force sunset is only offered when runs would be stranded', () => {
    expect(v({ activeRuns: 0 })['force-sunset'].allowed).toBe(false);
    expect(v({ activeRuns: 1 })['force-sunset'].allowed).toBe(true);
  });
});
