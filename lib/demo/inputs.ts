import { inputProblems } from '@/lib/domain/input-schema';
import type { WorkflowDefinition } from '@/lib/domain/manifest';
import type { DemoWorkflow } from './manifests';
import type { Rng } from './random';
import { DATABASES, REGIONS } from './workflows-data';

/** The groups (org/team/pipeline) that run each workflow. */
export const GROUPS: Record<DemoWorkflow, readonly string[]> = {
  deploy: [
    'acme/billing/deploy',
    'acme/payments/deploy',
    'acme/identity/deploy',
    'globex/storefront/deploy',
    'globex/search/deploy',
    'initech/platform/deploy',
  ],
  'build-and-test': ['acme/web/ci', 'acme/payments/ci', 'globex/storefront/ci', 'globex/mobile/ci', 'initech/platform/ci'],
  release: ['acme/sdk/release', 'globex/mobile/release'],
  'nightly-etl': ['acme/payments/etl', 'acme/finance/etl', 'globex/analytics/etl'],
  'ml-train': ['globex/ml/train', 'globex/ml/ranking', 'acme/risk/train'],
  'customer-onboarding': ['acme/growth/onboarding', 'initech/sales/onboarding'],
  'db-backup': ['acme/platform/backup', 'globex/platform/backup', 'initech/platform/backup'],
};

const SERVICES: Record<string, readonly string[]> = {
  billing: ['billing-api', 'invoice-worker'],
  payments: ['payments-gateway', 'ledger'],
  identity: ['auth-service', 'session-store'],
  storefront: ['storefront-web', 'cart-api'],
  search: ['search-indexer', 'query-api'],
  platform: ['platform-gateway', 'edge-proxy'],
};

const REPOS: Record<string, string> = {
  web: 'acme/web-app',
  payments: 'acme/payments-service',
  storefront: 'globex/storefront',
  mobile: 'globex/mobile-app',
  platform: 'initech/platform',
};

const PEOPLE = ['alice', 'bob', 'chen', 'dana', 'emeka', 'farah', 'gus', 'hana', 'ivan', 'jo'] as const;
const ALNUM = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz0123456789';

function team(groupPath: string): string {
  return groupPath.split('/')[1] ?? 'platform';
}

function org(groupPath: string): string {
  return groupPath.split('/')[0] ?? 'acme';
}

export function personEmail(rng: Rng, groupPath: string): string {
  return `${rng.pick(PEOPLE)}@${org(groupPath)}.example.com`;
}

function day(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** A valid input for the workflow as the version at `rev` defines it. */
export function demoInput(workflow: DemoWorkflow, rev: number, groupPath: string, createdAt: number, rng: Rng): Record<string, unknown> {
  switch (workflow) {
    case 'deploy': {
      const input: Record<string, unknown> = {
        service: rng.pick(SERVICES[team(groupPath)] ?? ['platform-gateway']),
        environment: rng.chance(0.55) ? 'production' : 'staging',
        gitSha: rng.hex(40),
        branch: rng.chance(0.85) ? 'main' : `release/${day(createdAt).slice(0, 7)}`,
      };
      if (rng.chance(0.05)) input.skipTests = true;
      if (rev >= 2 && rng.chance(0.4)) input.canaryPercent = rng.pick([5, 10, 25, 50]);
      return input;
    }
    case 'build-and-test': {
      const pr = rng.int(1200, 4800);
      const onMain = rng.chance(0.25);
      return {
        repo: REPOS[team(groupPath)] ?? 'acme/web-app',
        ref: onMain ? 'main' : `refs/pull/${pr}/merge`,
        commitSha: rng.hex(40),
        ...(onMain ? {} : { pullRequest: pr }),
        nodeVersion: rng.weighted([
          ['22', 6],
          ['20', 2],
          ['24', 2],
        ] as const),
        coverage: rng.chance(0.9),
      };
    }
    case 'release': {
      const minor = Math.floor((createdAt / 86_400_000) % 40);
      const channel = rng.weighted([
        ['stable', 5],
        ['beta', 3],
        ['canary', 2],
      ] as const);
      return {
        version: `3.${minor}.${rng.int(0, 4)}${channel === 'stable' ? '' : `-${channel}.${rng.int(1, 6)}`}`,
        channel,
        prerelease: channel !== 'stable',
        releaseManager: personEmail(rng, groupPath),
      };
    }
    case 'nightly-etl':
      return {
        date: day(createdAt - 86_400_000),
        warehouse: rng.weighted([
          ['snowflake-prod', 6],
          ['snowflake-staging', 2],
          ['bigquery-analytics', 2],
        ] as const),
        sources: rng.chance(0.85) ? ['orders', 'customers', 'payments'] : ['orders', 'payments'],
        fullRefresh: rng.chance(0.05),
      };
    case 'ml-train':
      return {
        model: rng.pick(['churn-xgb', 'fraud-gbdt', 'ranker-bert'] as const),
        datasetVersion: `${day(createdAt)}.${rng.int(1, 4)}`,
        epochs: rng.pick([10, 20, 40, 80]),
        learningRate: rng.pick([0.0003, 0.001, 0.003]),
        gpu: rng.weighted([
          ['a10g', 5],
          ['a100', 3],
          ['h100', 2],
        ] as const),
      };
    case 'customer-onboarding': {
      let customerId = 'cus_';
      for (let i = 0; i < 14; i++) customerId += ALNUM[rng.int(0, ALNUM.length - 1)];
      const input: Record<string, unknown> = {
        customerId,
        email: `admin@${rng.pick(['northwind', 'contoso', 'fabrikam', 'tailspin', 'wingtip', 'adventure-works'])}${rng.int(1, 999)}.example`,
        plan: rng.weighted([
          ['free', 5],
          ['team', 3],
          ['business', 1.5],
          ['enterprise', 0.5],
        ] as const),
        seats: rng.int(1, 250),
      };
      if (rev >= 6)
        input.region = rng.weighted([
          [REGIONS[0], 5],
          [REGIONS[1], 3],
          [REGIONS[2], 2],
        ] as const);
      return input;
    }
    case 'db-backup':
      return {
        database: rng.pick(DATABASES),
        retentionDays: rng.pick([7, 30, 90, 365]),
        compress: rng.weighted([
          ['zstd', 8],
          ['gzip', 2],
        ] as const),
      };
    default: {
      const never: never = workflow;
      throw new Error(`unknown demo workflow ${String(never)}`);
    }
  }
}

const SETUP_FAILURES = [
  (g: string) => `secret DEPLOY_TOKEN is not available to group ${g}`,
  (g: string) => `runner pool "gpu-a100" has no capacity for group ${g} (quota 8/8)`,
  () => 'workspace volume could not be mounted: permission denied',
];

/**
 * An input the workflow's schema refuses, with the setup errors `createRun` would record for it:
 * a missing required field, a value outside an enum, or a wrong type; sometimes a non-input problem.
 */
export function brokenInput(definition: WorkflowDefinition, valid: Record<string, unknown>, groupPath: string, rng: Rng) {
  if (rng.chance(0.25)) {
    return { input: valid, setupErrors: [rng.pick(SETUP_FAILURES)(groupPath)] };
  }
  const input = { ...valid };
  const required = (definition.input.required as string[] | undefined) ?? [];
  const keys = Object.keys(input);
  const mutation = rng.int(0, 2);
  const key = rng.pick(keys);
  if (mutation === 0 && required.length > 0) delete input[rng.pick(required)];
  else if (mutation === 1) input[key] = typeof input[key] === 'string' ? 42 : 'yes';
  else input.unexpected = rng.pick(['dryrun', 'force', 'debug']);
  const setupErrors = inputProblems(definition.input, input).map((p) => `input ${p.path}: ${p.message}`);
  if (setupErrors.length === 0) setupErrors.push('input /: must match the workflow input schema');
  return { input, setupErrors };
}
