import { buildManifest } from '@/lib/domain/artifact-manifest';
import { sha256Digest } from '@/lib/domain/digest';
import type { VersionManifest } from '@/lib/domain/manifest';
import { dispatch } from '../dispatch';
import { PIPELINE } from '../fixtures';
import type { IdPool } from './schema-arb';

/**
 * Seeds a small store through the API itself: two versions, runs in several phases with nodes and
 * events, blobs, a manifest and a node's artifact manifest, a bulk job and commits. Returns the ids,
 * so generated requests sometimes name things that exist.
 */
const BASE = 'http://127.0.0.1/api/v1';
const at = (minute: number) => `2026-11-01T12:${String(minute).padStart(2, '0')}:00Z`;

async function call(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Record<string, unknown>> {
  const init: RequestInit = { method, headers: { ...headers } };
  if (body instanceof Uint8Array) init.body = body as BodyInit;
  else if (body !== undefined) {
    init.body = JSON.stringify(body);
    (init.headers as Record<string, string>)['content-type'] = 'application/json';
  }
  const res = await dispatch(new Request(`${BASE}${path}`, init));
  const text = await res.text();
  if (res.status >= 300) throw new Error(`seed: ${method} ${path} → ${res.status} ${text}`);
  return text ? (JSON.parse(text) as Record<string, unknown>) : {};
}

const V2: VersionManifest = {
  workflows: {
    pipeline: {
      ...PIPELINE.workflows.pipeline!,
      steps: PIPELINE.workflows.pipeline!.steps.map((s) => (s.id === 'test' ? { ...s, run: 'make test-all' } : s)),
    },
  },
};

export async function seedHostileStore(): Promise<IdPool> {
  const v1 = (await call('POST', '/versions', { manifest: PIPELINE, address: 'https://v1.example', label: 'v1' })).id as string;
  const v2 = (await call('POST', '/versions', { manifest: V2, address: 'https://v2.example', label: 'v2' })).id as string;
  await call('POST', `/versions/${v1}/set-current`, { expectedVersion: 1 });

  const runs: string[] = [];
  for (let i = 0; i < 5; i++) {
    runs.push((await call('POST', '/runs', { workflow: 'pipeline', groupPath: `acme/web/${i}`, input: { branch: `b${i}` } })).id as string);
  }
  const [queued, running, paused, sleeping, hooked] = runs as [string, string, string, string, string];
  void queued;
  const events = (runId: string, list: Record<string, unknown>[]) => call('POST', `/runs/${runId}/events`, { events: list });
  await events(running, [
    { type: 'run_started', at: at(1) },
    { type: 'node_started', nodeId: 'build', at: at(2) },
    { type: 'node_succeeded', nodeId: 'build', at: at(3) },
    { type: 'node_started', nodeId: 'test', at: at(4) },
  ]);
  await events(paused, [
    { type: 'run_started', at: at(1) },
    { type: 'run_paused', at: at(2), reason: 'hold' },
  ]);
  await events(sleeping, [
    { type: 'run_started', at: at(1) },
    { type: 'node_started', nodeId: 'build', at: at(2) },
    { type: 'node_succeeded', nodeId: 'build', at: at(3) },
    { type: 'node_started', nodeId: 'test', at: at(4) },
    { type: 'node_succeeded', nodeId: 'test', at: at(5) },
    { type: 'node_started', nodeId: 'package', at: at(6) },
    { type: 'node_succeeded', nodeId: 'package', at: at(7) },
    { type: 'node_skipped', nodeId: 'notify', at: at(7) },
    { type: 'node_started', nodeId: 'approve', at: at(8) },
    { type: 'hook_created', nodeId: 'approve', token: 'hook-token-1', at: at(8) },
    { type: 'hook_received', nodeId: 'approve', token: 'hook-token-1', at: at(9) },
    { type: 'node_succeeded', nodeId: 'approve', at: at(9) },
    { type: 'node_started', nodeId: 'cool-down', at: at(10) },
    { type: 'sleep_started', nodeId: 'cool-down', until: '2030-01-01T00:00:00Z', at: at(10) },
  ]);
  await events(hooked, [
    { type: 'run_started', at: at(1) },
    { type: 'node_started', nodeId: 'build', at: at(2) },
  ]);

  const digests: string[] = [];
  for (const text of ['alpha', 'beta']) {
    const bytes = new TextEncoder().encode(text);
    const digest = sha256Digest(bytes);
    await call('PUT', `/blobs/${digest}`, bytes);
    digests.push(digest);
  }
  const entries = digests.map((digest, i) => ({ path: `dist/file-${i}.txt`, digest, size: ['alpha', 'beta'][i]!.length }));
  const manifest = buildManifest(entries).digest;
  await call('PUT', `/manifests/${manifest}`, entries);
  digests.push(manifest);
  await call('PUT', `/runs/${running}/nodes/build/artifact-manifest`, { digest: manifest });
  // Step logs: a finished step's (ended) and a running step's, so reads, downloads and tails have lines.
  const line = (text: string, stream = 'stdout') => ({ ts: at(3), stream, text });
  await call('POST', `/runs/${running}/nodes/build/logs`, { attempt: 1, seq: 0, lines: [line('compiling'), line('warning: x', 'stderr')], end: true });
  await call('POST', `/runs/${running}/nodes/test/logs`, { attempt: 1, seq: 0, lines: [line('running 12 tests')] });

  const job = await call('POST', `/versions/${v1}/upgrade-runs`, { targetVersionId: v2, strategy: 'restart', dryRun: false, filter: { phase: ['paused'] } });
  const commits = ((await call('GET', '/commits')).items as { id: string }[]).map((c) => c.id);

  return {
    runs,
    versions: [v1, v2],
    nodes: PIPELINE.workflows.pipeline!.steps.map((s) => s.id),
    digests,
    jobs: [job.id as string],
    commits,
  };
}
