import type { StepDefinition, WorkflowDefinition } from '@/lib/domain/manifest';

/** Data, ML and operations workflows of the demo code base; each takes the code base's revision (0 = oldest). */

const SCHEMA = 'https://json-schema.org/draft/2020-12/schema';

export const ETL_SOURCES = ['orders', 'customers', 'payments'] as const;

export function nightlyEtlWorkflow(rev: number): WorkflowDefinition {
  const extracts: StepDefinition[] = ETL_SOURCES.map((source) => ({
    id: `extract-${source}`,
    run: `python -m etl.extract --source ${source} --date "$RUN_DATE" --out "s3://acme-lake/raw/${source}/dt=$RUN_DATE/"`,
  }));
  const validates: StepDefinition[] = ETL_SOURCES.map((source) => ({
    id: `validate-${source}`,
    needs: [{ step: `extract-${source}` }],
    run: `great_expectations checkpoint run ${source}_raw --batch-date "$RUN_DATE"`,
  }));
  // Revision 3 adds a dedupe step between validation and the transform.
  const dedupe: StepDefinition[] =
    rev >= 3
      ? [{ id: 'dedupe-orders', needs: [{ step: 'validate-orders' }], run: 'python -m etl.dedupe --table orders --key order_id --date "$RUN_DATE"' }]
      : [];
  const transformNeeds = [...(rev >= 3 ? ['dedupe-orders'] : ['validate-orders']), 'validate-customers', 'validate-payments'];
  return {
    description: 'Nightly extract, validate, transform and load into the warehouse, then reconcile',
    input: {
      $schema: SCHEMA,
      type: 'object',
      required: ['date', 'warehouse'],
      properties: {
        date: { type: 'string', format: 'date' },
        warehouse: { enum: ['snowflake-prod', 'snowflake-staging', 'bigquery-analytics'] },
        sources: { type: 'array', items: { enum: [...ETL_SOURCES] }, minItems: 1, uniqueItems: true },
        fullRefresh: { type: 'boolean', default: false },
      },
      additionalProperties: false,
    },
    steps: [
      ...extracts,
      ...validates,
      ...dedupe,
      {
        id: 'transform',
        needs: transformNeeds.map((step) => ({ step })),
        run: 'dbt build --select staging+ marts.finance --vars "{run_date: $RUN_DATE}" --target "$WAREHOUSE"',
        outputs: ['target/run_results.json', 'target/manifest-summary.txt'],
      },
      { id: 'load-warehouse', needs: [{ step: 'transform' }], run: 'python -m etl.load --target "$WAREHOUSE" --date "$RUN_DATE" --merge' },
      { id: 'refresh-views', needs: [{ step: 'load-warehouse' }], run: 'dbt run-operation refresh_materialized_views --target "$WAREHOUSE"' },
      { id: 'reconcile', needs: [{ step: 'load-warehouse' }], run: 'python -m etl.reconcile --date "$RUN_DATE" --tolerance 0.001' },
      {
        id: 'publish-report',
        needs: [{ step: 'reconcile' }, { step: 'refresh-views' }],
        run: 'python -m etl.report --date "$RUN_DATE" --out reports/etl-summary.json',
        outputs: ['reports/etl-summary.json'],
      },
      {
        id: 'notify-failure',
        needs: [{ step: 'load-warehouse', when: 'on_failure' }],
        run: './bin/pagerduty-event --service data-platform --severity error --summary "warehouse load failed $RUN_DATE"',
      },
      {
        id: 'report-skipped',
        needs: [{ step: 'reconcile', when: 'on_skipped' }],
        run: './bin/slack-post "#data-eng" "Reconciliation skipped for $RUN_DATE"',
      },
    ],
  };
}

export function mlTrainWorkflow(rev: number): WorkflowDefinition {
  return {
    description: 'Fetch a dataset snapshot, train and evaluate a model, register it after review',
    input: {
      $schema: SCHEMA,
      type: 'object',
      required: ['model', 'datasetVersion'],
      properties: {
        model: { enum: ['churn-xgb', 'fraud-gbdt', 'ranker-bert'] },
        datasetVersion: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}\\.\\d+$' },
        epochs: { type: 'integer', minimum: 1, maximum: 200, default: 20 },
        learningRate: { type: 'number', exclusiveMinimum: 0, maximum: 1, default: 0.001 },
        gpu: { enum: ['a10g', 'a100', 'h100'], default: 'a10g' },
      },
      additionalProperties: false,
    },
    steps: [
      {
        id: 'fetch-dataset',
        run: 'dvc pull "data/$MODEL@$DATASET_VERSION" && dvc status --json > data/manifest.json',
        outputs: ['data/manifest.json'],
      },
      {
        id: 'preprocess',
        needs: [{ step: 'fetch-dataset' }],
        run: 'python -m train.features --model "$MODEL" --in data --out features',
        outputs: ['features/stats.json'],
      },
      {
        id: 'train',
        needs: [{ step: 'preprocess' }],
        // Revision 4 changes the training hyperparameters.
        run:
          rev >= 4
            ? 'torchrun --nproc-per-node 4 -m train.fit --model "$MODEL" --epochs "$EPOCHS" --lr "$LR" --warmup 500 --amp bf16 --out model'
            : 'python -m train.fit --model "$MODEL" --epochs "$EPOCHS" --lr "$LR" --out model',
        outputs: ['model/config.json', 'model/train.log'],
      },
      {
        id: 'evaluate',
        needs: [{ step: 'train' }],
        run: 'python -m train.evaluate --model model --split holdout --out metrics.json',
        outputs: ['metrics.json'],
      },
      {
        id: 'compare-baseline',
        needs: [{ step: 'evaluate' }],
        run: 'python -m train.compare --candidate metrics.json --baseline "models:/$MODEL/Production" --min-delta 0.002',
      },
      { id: 'approve-promotion', needs: [{ step: 'compare-baseline' }], hook: { description: 'Model review sign-off' } },
      {
        id: 'register-model',
        needs: [{ step: 'approve-promotion' }],
        run: 'mlflow models register --model-uri runs:/"$MLFLOW_RUN_ID"/model --name "$MODEL"',
      },
      { id: 'notify-failure', needs: [{ step: 'train', when: 'on_failure' }], run: './bin/slack-post "#ml-platform" "Training failed for $MODEL"' },
      {
        id: 'report-skipped',
        needs: [{ step: 'register-model', when: 'on_skipped' }],
        run: './bin/slack-post "#ml-platform" "Model $MODEL not registered"',
      },
    ],
  };
}

export const REGIONS = ['us-east-1', 'eu-west-1', 'ap-southeast-2'] as const;

export function customerOnboardingWorkflow(rev: number): WorkflowDefinition {
  const properties: Record<string, unknown> = {
    customerId: { type: 'string', pattern: '^cus_[A-Za-z0-9]{14}$' },
    email: { type: 'string', format: 'email' },
    plan: { enum: ['free', 'team', 'business', 'enterprise'] },
    seats: { type: 'integer', minimum: 1, maximum: 10000 },
  };
  const required = ['customerId', 'email', 'plan'];
  // Revision 6 adds a required field: runs created before it fail the new schema.
  if (rev >= 6) {
    properties.region = { enum: [...REGIONS] };
    required.push('region');
  }
  return {
    description: 'Create the account and tenant, welcome the customer, follow up when the trial ends',
    input: { $schema: SCHEMA, type: 'object', required, properties, additionalProperties: false },
    steps: [
      { id: 'create-account', run: 'node scripts/accounts.mjs create --customer "$CUSTOMER_ID" --plan "$PLAN"' },
      {
        id: 'provision-tenant',
        needs: [{ step: 'create-account' }],
        run: 'terraform -chdir=tenants apply -auto-approve -var "tenant=$CUSTOMER_ID" -var "region=${REGION:-us-east-1}"',
      },
      {
        id: 'seed-sample-data',
        needs: [{ step: 'provision-tenant' }],
        run: 'node scripts/tenants.mjs seed --tenant "$CUSTOMER_ID" --dataset starter',
      },
      { id: 'send-welcome-email', needs: [{ step: 'provision-tenant' }], run: 'node scripts/mail.mjs send welcome --to "$EMAIL" --plan "$PLAN"' },
      { id: 'wait-trial', needs: [{ step: 'send-welcome-email' }], sleep: '7d' },
      {
        id: 'trial-followup',
        needs: [{ step: 'wait-trial' }],
        run: 'node scripts/mail.mjs send trial-ending --to "$EMAIL" && node scripts/crm.mjs task --owner sales',
      },
      {
        id: 'notify-failure',
        needs: [{ step: 'provision-tenant', when: 'on_failure' }],
        run: './bin/slack-post "#onboarding" "Tenant provisioning failed for $CUSTOMER_ID"',
      },
    ],
  };
}

export const DATABASES = ['billing-primary', 'orders-primary', 'identity-primary'] as const;

export function dbBackupWorkflow(): WorkflowDefinition {
  return {
    description: 'Logical backup of a database to object storage, verified by a restore listing',
    input: {
      $schema: SCHEMA,
      type: 'object',
      required: ['database', 'retentionDays'],
      properties: {
        database: { enum: [...DATABASES] },
        retentionDays: { type: 'integer', minimum: 1, maximum: 400 },
        compress: { enum: ['zstd', 'gzip', 'none'], default: 'zstd' },
      },
      additionalProperties: false,
    },
    steps: [
      { id: 'snapshot', run: 'pg_dump --format=custom --compress=zstd:6 --file "backup/$DATABASE.dump" "$DATABASE_URL"' },
      {
        id: 'upload',
        needs: [{ step: 'snapshot' }],
        run: 'aws s3 cp "backup/$DATABASE.dump" "s3://acme-backups/$DATABASE/$(date -u +%F)/" && ./bin/backup-manifest > backup/manifest.json',
        outputs: ['backup/manifest.json'],
      },
      { id: 'verify', needs: [{ step: 'upload' }], run: 'pg_restore --list "backup/$DATABASE.dump" | wc -l | xargs ./bin/assert-min 100' },
    ],
  };
}
