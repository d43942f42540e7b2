// The ingest benchmark's workload: a version with two workflows and the event stream a runner would send
// for one run of either, by the run state machine's rules (levels of the DAG run in parallel, a few flaky
// steps retried, a few runs failing with their downstream skipped).
import type { StepDefinition, VersionManifest } from '@/lib/domain/manifest';
import type { RunEvent } from '@/lib/domain/run-machine';

const input = {
  type: 'object',
  required: ['branch'],
  properties: { branch: { type: 'string', minLength: 1 }, commit: { type: 'string' } },
  additionalProperties: false,
};

/** A CI pipeline of 16 steps: checkout → install → checks → build → tests → package → deploy. */
const CI_STEPS: StepDefinition[] = [
  { id: 'checkout', run: 'git checkout $COMMIT' },
  { id: 'install', run: 'npm ci', needs: [{ step: 'checkout' }] },
  { id: 'lint', run: 'npm run lint', needs: [{ step: 'install' }] },
  { id: 'typecheck', run: 'npm run typecheck', needs: [{ step: 'install' }] },
  { id: 'unit-test', run: 'npm test -- --shard=unit', needs: [{ step: 'install' }] },
  { id: 'build', run: 'npm run build', needs: [{ step: 'typecheck' }], outputs: ['dist/'] },
  ...[1, 2, 3].map((n) => ({ id: `integration-${n}`, run: `npm test -- --shard=${n}/3`, needs: [{ step: 'build' }] })),
  { id: 'e2e', run: 'npm run e2e', needs: [{ step: 'build' }], outputs: ['test-results/'] },
  {
    id: 'package',
    run: 'docker build -t app .',
    needs: ['lint', 'unit-test', 'integration-1', 'integration-2', 'integration-3', 'e2e'].map((step) => ({ step })),
    outputs: ['image.tar'],
  },
  { id: 'scan', run: 'trivy image app', needs: [{ step: 'package' }] },
  { id: 'publish', run: 'docker push app', needs: [{ step: 'scan' }] },
  { id: 'deploy-staging', run: 'kubectl apply -f k8s/staging', needs: [{ step: 'publish' }] },
  { id: 'smoke', run: 'npm run smoke -- staging', needs: [{ step: 'deploy-staging' }] },
  { id: 'notify-failure', run: 'notify #ci', needs: [{ step: 'smoke', when: 'on_failure' }] },
];

/** A release build with a test matrix of 90 shards (96 steps): runs long enough to fill batches of 200. */
const MATRIX_SHARDS = 90;
const MATRIX_STEPS: StepDefinition[] = [
  { id: 'checkout', run: 'git checkout $COMMIT' },
  { id: 'install', run: 'npm ci', needs: [{ step: 'checkout' }] },
  { id: 'build', run: 'npm run build', needs: [{ step: 'install' }], outputs: ['dist/'] },
  ...Array.from({ length: MATRIX_SHARDS }, (_, i) => ({
    id: `shard-${String(i + 1).padStart(2, '0')}`,
    run: `npm test -- --shard=${i + 1}/${MATRIX_SHARDS}`,
    needs: [{ step: 'build' }],
  })),
  { id: 'report', run: 'merge-reports', needs: Array.from({ length: MATRIX_SHARDS }, (_, i) => ({ step: `shard-${String(i + 1).padStart(2, '0')}` })) },
  { id: 'publish', run: 'npm publish', needs: [{ step: 'report' }] },
  { id: 'notify', run: 'notify #release', needs: [{ step: 'publish', when: 'on_failure' }] },
];

export const WORKFLOWS = { ci: CI_STEPS, 'release-matrix': MATRIX_STEPS } as const;
export type WorkflowName = keyof typeof WORKFLOWS;

export const MANIFEST: VersionManifest = {
  workflows: {
    ci: { description: 'Pull-request pipeline', input, steps: CI_STEPS },
    'release-matrix': { description: 'Release with a sharded test matrix', input, steps: MATRIX_STEPS },
  },
};

/** A small deterministic PRNG (mulberry32), so every engine gets the same streams. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const hex = (random: () => number) => Array.from({ length: 64 }, () => Math.floor(random() * 16).toString(16)).join('');

/** Steps grouped by depth in the DAG: every step of a level can start once the levels before it ended. */
function levels(steps: StepDefinition[]): StepDefinition[][] {
  const depth = new Map<string, number>();
  for (const step of steps) depth.set(step.id, Math.max(0, ...(step.needs ?? []).map((n) => (depth.get(n.step) ?? 0) + 1)));
  const out: StepDefinition[][] = [];
  for (const step of steps) (out[depth.get(step.id) ?? 0] ??= []).push(step);
  return out;
}

const LEVELS = { ci: levels(CI_STEPS), 'release-matrix': levels(MATRIX_STEPS) };

/**
 * The events of one run from start to finish. About 4% of steps fail once and are retried; 3% of runs
 * have one step fail for good, which skips everything downstream and fails the run.
 */
export function runEvents(workflow: WorkflowName, random: () => number, start = Date.now()): RunEvent[] {
  let clock = start;
  const at = () => new Date((clock += 1 + Math.floor(random() * 50))).toISOString();
  const steps = WORKFLOWS[workflow];
  const failing = random() < 0.03 ? steps[3 + Math.floor(random() * (steps.length - 6))]?.id : undefined;
  const status = new Map<string, 'success' | 'failed' | 'skipped'>();
  const digests = new Map<string, string>();
  const out: RunEvent[] = [{ type: 'run_started', at: at() }];
  for (const level of LEVELS[workflow]) {
    const running: StepDefinition[] = [];
    for (const step of level) {
      const ready = (step.needs ?? []).every(
        (n) => status.get(n.step) === ({ on_success: 'success', on_failure: 'failed', on_skipped: 'skipped' } as const)[n.when ?? 'on_success'],
      );
      if (!ready) {
        status.set(step.id, 'skipped');
        out.push({ type: 'node_skipped', at: at(), nodeId: step.id, reason: 'condition not met' });
        continue;
      }
      const staged = Object.fromEntries((step.needs ?? []).flatMap((n) => (digests.has(n.step) ? [[n.step, digests.get(n.step) as string]] : [])));
      out.push({ type: 'node_started', at: at(), nodeId: step.id, ...(Object.keys(staged).length > 0 ? { staged } : {}) });
      running.push(step);
    }
    for (const step of running) {
      const durationMs = 200 + Math.floor(random() * 120_000);
      if (step.id === failing) {
        status.set(step.id, 'failed');
        out.push({ type: 'node_failed', at: at(), nodeId: step.id, error: { exitCode: 1, message: `${step.run} exited with 1`, durationMs } });
        continue;
      }
      if (random() < 0.04) {
        out.push({ type: 'node_failed', at: at(), nodeId: step.id, error: { exitCode: 137, message: 'killed: out of memory', durationMs } });
        out.push({ type: 'node_started', at: at(), nodeId: step.id });
      }
      status.set(step.id, 'success');
      if (step.outputs) digests.set(step.id, `sha256:${hex(random)}`);
      out.push({ type: 'node_succeeded', at: at(), nodeId: step.id, output: { exitCode: 0, durationMs, log: `logs/${step.id}.txt` } });
    }
  }
  const failed = [...status.values()].includes('failed');
  out.push(
    failed
      ? { type: 'run_finished', at: at(), result: 'failed', error: { step: failing } }
      : { type: 'run_finished', at: at(), result: 'success', output: { deployed: workflow === 'ci' } },
  );
  return out;
}
