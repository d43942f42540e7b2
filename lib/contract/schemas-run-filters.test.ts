import { describe, expect, it } from 'vitest';
import { parseRunFilters } from './schemas';

describe('parseRunFilters', () => {
  it('parses every filter of a shared link', () => {
    const f = parseRunFilters({
      phase: 'running,queued',
      result: 'failed',
      workflow: 'deploy',
      version: 'vers_01JDF3K2ABCDEFGHJKMNPQ2XK9',
      group: 'acme/billing/',
      q: 'run_01JD',
      from: '2026-11-01T00:00:00.000Z',
      to: '2026-11-02T00:00:00Z',
    });
    expect(f).toEqual({
      phase: ['queued', 'running'],
      result: ['failed'],
      workflow: 'deploy',
      version: 'vers_01JDF3K2ABCDEFGHJKMNPQ2XK9',
      group: 'acme/billing',
      q: 'run_01JD',
      from: '2026-11-01T00:00:00.000Z',
      to: '2026-11-02T00:00:00Z',
    });
  });

  it('drops unknown keys, invalid and empty values, and takes the last repeated value', () => {
    expect(parseRunFilters({ utm_source: 'mail', phase: 'bogus', version: 'v1', q: 'has space', from: 'yesterday', workflow: '' })).toEqual({});
    expect(parseRunFilters({ phase: ['queued', 'paused'], q: undefined })).toEqual({ phase: ['paused'] });
    expect(parseRunFilters({ phase: ',' })).toEqual({});
  });
});
