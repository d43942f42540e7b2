import { z } from 'zod';
import { NODE_STATUSES } from '@/lib/domain/node-status';
import { RUN_PHASES, RUN_RESULTS } from '@/lib/domain/run-phase';
import { ENGINE_SOURCES } from '@/lib/domain/run-source';
import { ManifestSchema, Timestamp, ulidId } from './schemas';

/**
 * The connector API: the contract between the server and a connector (`flowdeck sync …`) that imports the
 * runs of an engine Flowdeck does not run and carries operator actions back to it. A connector is an HTTP
 * client like the runner (FLOWDECK_URL, FLOWDECK_TOKEN, operator role).
 *
 * POST /api/v1/sources/{source}/import  { versions?: ImportVersion[], runs: ImportRun[] }
 *   → 200 ImportResult. Versions first (upserted by their key), then each run in its own transaction, so a
 *   run is imported whole or not at all. Idempotent: the same run sent twice is `unchanged` the second time;
 *   events are kept once by their engine id.
 * GET  /api/v1/sources/{source}/runs?cursor=&limit=  → { runs: [{ externalId, digest }], nextCursor }
 *   What the store already holds of this source, so a restarted connector sends only what changed.
 * POST /api/v1/sources/{source}/actions/claim  { connectorId, max? } → { actions: ClaimedAction[] }
 * POST /api/v1/sources/{source}/actions/{actionId}/complete  { connectorId, ok, error?, newExternalId? }
 */
export const EngineSourceParam = z.enum(ENGINE_SOURCES);
export const SourceParams = z.object({ source: EngineSourceParam });

/** An engine's own identifier (run, deployment, event): printable, no slashes or spaces. */
export const ExternalId = z
  .string()
  .min(1)
  .max(300)
  .regex(/^[\x21-\x7e]+$/, 'printable ASCII without spaces');
/** Node ids of imported runs: a step's short name, `.2`, `.3` … for its later calls in the same run. */
const ImportNodeId = z
  .string()
  .min(1)
  .max(200)
  .regex(/^[A-Za-z0-9_$][A-Za-z0-9._$-]*$/, 'letters, digits, . _ $ - only');
const EngineEventType = z.string().regex(/^[a-z][a-z0-9_]{0,59}$/, 'lower-case letters, digits and _');
const Json = z.json();

export const ImportVersion = z.strictObject({
  /** What identifies this version in the engine: a deployment id, or deployment id plus build digest. */
  key: ExternalId,
  label: z.string().min(1).max(100),
  deploymentId: ExternalId,
  /** The app's workflows and steps, from its build manifest; absent when the connector has none. */
  manifest: ManifestSchema.optional(),
  address: z
    .url({ protocol: /^(https?|file|postgres(ql)?)$/ })
    .max(2000)
    .optional(),
  /** This is where the engine starts new runs now: Flowdeck makes it current. */
  current: z.boolean().default(false),
});
export type ImportVersion = z.infer<typeof ImportVersion>;

export const ImportNode = z.strictObject({
  nodeId: ImportNodeId,
  kind: z.enum(['step', 'sleep', 'hook']),
  /** The engine's full name of the step (for the SDK: `step//./workflows/order//chargeCard`). */
  name: z.string().min(1).max(500),
  status: z.enum(NODE_STATUSES),
  attempt: z.number().int().min(0).max(1_000_000),
  needs: z.array(ImportNodeId).max(1000).default([]),
  startedAt: Timestamp.nullable(),
  finishedAt: Timestamp.nullable(),
  input: Json.optional(),
  output: Json.optional(),
  error: Json.optional(),
});
export type ImportNode = z.infer<typeof ImportNode>;

export const ImportEvent = z.strictObject({
  /** The engine's id of the event: an event is stored once per run and id. */
  id: ExternalId,
  /** The engine's own event type, kept as it is (`step_retrying`, `wait_created`, …). */
  type: EngineEventType,
  at: Timestamp,
  nodeId: ImportNodeId.optional(),
  data: z.record(z.string(), Json).default({}),
});
export type ImportEvent = z.infer<typeof ImportEvent>;

export const ImportWaiting = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('sleep'), nodeId: ImportNodeId, until: Timestamp }),
  z.strictObject({ kind: z.literal('hook'), nodeId: ImportNodeId, token: z.string().min(1).max(500), since: Timestamp }),
]);

export const ImportRun = z.strictObject({
  externalId: ExternalId,
  versionKey: ExternalId,
  /** Short workflow name (`processOrder`); the engine's full id is `workflowRef`. */
  workflow: z.string().min(1).max(200),
  workflowRef: z.string().min(1).max(500),
  /** The engine's own status word, shown beside Flowdeck's phase and result. */
  engineStatus: z.string().min(1).max(50),
  phase: z.enum(RUN_PHASES),
  result: z.enum(RUN_RESULTS),
  waiting: ImportWaiting.nullable(),
  createdAt: Timestamp,
  startedAt: Timestamp.nullable(),
  finishedAt: Timestamp.nullable(),
  input: Json,
  output: Json.optional(),
  error: Json.optional(),
  nodes: z.array(ImportNode).max(10_000),
  events: z.array(ImportEvent).max(50_000),
});
export type ImportRun = z.infer<typeof ImportRun>;

export const ImportBody = z.strictObject({
  versions: z.array(ImportVersion).max(100).default([]),
  runs: z.array(ImportRun).max(500),
});
export type ImportBody = z.infer<typeof ImportBody>;

export const IMPORT_OUTCOMES = ['imported', 'updated', 'unchanged', 'skipped'] as const;
export type ImportOutcome = (typeof IMPORT_OUTCOMES)[number];

export interface ImportResult {
  versions: { key: string; versionId: string; outcome: Exclude<ImportOutcome, 'skipped'> }[];
  runs: { externalId: string; runId: string | null; outcome: ImportOutcome; reason?: string; events: number }[];
}

export const SourceRunsQuery = z.object({
  cursor: ExternalId.optional(),
  limit: z.coerce.number().int().min(1).max(10_000).default(5_000),
});
export interface SourceRunsPage {
  runs: { externalId: string; digest: string }[];
  nextCursor: string | null;
}

export const ConnectorId = z.string().regex(/^[A-Za-z0-9._:-]{1,100}$/, '1-100 of letters, digits, . _ : -');
export const ActionClaimBody = z.strictObject({ connectorId: ConnectorId, max: z.number().int().min(1).max(100).default(10) });
export const ActionParams = z.object({ source: EngineSourceParam, actionId: ulidId('act') });
export const ActionCompleteBody = z.strictObject({
  connectorId: ConnectorId,
  ok: z.boolean(),
  error: z.string().min(1).max(4000).optional(),
  /** restart: the engine's id of the run it started. */
  newExternalId: ExternalId.optional(),
});

/** An operator action for the connector to carry out through the engine's own API. */
export interface ClaimedAction {
  id: string;
  kind: 'cancel' | 'deliver_hook' | 'restart';
  runId: string;
  externalRunId: string;
  /** deliver_hook: { token, payload }; restart: { deploymentId, versionId }; cancel: {}. */
  payload: Record<string, unknown>;
  attempts: number;
}
