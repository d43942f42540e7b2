import { describe, expect, it } from 'vitest';
import { parseCommitFilters, VersionViewSearch } from './schemas';

describe('parseCommitFilters', () => {
  it('keeps valid filters and drops invalid or empty ones', () => {
    expect(parseCommitFilters({ entity: 'version', id: 'vers_01JDF3K2ABCDEFGHJKMNPQRSTV', actor: 'local', action: 'version.sunset' })).toEqual({
      entity: 'version',
      id: 'vers_01JDF3K2ABCDEFGHJKMNPQRSTV',
      actor: 'local',
      action: 'version.sunset',
    });
    expect(parseCommitFilters({ entity: 'planet', id: 'nope', actor: '', cursor: '3' })).toEqual({});
    expect(parseCommitFilters({ actor: ['a', 'b'] })).toEqual({ actor: 'b' });
  });
});

describe('VersionViewSearch', () => {
  it('falls back to the overview tab and drops a bad version id', () => {
    expect(VersionViewSearch.parse({ tab: 'nope', against: 'x' })).toEqual({ tab: 'overview', against: undefined });
    expect(VersionViewSearch.parse({ tab: 'diff', against: 'vers_01JDF3K2ABCDEFGHJKMNPQRSTV' })).toEqual({
      tab: 'diff',
      against: 'vers_01JDF3K2ABCDEFGHJKMNPQRSTV',
    });
  });
});
