import { describe, expect, it } from 'vitest';
import { eventSummary, eventText, matchesSearch, type SearchableEvent, searchEvents, searchTerms } from './event-search';

const events: SearchableEvent[] = [
  { seq: 1, type: 'run_created', nodeId: null, at: '2025-01-01T00:00:00.000Z', data: { phase: 'queued' } },
  { seq: 2, type: 'node_started', nodeId: 'build', at: '2025-01-01T00:00:01.000Z', data: { staged: { checkout: 'sha256:abc' } } },
  { seq: 3, type: 'node_failed', nodeId: 'test', at: '2025-01-01T00:00:02.000Z', data: { error: { message: 'Exit code 2: TypeError' } } },
  { seq: 4, type: 'hook_created', nodeId: 'approve', at: '2025-01-01T00:00:03.000Z', data: { token: 'hk_deadbeef' } },
];

describe('event search', () => {
  it('splits the query into lower-case terms', () => {
    expect(searchTerms('  Node   FAILED ')).toEqual(['node', 'failed']);
  });
  it('searches type, node, sequence and data', () => {
    expect(eventText(events[0] as SearchableEvent)).toContain('run created');
    expect(searchEvents(events, 'typeerror').map((e) => e.seq)).toEqual([3]);
    expect(searchEvents(events, 'node build').map((e) => e.seq)).toEqual([2]);
    expect(searchEvents(events, '#4').map((e) => e.seq)).toEqual([4]);
    expect(searchEvents(events, 'sha256:abc').map((e) => e.seq)).toEqual([2]);
    expect(searchEvents(events, '').map((e) => e.seq)).toEqual([1, 2, 3, 4]);
    expect(matchesSearch(events[1] as SearchableEvent, ['build', 'nope'])).toBe(false);
  });
  it('summarises the interesting fields', () => {
    expect(events.map(eventSummary)).toEqual(['phase queued', 'staged from checkout', 'Exit code 2: TypeError', 'token hk_deadbeef']);
  });
});
