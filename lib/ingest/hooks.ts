import { and, desc, isNull, sql } from 'drizzle-orm';
import type { HookResponse } from '@/lib/contract/runner';
import type { Db } from '@/lib/db/client';
import { runs } from '@/lib/db/schema';
import { requestEngineAction } from '@/lib/db/writes/engine-actions';
import type { RunEvent } from '@/lib/domain/run-machine';
import { isEngineSource } from '@/lib/domain/run-source';
import { AppError } from '@/lib/errors';
import { applyRunEvents } from './apply-run-events';

/**
 * Delivers a hook (POST /api/v1/hooks/:token): the run waiting on the token gets `hook_received` and its
 * hook node `node_succeeded` with the payload as output, in one transaction; the run is then claimable.
 * A queued run (the new run of an upgrade that kept the token) is started first. The old run of such an
 * upgrade still shows the token until it is retired, so runs upgraded away are passed over.
 * Unknown or used token: 404; a paused run: 409 invalid_transition (resume it first). A run of an engine
 * Flowdeck does not run is not changed here: the delivery is handed to its connector (a commit by `actor`),
 * which resumes the hook through the engine's own API; the run's new state comes back with its import.
 */
export async function deliverHook(db: Db, token: string, payload: unknown, actor = 'local', now = new Date()): Promise<HookResponse> {
  return db.transaction(async (tx) => {
    const [run] = await tx
      .select()
      .from(runs)
      .where(and(sql`${runs.waiting}->>'kind' = 'hook'`, sql`(${runs.waiting}->>'token') = ${token}`, isNull(runs.upgradedTo)))
      .orderBy(desc(runs.id))
      .limit(1)
      .for('update');
    const waiting = run?.waiting;
    // The token is a secret: never echo it.
    if (!run || waiting?.kind !== 'hook') throw new AppError('not_found', 'no run is waiting on this hook token', { entity: 'hook' });
    if (run.phase === 'paused') {
      throw new AppError('invalid_transition', `run ${run.id} is paused: resume it, then deliver the hook again`, { runId: run.id });
    }
    if (isEngineSource(run.source)) {
      const action = await requestEngineAction(tx, actor, run, 'deliver_hook', { token, payload: payload ?? null }, { action: 'run.hook.request' }, now);
      return { runId: run.id, nodeId: waiting.nodeId, actionId: action.id };
    }
    const at = now.toISOString();
    const given = payload !== undefined;
    const events: RunEvent[] = [
      ...(run.phase === 'queued' ? [{ type: 'run_started', at } as const] : []),
      { type: 'hook_received', at, nodeId: waiting.nodeId, token, ...(given ? { payload } : {}) },
      { type: 'node_succeeded', at, nodeId: waiting.nodeId, ...(given ? { output: payload } : {}) },
    ];
    await applyRunEvents(tx, run, events, now);
    return { runId: run.id, nodeId: waiting.nodeId };
  });
}
