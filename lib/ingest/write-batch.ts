import { type SQL, sql } from 'drizzle-orm';
import type { NodeSnapshot, RunEvent } from '@/lib/domain/run-machine';

/*
 * Set-based writes of one event batch: every changed node in one UPDATE and every event in one INSERT,
 * each carrying its rows as a single jsonb parameter, so a batch costs the same few statements whatever
 * its size. They are SQL fragments for the caller to run as data-modifying CTEs of the run's update (one
 * round trip). JSON null is SQL NULL here, as it is for drizzle's writes; timestamps go through Date, so
 * they keep millisecond precision like the rest of the store.
 */

const iso = (s: string | null) => (s === null ? null : new Date(s).toISOString());

/** The event's payload column: everything but its type, time and node. */
export function eventData(event: RunEvent): Record<string, unknown> {
  const { type: _type, at: _at, ...rest } = event;
  if ('nodeId' in rest) {
    const { nodeId: _nodeId, ...data } = rest;
    return data;
  }
  return rest;
}

/** Writes the given node snapshots of one run; undefined when there are none. */
export function updateNodesSql(runId: string, changed: [nodeId: string, node: NodeSnapshot][]): SQL | undefined {
  if (changed.length === 0) return undefined;
  const rows = changed.map(([nodeId, n]) => ({
    node_id: nodeId,
    status: n.status,
    attempt: n.attempt,
    started_at: iso(n.startedAt),
    finished_at: iso(n.finishedAt),
    output: n.output ?? null,
    error: n.error ?? null,
    staged_manifests: n.stagedManifests,
  }));
  return sql`
    update nodes as n
    set status = v.status::node_status, attempt = v.attempt, started_at = v.started_at, finished_at = v.finished_at,
        output = v.output, error = v.error, staged_manifests = v.staged_manifests
    from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as v(node_id text, status text, attempt integer,
         started_at timestamptz, finished_at timestamptz, output jsonb, error jsonb, staged_manifests jsonb)
    where n.run_id = ${runId} and n.node_id = v.node_id`;
}

/** Appends a batch to the run's event log, numbered from `firstSeq`. */
export function insertEventsSql(runId: string, firstSeq: number, batch: readonly RunEvent[]): SQL {
  const rows = batch.map((e, i) => ({
    seq: firstSeq + i,
    type: e.type,
    node_id: 'nodeId' in e ? e.nodeId : null,
    at: iso(e.at),
    data: eventData(e),
  }));
  return sql`
    insert into events (run_id, seq, type, node_id, at, data)
    select ${runId}, e.seq, e.type::event_type, e.node_id, e.at, e.data
    from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as e(seq integer, type text, node_id text, at timestamptz, data jsonb)
    order by e.seq`;
}
