import fc from 'fast-check';
import type { EndpointKey } from '@/lib/contract/endpoints';
import { type IdPool, isoDateArb } from './schema-arb';
import { hostileString } from './values';

/**
 * Bodies that the domain would accept in some state of the seeded store, for endpoints whose schema
 * alone rarely yields one (an event batch must also pass the run's state machine). With hostile
 * strings and edge dates in their fields, these reach the inserts and updates behind the checks.
 */
export function plausibleBodyArb(key: EndpointKey, pool: IdPool): fc.Arbitrary<unknown> | undefined {
  const at = isoDateArb;
  const node = fc.constantFrom(...pool.nodes);
  const text = fc.oneof({ weight: 2, arbitrary: fc.string({ maxLength: 12 }) }, { weight: 1, arbitrary: hostileString.filter((s) => s.length <= 2000) });
  switch (key) {
    case 'POST /api/v1/runs/{runId}/events': {
      const event = fc.oneof(
        fc.record({ type: fc.constant('run_paused'), at, reason: text }),
        fc.record({ type: fc.constant('run_resumed'), at }),
        fc.record({ type: fc.constant('run_started'), at }),
        fc.record({ type: fc.constant('node_started'), nodeId: node, at }),
        fc.record({ type: fc.constant('node_succeeded'), nodeId: node, at, output: fc.jsonValue({ maxDepth: 2 }) }),
        fc.record({ type: fc.constant('node_failed'), nodeId: node, at, error: fc.oneof(text, fc.jsonValue({ maxDepth: 1 })) }),
        fc.record({ type: fc.constant('sleep_started'), nodeId: node, at, until: at }),
        fc.record({ type: fc.constant('hook_created'), nodeId: node, at, token: text.filter((t) => t.length >= 8) }),
      );
      return fc.record({ events: fc.array(event, { minLength: 1, maxLength: 2 }) });
    }
    case 'POST /api/v1/runs':
      return fc.record(
        {
          workflow: fc.constant('pipeline'),
          groupPath: fc.constantFrom('acme/web', 'a/b/c'),
          input: fc.record({ branch: text.filter((t) => t.length > 0) }, { requiredKeys: [] }),
          setupErrors: fc.array(
            text.filter((t) => t.length > 0),
            { maxLength: 2 },
          ),
        },
        { requiredKeys: ['workflow', 'groupPath'] },
      );
    case 'POST /api/v1/runs/{runId}/cancel':
    case 'POST /api/v1/runs/{runId}/pause':
    case 'POST /api/v1/runs/{runId}/resume':
      return fc.record({ expectedVersion: fc.integer({ min: 1, max: 6 }), reason: text.filter((t) => t.length > 0) }, { requiredKeys: ['expectedVersion'] });
    case 'PATCH /api/v1/versions/{id}':
      return fc.record(
        {
          expectedVersion: fc.integer({ min: 1, max: 4 }),
          label: text.filter((t) => t.length > 0 && t.length <= 100),
          source: fc.record({ repo: text, commit: text.filter((t) => t.length <= 100) }, { requiredKeys: [] }),
        },
        { requiredKeys: ['expectedVersion'] },
      );
    case 'POST /api/v1/versions/{id}/sunset':
      return fc.record({ mode: fc.constantFrom('safe', 'drain', 'force'), reason: text, expectedVersion: fc.integer({ min: 1, max: 4 }) });
    default:
      return undefined;
  }
}
