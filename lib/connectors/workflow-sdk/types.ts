import { z } from 'zod';

/**
 * The records of a Workflow SDK "world" (npm `workflow`, @workflow/world 4.x and 5.x), as the readers find
 * them in a world-local data directory or a world-postgres database. Serialized values (`input`, `output`,
 * `eventData.result`, …) are kept raw — a world-local `{ __type: 'Uint8Array', data }` object, a Uint8Array
 * from a bytea column, or a legacy JSON value — and decoded by `decode.ts` when mapped.
 *
 * The schemas are lenient on purpose: they check only what the mapping relies on, keep status and event
 * type words as strings (a newer SDK may add some), and accept dates as ISO strings or Date objects.
 */

/** SDK run and step statuses known to @workflow/world 4.5 and 5.0 (WorkflowRunStatusSchema, StepStatusSchema). */
export const SDK_RUN_STATUSES = ['pending', 'running', 'completed', 'failed', 'cancelled'] as const;
export type SdkRunStatus = (typeof SDK_RUN_STATUSES)[number];
export const SDK_STEP_STATUSES = ['pending', 'running', 'completed', 'failed', 'cancelled'] as const;
export type SdkStepStatus = (typeof SDK_STEP_STATUSES)[number];

const date = z.coerce.date().refine((d) => !Number.isNaN(d.getTime()), 'invalid date');
const optionalDate = z.preprocess((v) => (v === null ? undefined : v), date.optional());
/** world-postgres created `workflow_runs.spec_version` as varchar (migration 0005), so a number may come as text. */
const optionalNumber = z.preprocess((v) => (v === null ? undefined : typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : v), z.number().optional());
const optionalString = z.preprocess((v) => (v === null ? undefined : v), z.string().optional());

/** A serialized value exactly as stored: never interpreted here. */
const raw = z.unknown().optional();

export const SdkRunSchema = z.object({
  runId: z.string().min(1),
  deploymentId: z.string(),
  workflowName: z.string().min(1),
  status: z.string().min(1),
  specVersion: optionalNumber,
  executionContext: z.record(z.string(), z.unknown()).nullish(),
  input: raw,
  output: raw,
  /** A StructuredError `{ message, stack?, code? }` (not serialized), or a legacy string. */
  error: raw,
  createdAt: date,
  updatedAt: date,
  startedAt: optionalDate,
  completedAt: optionalDate,
  expiredAt: optionalDate,
});
export type SdkRun = z.infer<typeof SdkRunSchema>;

export const SdkStepSchema = z.object({
  runId: z.string().min(1),
  stepId: z.string().min(1),
  stepName: z.string().min(1),
  status: z.string().min(1),
  input: raw,
  output: raw,
  error: raw,
  attempt: z.number().int().min(0),
  createdAt: date,
  updatedAt: date,
  startedAt: optionalDate,
  completedAt: optionalDate,
  retryAfter: optionalDate,
  specVersion: optionalNumber,
});
export type SdkStep = z.infer<typeof SdkStepSchema>;

export const SdkEventSchema = z.object({
  runId: z.string().min(1),
  eventId: z.string().min(1),
  eventType: z.string().min(1),
  correlationId: optionalString,
  /** Plain fields (stepName, token, resumeAt, error, …) beside serialized ones (input, result, output, payload, metadata). */
  eventData: z.preprocess((v) => (v === null ? undefined : v), z.record(z.string(), z.unknown()).optional()),
  createdAt: date,
  specVersion: optionalNumber,
});
export type SdkEvent = z.infer<typeof SdkEventSchema>;

export const SdkHookSchema = z.object({
  runId: z.string().min(1),
  hookId: z.string().min(1),
  token: z.string(),
  metadata: raw,
  createdAt: date,
  isWebhook: z.boolean().nullish(),
  specVersion: optionalNumber,
});
export type SdkHook = z.infer<typeof SdkHookSchema>;

export const SdkWaitSchema = z.object({
  /** `${runId}-${correlationId}` in both worlds. */
  waitId: z.string().min(1),
  runId: z.string().min(1),
  status: z.string().min(1),
  resumeAt: optionalDate,
  completedAt: optionalDate,
  createdAt: date,
  updatedAt: date,
  specVersion: optionalNumber,
});
export type SdkWait = z.infer<typeof SdkWaitSchema>;

/**
 * Everything a world holds for one run. `events` are in the world's own order (world-local: createdAt then
 * eventId; world-postgres: id). Hooks and waits are the live entities only: both worlds delete them when the
 * run ends, so the event log is the lasting record of them.
 */
export interface SdkRunSnapshot {
  run: SdkRun;
  steps: SdkStep[];
  events: SdkEvent[];
  hooks: SdkHook[];
  waits: SdkWait[];
}

/** A run the reader could not read whole (a malformed file or row): report it and skip it this round. */
export interface RunProblem {
  runId: string;
  problem: string;
}

export interface SdkReadResult {
  runs: SdkRunSnapshot[];
  problems: RunProblem[];
}

export function isRunProblem(value: SdkRunSnapshot | RunProblem): value is RunProblem {
  return 'problem' in value;
}

/** A zod failure as one short line, for a `RunProblem`. */
export function describeIssue(what: string, error: z.ZodError): string {
  const issue = error.issues[0];
  const where = issue && issue.path.length > 0 ? ` at ${issue.path.join('.')}` : '';
  return `${what}: ${issue?.message ?? 'invalid'}${where}`;
}
