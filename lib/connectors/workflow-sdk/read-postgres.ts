import { decode } from 'cbor-x';
import type { Pool, PoolClient } from 'pg';
import type { z } from 'zod';
import {
  describeIssue,
  type RunProblem,
  SdkEventSchema,
  SdkHookSchema,
  type SdkReadResult,
  SdkRunSchema,
  type SdkRunSnapshot,
  SdkStepSchema,
  SdkWaitSchema,
} from './types';

/**
 * Reads a world-postgres database (@workflow/world-postgres, schema `workflow`) without writing to it.
 *
 * Values are taken from the `*_cbor` bytea columns, decoded with cbor-x exactly as the world's drizzle
 * column type does (drizzle/cbor.js), or, where that is null, from the deprecated jsonb column that older
 * versions wrote (errors: the old `error` text column, JSON or a plain message). Timestamps are `timestamp`
 * without time zone holding UTC wall-clock time (drizzle writes `toISOString()`), so they are read
 * `at time zone 'UTC'`.
 *
 * Change detection: `workflow_runs.updated_at` moves only with the run's own events (started, completed,
 * failed, cancelled); a step finishing, a hook receiving or a wait ending only adds rows to
 * `workflow_events` (storage.js). So a run has changed when its run row was updated or it got events, and
 * `changedRuns` pages over greatest(updated_at, latest event created_at) with a (changedAt, runId) keyset.
 * `created_at` is the inserting transaction's now(), so a transaction that commits late can land behind a
 * cursor already passed: start each pass a little before the previous cursor (a few seconds); importing a
 * run twice is harmless. Neither column is indexed by world-postgres, so a pass scans both tables.
 */
export interface PgChangeCursor {
  /** ISO time with microseconds (the columns' precision), UTC. */
  at: string;
  runId: string;
}

export interface PgChangedRuns {
  runs: { runId: string; changedAt: string }[];
  /** Where the next call starts: the last run returned, or null when none were (keep the cursor you have). */
  cursor: PgChangeCursor | null;
  /** A full page was returned: call again for more. */
  more: boolean;
}

export interface PostgresWorldReader {
  changedRuns(since: PgChangeCursor | null, limit: number): Promise<PgChangedRuns>;
  /** Whole runs in one read-only snapshot (a few set-based queries for all of them). */
  readRuns(runIds: readonly string[]): Promise<SdkReadResult>;
  readRun(runId: string): Promise<SdkRunSnapshot | RunProblem>;
}

type Queryable = Pick<Pool, 'connect' | 'query'>;
type Row = Record<string, unknown>;

const utc = (column: string) => `${column} at time zone 'UTC' as ${column}`;
const stamps = (...columns: string[]) => columns.map(utc).join(', ');

const QUERIES = {
  runs: `select id, deployment_id, status, name, spec_version, execution_context, execution_context_cbor, input, input_cbor,
           output, output_cbor, error, error_cbor, ${stamps('created_at', 'updated_at', 'started_at', 'completed_at', 'expired_at')}
         from workflow.workflow_runs where id = any($1)`,
  steps: `select run_id, step_id, step_name, status, input, input_cbor, output, output_cbor, error, error_cbor, attempt, spec_version,
            ${stamps('created_at', 'updated_at', 'started_at', 'completed_at', 'retry_after')}
          from workflow.workflow_steps where run_id = any($1) order by run_id, created_at, step_id`,
  events: `select id, run_id, type, correlation_id, payload, payload_cbor, spec_version, ${utc('created_at')}
           from workflow.workflow_events where run_id = any($1) order by run_id, id`,
  hooks: `select run_id, hook_id, token, metadata, metadata_cbor, spec_version, is_webhook, ${utc('created_at')}
          from workflow.workflow_hooks where run_id = any($1) order by run_id, created_at, hook_id`,
  waits: `select wait_id, run_id, status, spec_version, ${stamps('resume_at', 'completed_at', 'created_at', 'updated_at')}
          from workflow.workflow_waits where run_id = any($1) order by run_id, created_at, wait_id`,
} as const;

const CHANGED = `
  select run_id, to_char(max(at), 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as changed_at
  from (
    select id as run_id, updated_at as at from workflow.workflow_runs where updated_at >= $1::timestamp
    union all
    select run_id, created_at as at from workflow.workflow_events where created_at >= $1::timestamp
  ) changes
  group by run_id
  having (max(at), run_id) > ($1::timestamp, $2::varchar)
  order by max(at), run_id
  limit $3`;

export function readPostgresWorld(pool: Queryable): PostgresWorldReader {
  const reader: PostgresWorldReader = {
    async changedRuns(since, limit) {
      // `timestamp` ignores the zone of a literal: a UTC ISO string is the wall-clock time the column holds.
      const { rows } = await pool.query<{ run_id: string; changed_at: string }>(CHANGED, [since?.at ?? '-infinity', since?.runId ?? '', limit]);
      const runs = rows.map((r) => ({ runId: r.run_id, changedAt: r.changed_at }));
      const last = runs.at(-1);
      return { runs, cursor: last ? { at: last.changedAt, runId: last.runId } : null, more: runs.length === limit };
    },

    async readRuns(runIds) {
      const ids = [...new Set(runIds)];
      if (ids.length === 0) return { runs: [], problems: [] };
      const client: PoolClient = await pool.connect();
      let rows: Record<keyof typeof QUERIES, Row[]>;
      try {
        await client.query('begin isolation level repeatable read read only');
        const read = async (q: keyof typeof QUERIES) => (await client.query<Row>(QUERIES[q], [ids])).rows;
        rows = { runs: await read('runs'), steps: await read('steps'), events: await read('events'), hooks: await read('hooks'), waits: await read('waits') };
        await client.query('commit');
      } catch (error) {
        await client.query('rollback').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
      return assemble(ids, rows);
    },

    async readRun(runId) {
      const { runs, problems } = await reader.readRuns([runId]);
      return runs[0] ?? problems[0] ?? { runId, problem: 'not read' };
    },
  };
  return reader;
}

class RowProblem extends Error {}

function assemble(ids: string[], rows: Record<keyof typeof QUERIES, Row[]>): SdkReadResult {
  const problems = new Map<string, string>();
  const byRun = <T>(table: keyof typeof QUERIES, toRecord: (r: Row) => T) => {
    const out = new Map<string, T[]>();
    for (const row of rows[table]) {
      const runId = String(row.run_id ?? row.id);
      if (problems.has(runId)) continue;
      try {
        const record = toRecord(row);
        const list = out.get(runId);
        if (list) list.push(record);
        else out.set(runId, [record]);
      } catch (error) {
        problems.set(runId, `${table} row ${String(row.step_id ?? row.hook_id ?? row.wait_id ?? row.id)}: ${(error as Error).message}`);
      }
    }
    return out;
  };
  const runs = byRun('runs', (r) =>
    parse(SdkRunSchema, 'run row', {
      runId: r.id,
      deploymentId: r.deployment_id,
      status: r.status,
      workflowName: r.name,
      specVersion: r.spec_version,
      executionContext: column(r, 'execution_context'),
      input: column(r, 'input'),
      output: column(r, 'output'),
      error: errorColumn(r),
      createdAt: r.created_at,
      updatedAt: r.updated_at,
      startedAt: r.started_at,
      completedAt: r.completed_at,
      expiredAt: r.expired_at,
    }),
  );
  const steps = byRun('steps', (r) =>
    parse(SdkStepSchema, 'step row', {
      runId: r.run_id,
      stepId: r.step_id,
      stepName: r.step_name,
      status: r.status,
      input: column(r, 'input'),
      output: column(r, 'output'),
      error: errorColumn(r),
      attempt: r.attempt,
      specVersion: r.spec_version,
      createdAt: r.created_at,
      updatedAt: r.updated_at,
      startedAt: r.started_at,
      completedAt: r.completed_at,
      retryAfter: r.retry_after,
    }),
  );
  const events = byRun('events', (r) =>
    parse(SdkEventSchema, 'event row', {
      runId: r.run_id,
      eventId: r.id,
      eventType: r.type,
      correlationId: r.correlation_id,
      eventData: column(r, 'payload'),
      createdAt: r.created_at,
      specVersion: r.spec_version,
    }),
  );
  const hooks = byRun('hooks', (r) =>
    parse(SdkHookSchema, 'hook row', {
      runId: r.run_id,
      hookId: r.hook_id,
      token: r.token,
      metadata: column(r, 'metadata'),
      createdAt: r.created_at,
      isWebhook: r.is_webhook,
      specVersion: r.spec_version,
    }),
  );
  const waits = byRun('waits', (r) =>
    parse(SdkWaitSchema, 'wait row', {
      waitId: r.wait_id,
      runId: r.run_id,
      status: r.status,
      resumeAt: r.resume_at,
      completedAt: r.completed_at,
      createdAt: r.created_at,
      updatedAt: r.updated_at,
      specVersion: r.spec_version,
    }),
  );
  const result: SdkReadResult = { runs: [], problems: [] };
  for (const runId of ids) {
    const problem = problems.get(runId);
    const run = runs.get(runId)?.[0];
    if (problem) result.problems.push({ runId, problem });
    else if (!run) result.problems.push({ runId, problem: 'no such run' });
    else
      result.runs.push({ run, steps: steps.get(runId) ?? [], events: events.get(runId) ?? [], hooks: hooks.get(runId) ?? [], waits: waits.get(runId) ?? [] });
  }
  return result;
}

function parse<T>(schema: z.ZodType<T>, what: string, value: unknown): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new RowProblem(describeIssue(what, parsed.error));
  return parsed.data;
}

/** `<name>_cbor` decoded as drizzle's Cbor column type does, else the deprecated jsonb `<name>`. */
function column(row: Row, name: string): unknown {
  const cbor = row[`${name}_cbor`];
  if (cbor !== null && cbor !== undefined) {
    try {
      return decode(cbor as Buffer);
    } catch (error) {
      throw new RowProblem(`${name}_cbor is not CBOR: ${(error as Error).message}`);
    }
  }
  const json = row[name];
  return json === null ? undefined : json;
}

/** `error_cbor` (a StructuredError), else the old `error` text column: JSON of one, or a plain message. */
function errorColumn(row: Row): unknown {
  if (row.error_cbor !== null && row.error_cbor !== undefined) return column(row, 'error');
  const text = row.error;
  if (typeof text !== 'string' || text === '') return undefined;
  try {
    const parsed: unknown = JSON.parse(text);
    if (parsed !== null && typeof parsed === 'object' && 'message' in parsed) return parsed;
    return { message: String(parsed) };
  } catch {
    return { message: text };
  }
}
