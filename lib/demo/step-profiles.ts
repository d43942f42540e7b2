import type { DemoWorkflow } from './manifests';

/** How long steps take, how often they fail and how, by step id: the texture of the simulated runs. */

const BASE_SECONDS: readonly (readonly [RegExp, number])[] = [
  [/^train$/, 3000],
  [/^transform$/, 900],
  [/^load-warehouse$/, 700],
  [/^extract-/, 480],
  [/^snapshot$/, 420],
  [/^(evaluate|preprocess|fetch-dataset)$/, 360],
  [/^(build|build-artifacts)$/, 240],
  [/^(provision-tenant|deploy-production)$/, 220],
  [/^(deploy-staging|upload)$/, 160],
  [/^test-shard-/, 140],
  [/^(install|verify|refresh-views|reconcile|merge-coverage)$/, 90],
  [/^(scan-image|push-image|lint|typecheck|dedupe-orders|publish-)/, 60],
  [/^(smoke-test|validate-|compare-baseline|register-model)/, 40],
];

/** Typical duration of a `run` step, in milliseconds. */
export function baseDurationMs(stepId: string): number {
  const hit = BASE_SECONDS.find(([pattern]) => pattern.test(stepId));
  return (hit ? hit[1] : 15) * 1000;
}

/** Share of runs of each workflow in which some step fails at least once. */
export const WORKFLOW_FAILURE_RATE: Record<DemoWorkflow, number> = {
  deploy: 0.08,
  'build-and-test': 0.14,
  release: 0.05,
  'nightly-etl': 0.09,
  'ml-train': 0.11,
  'customer-onboarding': 0.05,
  'db-backup': 0.03,
};

/** Relative flakiness of a step within its workflow. */
export function failureWeight(stepId: string): number {
  if (/^(smoke-test|extract-|train$|provision-tenant|load-warehouse)/.test(stepId)) return 3;
  if (/^(notify-failure|report-skipped|announce|rollback)$/.test(stepId)) return 0.2;
  return 1;
}

const ERRORS: readonly (readonly [RegExp, readonly string[]])[] = [
  [
    /^test-shard-|^unit-test$/,
    ['AssertionError: expected 200 to equal 503', 'Error: Test timed out in 5000ms.', 'FAIL src/ledger.test.ts > reconciles refunds'],
  ],
  [
    /^(build|build-artifacts)$/,
    [
      'ERROR: failed to solve: process "/bin/sh -c make build" did not complete successfully: exit code: 2',
      "error TS2322: Type 'string' is not assignable to type 'number'.",
    ],
  ],
  [/^deploy-|^rollback$/, ['Error: UPGRADE FAILED: context deadline exceeded', 'Error: UPGRADE FAILED: pods "api-7d9c" failed readiness probe']],
  [/^smoke-test$/, ['curl: (22) The requested URL returned error: 502', 'smoke: /healthz answered 503 after 5 retries']],
  [
    /^(extract-|load-|transform|reconcile|dedupe)/,
    [
      'psycopg.errors.QueryCanceled: canceling statement due to statement timeout',
      'dbt: 2 of 48 models failed',
      'reconcile: revenue differs by 0.4% (tolerance 0.1%)',
    ],
  ],
  [/^train$/, ['torch.OutOfMemoryError: CUDA out of memory. Tried to allocate 2.00 GiB', 'NCCL error: unhandled system error, NCCL version 2.21.5']],
  [
    /^(provision-tenant|snapshot|upload)$/,
    [
      'Error: creating RDS instance: InsufficientDBInstanceCapacity',
      'pg_dump: error: connection to server failed: timeout expired',
      'upload failed: An error occurred (SlowDown) when calling PutObject',
    ],
  ],
];

/** A failed step's error as an engine would report it. */
export function stepError(stepId: string, pickIndex: number): { message: string; exitCode: number } {
  const messages = ERRORS.find(([pattern]) => pattern.test(stepId))?.[1] ?? ['command exited with status 1'];
  const message = messages[pickIndex % messages.length] as string;
  return { message, exitCode: message.includes('exit code: 2') ? 2 : 1 };
}

export const APPROVERS = ['alice@acme.example.com', 'dana@acme.example.com', 'farah@globex.example.com', 'ivan@initech.example.com'] as const;
