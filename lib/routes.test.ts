import { describe, expect, it } from 'vitest';
import { matchPath } from '@/lib/contract/endpoints';
import { routes } from './routes';

describe('routes.api', () => {
  it('builds only paths the endpoint table serves', () => {
    const unserved = Object.entries(routes.api)
      .map(([name, build]) => [name, (build as (...args: string[]) => string)('run_x', 'node-x')] as const)
      .filter(([, path]) => matchPath(new URL(path, 'http://x').pathname) === null)
      .map(([name]) => name);
    expect(unserved).toEqual([]);
  });

  it('encodes ids as one segment each, keeping the colon of a digest', () => {
    expect(routes.api.blob('sha256:ab')).toBe('/api/v1/blobs/sha256:ab');
    expect(routes.api.runNodeArtifactManifest('run_1', 'a b/c')).toBe('/api/v1/runs/run_1/nodes/a%20b%2Fc/artifact-manifest');
  });

  it('sends the step cache query as the runner does', () => {
    expect(routes.api.runnerCache({ signature: 'sha256:ab', staged: '{"a":"b"}' })).toBe(
      '/api/v1/runner/cache?signature=sha256%3Aab&staged=%7B%22a%22%3A%22b%22%7D',
    );
    expect(routes.api.runnerClaim()).toBe('/api/v1/runner/claim');
  });
});
