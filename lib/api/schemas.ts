import { z } from 'zod';
import { DIGEST_PATTERN } from '@/lib/domain/digest-format';
import { EVENT_TYPES } from '@/lib/domain/event-types';
import { NODE_STATUSES } from '@/lib/domain/node-status';
import { RUN_PHASES, RUN_RESULTS } from '@/lib/domain/run-phase';

/** Request and parameter schemas shared by route handlers, pages and clients. */
export const Digest = z.string().regex(DIGEST_PATTERN, 'must be sha256:<64 lowercase hex>');
export const RunId = z.string().regex(/^run_[0-9A-HJKMNP-TV-Z]{26}$/, 'must be a run id (run_…)');
export const VersionId = z.string().regex(/^vers_[0-9A-HJKMNP-TV-Z]{26}$/, 'must be a version id (vers_…)');
export const NodeId = z.string().min(1).max(200).regex(/^[A-Za-z0-9._-]+$/, 'letters, digits, . _ - only');
export const GroupPath = z
  .string()
  .min(1)
  .max(500)
  .regex(/^[A-Za-z0-9._-]+(\/[A-Za-z0-9._-]+)*$/, 'segments of letters, digits, . _ - separated by /')
  .refine((p) => p.split('/').every((seg) => seg !== '.' && seg !== '..'), 'no . or .. segments');
const Name = z.string().min(1).max(200).regex(/^[A-Za-z0-9._-]+$/, 'letters, digits, . _ - only');
const Timestamp = z.iso.datetime({ offset: true });
const Json = z.json();

export const RunParams = z.object({ runId: RunId });
export const NodeParams = z.object({ runId: RunId, nodeId: NodeId });
export const DigestParams = z.object({ digest: Digest });

export const CreateRunBody = z.strictObject({
  workflow: Name,
  versionId: VersionId.optional(),
  groupPath: GroupPath,
  input: Json.default({}),
  setupErrors: z.array(z.string().min(1).max(2000)).max(100).optional(),
});

const at = { at: Timestamp };
const node = { at: Timestamp, nodeId: NodeId };
export const IngestEvent = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('run_started'), ...at }),
  z.strictObject({ type: z.literal('run_paused'), ...at, reason: z.string().max(2000).optional() }),
  z.strictObject({ type: z.literal('run_resumed'), ...at }),
  z.strictObject({ type: z.literal('run_cancelled'), ...at, reason: z.string().max(2000).optional() }),
  z.strictObject({ type: z.literal('run_finished'), ...at, result: z.enum(['success', 'failed']), output: Json.optional(), error: Json.optional() }),
  z.strictObject({ type: z.literal('node_started'), ...node, staged: z.record(NodeId, Digest).optional() }),
  z.strictObject({ type: z.literal('node_succeeded'), ...node, output: Json.optional() }),
  z.strictObject({ type: z.literal('node_failed'), ...node, error: Json.optional() }),
  z.strictObject({ type: z.literal('node_skipped'), ...node, reason: z.string().max(2000).optional() }),
  z.strictObject({ type: z.literal('sleep_started'), ...node, until: Timestamp }),
  z.strictObject({ type: z.literal('sleep_woken'), ...node }),
  z.strictObject({ type: z.literal('hook_created'), ...node, token: z.string().min(8).max(200) }),
  z.strictObject({ type: z.literal('hook_received'), ...node, token: z.string().min(8).max(200), payload: Json.optional() }),
]);
export const EventBatchBody = z.strictObject({ events: z.array(IngestEvent).min(1).max(1000) });

export const ArtifactManifestBody = z.strictObject({ digest: z.union([z.literal(''), Digest]) });

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
    .pipe(z.array(z.enum(values)).max(values.length));

/** Run list filters, as URL search params (pages) and query params (API). */
export const RunFilters = z.strictObject({
  phase: csv(RUN_PHASES).optional(),
  result: csv(RUN_RESULTS).optional(),
  workflow: Name.optional(),
  version: VersionId.optional(),
  group: z.string().max(500).regex(/^[A-Za-z0-9._/-]*$/).optional(),
  q: z.string().max(40).regex(/^[A-Za-z0-9_]*$/).optional(),
  from: Timestamp.optional(),
  to: Timestamp.optional(),
});
export type RunFilters = z.infer<typeof RunFilters>;

export const RunListQuery = RunFilters.extend({
  cursor: RunId.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type RunListQuery = z.infer<typeof RunListQuery>;

export const NodeStatusSchema = z.enum(NODE_STATUSES);

export const EventQuery = z.strictObject({
  type: csv(EVENT_TYPES).optional(),
  node: NodeId.optional(),
  cursor: z.coerce.number().int().min(0).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export type EventQuery = z.infer<typeof EventQuery>;
