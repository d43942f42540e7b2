import { describe, expect, it } from 'vitest';
import { ApiError } from '@/lib/api/fetch-json';
import { describeApiError } from './errors';

describe('cli error messages', () => {
  it('names the entity, the expected and the actual row version of a conflict', () => {
    const err = new ApiError(409, 'conflict', 'version vers_X is at version 5, not 4', { entity: 'version', id: 'vers_X', expected: 4, actual: 5 });
    const text = describeApiError(err);
    expect(text).toContain('conflict: version vers_X changed since it was read: expected row version 4, it is now at 5');
    expect(text).toContain('Nothing was written');
  });

  it('shows the server message and code of any other error', () => {
    expect(describeApiError(new ApiError(404, 'not_found', 'version vers_Y not found'))).toBe('flowdeck: version vers_Y not found (not_found, HTTP 404)');
  });

  it('breaks down the active runs of a refused sunset', () => {
    const err = new ApiError(409, 'version_has_active_runs', 'version vers_Z still has 3 active runs', {
      versionId: 'vers_Z',
      total: 3,
      counts: { running: 0, queued: 1, paused: 0, sleeping: 1, hook: 1 },
      earliestWake: '2030-01-01T00:00:00.000Z',
      latestWake: '2030-01-01T00:00:00.000Z',
      oldestHookSince: '2025-01-01T00:00:00.000Z',
    });
    const text = describeApiError(err);
    expect(text).toMatch(/queued\s+1/);
    expect(text).toMatch(/sleeping\s+1\s+latest wake 2030-01-01 00:00:00Z/);
    expect(text).toMatch(/waiting on a hook\s+1\s+oldest waiting since 2025-01-01 00:00:00Z/);
    expect(text).toContain('flowdeck version drain vers_Z');
  });
});
