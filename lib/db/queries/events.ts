import { and, asc, eq, gt, inArray } from 'drizzle-orm';
import type { Db } from '@/lib/db/client';
import { events, runs } from '@/lib/db/schema';
import type { EventType } from '@/lib/domain/event-types';
import { notFound } from '@/lib/errors';

export interface EventDto {
  seq: number;
  type: EventType;
  nodeId: string | null;
  at: string;
  data: Record<string, unknown>;
  /** An imported event's own type in its engine. */
  engineType: string | null;
}

export interface EventQuery {
  type?: EventType[];
  node?: string;
  cursor?: number;
  limit: number;
}

export interface EventPage {
  items: EventDto[];
  nextCursor: number | null;
}

/** A run's event log in order (by seq), filtered by type and node, paged by seq. */
export async function listEvents(db: Db, runId: string, q: EventQuery): Promise<EventPage> {
  const [run] = await db.select({ id: runs.id }).from(runs).where(eq(runs.id, runId));
  if (!run) throw notFound('run', runId);
  const rows = await db
    .select()
    .from(events)
    .where(
      and(
        eq(events.runId, runId),
        q.type?.length ? inArray(events.type, q.type) : undefined,
        q.node ? eq(events.nodeId, q.node) : undefined,
        q.cursor !== undefined ? gt(events.seq, q.cursor) : undefined,
      ),
    )
    .orderBy(asc(events.seq))
    .limit(q.limit + 1);
  const items = rows
    .slice(0, q.limit)
    .map((e) => ({ seq: e.seq, type: e.type, nodeId: e.nodeId, at: e.at.toISOString(), data: e.data, engineType: e.engineType }));
  return { items, nextCursor: rows.length > q.limit ? (items.at(-1)?.seq ?? null) : null };
}
