import { z } from 'zod';
import { COMMIT_ENTITIES } from '@/lib/domain/commit-format';
import { DIGEST_PATTERN } from '@/lib/domain/digest-format';
import { EVENT_TYPES } from '@/lib/domain/event-types';
import { ID_KIND_NAMES, type IdPrefix, idPattern } from '@/lib/domain/ids';
import { UPGRADE_STRATEGIES } from '@/lib/domain/job-status';
import { NEED_CONDITIONS, NODE_STATUSES } from '@/lib/domain/node-status';
import { isPrototypeKey } from '@/lib/domain/own';
import { normalizeRunFilters } from '@/lib/domain/run-list-filters';
import type { RunEvent } from '@/lib/domain/run-machine';
import { ACTIVE_PHASES, FINISH_RESULTS, RUN_PHASES, RUN_RESULTS } from '@/lib/domain/run-phase';
import { RUN_SOURCES } from '@/lib/domain/run-source';
import {
  DEFAULT_LEASE_SECONDS,
  HOOK_TOKEN_PATTERN,
  MAX_CLAIM_CAPACITY,
  MAX_LEASE_SECONDS,
  MIN_LEASE_SECONDS,
  RUNNER_HOOK_TOKEN_PATTERN,
  RUNNER_ID_PATTERN,
} from '@/lib/domain/runner-lease';
import { SUNSET_MODES } from '@/lib/domain/version-status';

/** Request and parameter schemas shared by route handlers, pages and clients. */
export const Digest = z.string().regex(DIGEST_PATTERN, 'must be sha256:<64 lowercase hex>');

/** A prefixed ULID id of one kind: `ulidId('run')` refuses anything else with `must be a run id (run_…)`. */
export function ulidId(prefix: IdPrefix) {
  const name = ID_KIND_NAMES[prefix];
  return z.string().regex(idPattern(prefix), `must be ${/^[aeiou]/.test(name) ? 'an' : 'a'} ${name} id (${prefix}_…)`);
}
export const RunId = ulidId('run');
export const VersionId = ulidId('vers');
/** Names that every JavaScript object already answers to (`constructor`, `__proto__`) are refused. */
const notReserved = (name: string) => !isPrototypeKey(name);
export const NodeId = z
  .string()
  .min(1)
  .max(200)
  .regex(/^[A-Za-z0-9._-]+$/, 'letters, digits, . _ - only')
  .refine(notReserved, 'is a reserved name');
export const GroupPath = z
  .string()
  .min(1)
  .max(500)
  .regex(/^[A-Za-z0-9._-]+(\/[A-Za-z0-9._-]+)*$/, 'segments of letters, digits, . _ - separated by /')
  .refine((p) => p.split('/').every((seg) => seg !== '.' && seg !== '..'), 'no . or .. segments');
const Name = z
  .string()
  .min(1)
  .max(200)
  .regex(/^[A-Za-z0-9._-]+$/, 'letters, digits, . _ - only')
  .refine(notReserved, 'is a reserved name');
const EARLIEST = Date.parse('0001-01-01T00:00:00Z');
const LATEST = Date.parse('9999-12-31T23:59:59.999Z');
/** An ISO date-time with an offset, within years 1–9999 in UTC (what the store's timestamps hold). */
export const Timestamp = z.iso.datetime({ offset: true }).refine((s) => {
  const t = Date.parse(s);
  return t >= EARLIEST && t <= LATEST;
}, 'must be between the years 0001 and 9999 (UTC)');
/** A position in an integer sequence column (events.seq). */
const Seq = z.coerce.number().int().min(0).max(2_147_483_647);
const Json = z.json();
export const RunnerId = z.string().regex(RUNNER_ID_PATTERN, '1-100 of letters, digits, . _ : -');
export const HookToken = z.string().regex(HOOK_TOKEN_PATTERN, '8-200 of letters, digits, . _ ~ -');
/** An engine call made under a runner's lease: refused (409 lease_lost) unless that runner holds it. */
export const RunnerLease = z.strictObject({ runnerId: RunnerId });

export const RunParams = z.object({ runId: RunId });
export const NodeParams = z.object({ runId: RunId, nodeId: NodeId });
export const DigestParams = z.object({ digest: Digest });

export const CreateRunBody = z.strictObject({
  workflow: Name,
  versionId: VersionId.optional(),
  groupPath: GroupPath,
  // A run's input is a stored JSON document: null would be no document at all (leave input out for {}).
  input: Json.refine((value) => value !== null, 'must not be null (leave it out for {})').default({}),
  setupErrors: z.array(z.string().min(1).max(2000)).max(100).optional(),
});

const at = { at: Timestamp };
const node = { at: Timestamp, nodeId: NodeId };
export const IngestEvent = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('run_started'), ...at }),
  z.strictObject({ type: z.literal('run_paused'), ...at, reason: z.string().max(2000).optional() }),
  z.strictObject({ type: z.literal('run_resumed'), ...at }),
  z.strictObject({ type: z.literal('run_cancelled'), ...at, reason: z.string().max(2000).optional() }),
  z.strictObject({ type: z.literal('run_finished'), ...at, result: z.enum(FINISH_RESULTS), output: Json.optional(), error: Json.optional() }),
  z.strictObject({ type: z.literal('node_started'), ...node, staged: z.record(NodeId, Digest).optional() }),
  z.strictObject({ type: z.literal('node_succeeded'), ...node, output: Json.optional() }),
  z.strictObject({ type: z.literal('node_failed'), ...node, error: Json.optional() }),
  z.strictObject({ type: z.literal('node_skipped'), ...node, reason: z.string().max(2000).optional() }),
  z.strictObject({ type: z.literal('sleep_started'), ...node, until: Timestamp }),
  z.strictObject({ type: z.literal('sleep_woken'), ...node }),
  z.strictObject({ type: z.literal('hook_created'), ...node, token: HookToken }),
  z.strictObject({ type: z.literal('hook_received'), ...node, token: HookToken, payload: Json.optional() }),
]);

/**
 * The events an engine sends are the run state machine's (less node_requeued, which the store writes
 * itself): the same types with the same fields. `tsc` fails here when the two drift apart.
 */
type IngestEventOut = z.output<typeof IngestEvent>;
type EngineEvent = Exclude<RunEvent, { type: 'node_requeued' }>;
/** `run_paused.reason`, … : every field of every event type. */
type FieldPaths<E> = E extends { type: infer T extends string } ? `${T}.${Extract<keyof E, string>}` : never;
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const ingestEventsAreRunEvents: Same<FieldPaths<IngestEventOut>, FieldPaths<EngineEvent>> & (IngestEventOut extends EngineEvent ? true : false) = true;
void ingestEventsAreRunEvents;

export const EventBatchBody = z.strictObject({ events: z.array(IngestEvent).min(1).max(1000), lease: RunnerLease.optional() }).superRefine((body, ctx) => {
  if (!body.lease) return;
  body.events.forEach((e, i) => {
    if (e.type === 'hook_created' && !RUNNER_HOOK_TOKEN_PATTERN.test(e.token)) {
      ctx.addIssue({ code: 'custom', path: ['events', i, 'token'], message: "a runner's hook token needs ≥ 128 bits: at least 32 of letters, digits, _ -" });
    }
  });
});

export const ArtifactManifestBody = z.strictObject({ digest: z.union([z.literal(''), Digest]), lease: RunnerLease.optional() });

const LeaseSeconds = z.number().int().min(MIN_LEASE_SECONDS).max(MAX_LEASE_SECONDS).default(DEFAULT_LEASE_SECONDS);
const RunIdList = z.array(RunId).max(1000);
export const RunnerClaimBody = z.strictObject({ runnerId: RunnerId, capacity: z.number().int().min(1).max(MAX_CLAIM_CAPACITY), leaseSeconds: LeaseSeconds });
export const RunnerHeartbeatBody = z.strictObject({ runnerId: RunnerId, runIds: RunIdList, leaseSeconds: LeaseSeconds });
export const RunnerReleaseBody = z.strictObject({ runnerId: RunnerId, runIds: RunIdList });
export const HookParams = z.object({ token: HookToken });
export const HookBody = z.strictObject({ payload: Json.optional() });
/** Producer node id → manifest digest staged from it. */
export const StagedMap = z.record(NodeId, Digest).refine((m) => Object.keys(m).length <= 100, 'at most 100 producers');
export const CacheQuery = z.strictObject({
  signature: Digest,
  /** The staged map as JSON (canonical JSON recommended; key order does not matter); absent = `{}`. */
  staged: z
    .string()
    .max(20_000)
    .transform((text, ctx) => {
      try {
        return JSON.parse(text) as unknown;
      } catch {
        ctx.addIssue({ code: 'custom', message: 'must be a JSON object of producer node id → manifest digest' });
        return z.NEVER;
      }
    })
    .pipe(StagedMap)
    .optional()
    .transform((m) => m ?? {}),
});
export type CacheQuery = z.infer<typeof CacheQuery>;

export const ManifestEntrySchema = z.strictObject({
  path: z.string().min(1).max(1000),
  digest: Digest,
  size: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
});
export const ManifestBody = z.array(ManifestEntrySchema).max(10_000);

const csv = <T extends readonly [string, ...string[]]>(values: T) =>
  z
    .string()
    .transform((s) => s.split(',').filter(Boolean))
    .pipe(z.array(z.enum(values)).max(values.length))
    .describe(`comma-separated, any of: ${values.join(', ')}`);

/** Run list filters, as URL search params (pages) and query params (API). */
export const RunFilters = z.strictObject({
  phase: csv(RUN_PHASES).optional(),
  result: csv(RUN_RESULTS).optional(),
  workflow: Name.optional(),
  version: VersionId.optional(),
  group: z
    .string()
    .max(500)
    .regex(/^[A-Za-z0-9._/-]*$/)
    .optional(),
  q: z
    .string()
    .max(40)
    .regex(/^[A-Za-z0-9_]*$/)
    .optional(),
  from: Timestamp.optional(),
  to: Timestamp.optional(),
  source: z.enum(RUN_SOURCES).optional(),
});
export type RunFilters = z.infer<typeof RunFilters>;

/**
 * Run filters from a page's search params, leniently: unknown keys and invalid values are left out (a
 * stale or hand-edited link still opens), and the result is canonical, so equal filters give equal keys.
 */
export function parseRunFilters(params: Readonly<Record<string, string | string[] | undefined>>): RunFilters {
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(RunFilters.shape)) {
    const raw = params[key];
    const value = Array.isArray(raw) ? raw.at(-1) : raw;
    const parsed = value ? field.safeParse(value) : undefined;
    if (parsed?.success) out[key] = parsed.data;
  }
  return normalizeRunFilters(out as RunFilters);
}

export const RunListQuery = RunFilters.extend({
  cursor: RunId.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type RunListQuery = z.infer<typeof RunListQuery>;

export const NodeStatusSchema = z.enum(NODE_STATUSES);

export const EventQuery = z.strictObject({
  type: csv(EVENT_TYPES).optional(),
  node: NodeId.optional(),
  cursor: Seq.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export type EventQuery = z.infer<typeof EventQuery>;

/** The tabs of a run's page, in order; `?tab=` in its URL. */
export const RUN_TABS = ['graph', 'timeline', 'logs', 'events', 'io', 'history'] as const;
export type RunTab = (typeof RUN_TABS)[number];

/**
 * A run page's search params, leniently: an unknown tab falls back to the graph, a bad node id to none.
 * The Logs tab also takes the attempt and the line to open on (`?tab=logs&node=build&attempt=2&line=1234`).
 */
export const RunViewSearch = z.object({
  tab: z.enum(RUN_TABS).catch('graph'),
  node: NodeId.optional().catch(undefined),
  attempt: z.coerce.number().int().min(1).max(1_000_000).optional().catch(undefined),
  line: z.coerce.number().int().min(1).max(Number.MAX_SAFE_INTEGER).optional().catch(undefined),
});
export type RunViewSearch = z.infer<typeof RunViewSearch>;

export const JobId = ulidId('job');
export const CommitId = ulidId('cmt');
export const VersionParams = z.object({ id: VersionId });
export const JobParams = z.object({ id: JobId });
export const CommitParams = z.object({ id: CommitId });

const JsonSchemaObject = z.record(z.string(), Json);
const StepNeedSchema = z.strictObject({ step: NodeId, when: z.enum(NEED_CONDITIONS).optional() });
const StepSchema = z.strictObject({
  id: NodeId,
  needs: z.array(StepNeedSchema).max(100).optional(),
  run: z.string().min(1).max(10_000).optional(),
  sleep: z
    .string()
    .regex(/^\d+(ms|s|m|h|d)$/, 'a duration such as 30s, 15m, 2h, 7d')
    .optional(),
  hook: z.strictObject({ description: z.string().max(1000).optional() }).optional(),
  outputs: z.array(z.string().min(1).max(1000)).max(100).optional(),
});
export const ManifestSchema = z.strictObject({
  workflows: z
    .record(Name, z.strictObject({ description: z.string().max(2000).optional(), input: JsonSchemaObject, steps: z.array(StepSchema).min(1).max(10_000) }))
    .refine((w) => Object.keys(w).length > 0, 'at least one workflow'),
});
// Shown as a link in the dashboard: web addresses only (no javascript:, data: or file: URLs).
// Where the version is deployed: http(s), or file: for a manifest on this machine (never javascript: and the like — the dashboard links it).
const Address = z.url({ protocol: /^(https?|file)$/ }).max(2000);
const Label = z.string().min(1).max(100);
const SourceSchema = z.strictObject({ repo: z.string().max(500).optional(), commit: z.string().max(100).optional(), branch: z.string().max(200).optional() });
const Expected = z.number().int().min(1).optional();

export const CreateVersionBody = z.strictObject({
  manifest: ManifestSchema,
  label: Label.optional(),
  address: Address.optional(),
  source: SourceSchema.optional(),
});
export const UpdateVersionBody = z.strictObject({
  expectedVersion: Expected,
  label: Label.nullable().optional(),
  address: Address.nullable().optional(),
  source: SourceSchema.nullable().optional(),
});
export const ExpectedBody = z.strictObject({ expectedVersion: Expected, reason: z.string().min(1).max(2000).optional() });
export const SunsetBody = z.strictObject({ mode: z.enum(SUNSET_MODES).default('safe'), reason: z.string().max(2000).optional(), expectedVersion: Expected });
export const UpgradeBody = z.strictObject({
  targetVersionId: VersionId,
  strategy: z.enum(UPGRADE_STRATEGIES),
  dryRun: z.boolean().default(false),
  expectedVersion: Expected,
});
export const BulkUpgradeBody = z.strictObject({
  targetVersionId: VersionId,
  strategy: z.enum(UPGRADE_STRATEGIES),
  dryRun: z.boolean().default(false),
  filter: z
    .strictObject({
      workflow: Name.optional(),
      phase: z.array(z.enum(ACTIVE_PHASES)).max(ACTIVE_PHASES.length).optional(),
      group: z.string().max(500).optional(),
    })
    .optional(),
});
export const DiffQuery = z.strictObject({ against: VersionId });
export const CommitQuery = z.strictObject({
  entity: z.enum(COMMIT_ENTITIES).optional(),
  id: z
    .string()
    .max(40)
    .regex(/^[a-z]+_[0-9A-Z]{26}$/)
    .optional(),
  actor: z.string().max(200).optional(),
  action: z.string().max(100).optional(),
  cursor: z.coerce.number().int().min(0).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

/** The tabs of a version's page, in order; `?tab=` in its URL (`against` is the diff's other version). */
export const VERSION_TABS = ['overview', 'drain', 'diff', 'history'] as const;
export type VersionTab = (typeof VERSION_TABS)[number];

/** A version page's search params, leniently: an unknown tab falls back to the overview. */
export const VersionViewSearch = z.object({
  tab: z.enum(VERSION_TABS).catch('overview'),
  against: VersionId.optional().catch(undefined),
});
export type VersionViewSearch = z.infer<typeof VersionViewSearch>;

/** Commit log filters, as URL search params (page) and query params (API). */
export const CommitFilters = CommitQuery.pick({ entity: true, id: true, actor: true, action: true });
export type CommitFilters = z.infer<typeof CommitFilters>;

/** Commit filters from a page's search params, leniently: invalid values are left out, empty ones too. */
export function parseCommitFilters(params: Readonly<Record<string, string | string[] | undefined>>): CommitFilters {
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(CommitFilters.shape)) {
    const raw = params[key];
    const value = Array.isArray(raw) ? raw.at(-1) : raw;
    const parsed = value ? field.safeParse(value) : undefined;
    if (parsed?.success && parsed.data !== undefined) out[key] = parsed.data;
  }
  return out as CommitFilters;
}

/** Keyset page size of the commit log. */
export const COMMIT_PAGE_SIZE = 50;
