import { describe, expect, it } from 'vitest';
import type { RunDetail } from '@/lib/contract/runs';
import { runDetail } from './runs';

const base = {
  id: 'run_01',
  workflow: 'release',
  versionId: 'vers_01',
  groupPath: 'examples/release',
  phase: 'running',
  result: 'unknown',
  createdAt: new Date(Date.now() - 60_000).toISOString(),
  startedAt: null,
  finishedAt: null,
  upgradedFrom: null,
  upgradedTo: null,
  stranded: false,
  input: {},
  output: null,
  error: null,
  setupErrors: [],
  updatedAt: new Date().toISOString(),
  rowVersion: 3,
  upgradeStrategy: null,
  leaseOwner: null,
  leaseExpiresAt: null,
  edges: [],
} as const;

const node = (nodeId: string, status: string, extra: Record<string, unknown> = {}) => ({
  nodeId,
  action: 'run',
  signature: 'sha256:x',
  needs: [],
  status,
  attempt: status === 'pending' ? 0 : 1,
  startedAt: null,
  finishedAt: null,
  output: null,
  error: null,
  artifactManifest: null,
  stagedManifests: {},
  reusedFrom: null,
  ...extra,
});

describe('runDetail', () => {
  it('shows the waiting hook (never its token) and how to deliver it', () => {
    const text = runDetail({
      ...base,
      waiting: { kind: 'hook', nodeId: 'approve', token: 'hk_secret', since: new Date().toISOString() },
      nodes: [node('build', 'success', { artifactManifest: `sha256:${'a'.repeat(64)}` }), node('approve', 'running')],
    } as unknown as RunDetail);
    expect(text).toMatch(/waiting: +hook on approve since/);
    expect(text).not.toContain('hk_secret');
    expect(text).toContain('sha256:aaaaaaaaaaa…');
    expect(text).toContain('flowdeck run hook run_01 --payload \'{"approvedBy": "you"}\'');
  });

  it('shows the result of a finished run and the reused steps of an upgrade', () => {
    const text = runDetail({
      ...base,
      phase: 'finished',
      result: 'success',
      waiting: null,
      upgradedFrom: 'run_00',
      nodes: [node('build', 'success', { reusedFrom: 'run_00' })],
    } as unknown as RunDetail);
    expect(text).toMatch(/phase: +finished \(success\)/);
    expect(text).toMatch(/upgraded from: +run_00/);
    expect(text).toMatch(/build +success +1 +- +- +run_00/);
    expect(text).not.toContain('Deliver the hook');
  });
});
