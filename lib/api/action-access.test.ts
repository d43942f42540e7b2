import { describe, expect, it } from 'vitest';
import type { CallerInfo } from '@/lib/contract/session';
import { permission, RUN_ACTION_ACCESS, VERSION_ACTION_ACCESS } from './action-access';

const as = (role: CallerInfo['role']): CallerInfo => ({ actor: `${role}-token`, role, via: 'session', tokenId: null, expiresAt: null });

describe('action access', () => {
  it('comes from the endpoints: run actions and version changes for operators, delete and force for admins', () => {
    expect(RUN_ACTION_ACCESS).toEqual({ pause: 'operator', resume: 'operator', cancel: 'operator', upgrade: 'operator', hook: 'operator' });
    expect(VERSION_ACTION_ACCESS).toEqual({
      'set-current': 'operator',
      'upgrade-runs': 'operator',
      drain: 'operator',
      sunset: 'operator',
      'force-sunset': 'admin',
      edit: 'operator',
      delete: 'admin',
    });
  });

  it('allows by role, and says why not', () => {
    expect(permission(as('viewer'), 'operator')).toEqual({ allowed: false, needs: 'operator', reason: expect.stringContaining('viewer-token (viewer)') });
    expect(permission(as('operator'), 'operator').allowed).toBe(true);
    expect(permission(as('operator'), 'admin').allowed).toBe(false);
    expect(permission(as('admin'), 'admin').allowed).toBe(true);
    expect(permission(null, 'viewer')).toMatchObject({ allowed: false, reason: expect.stringContaining('Sign in') });
    expect(permission(null, 'public').allowed).toBe(true);
  });
});
