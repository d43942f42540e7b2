import { and, eq, gte, inArray, lt, lte, or, type SQL } from 'drizzle-orm';
import { encodeTime } from 'ulid';
import { runs } from '@/lib/db/schema';
import type { RunListFilters } from '@/lib/domain/run-list-filters';

/** Run id bound for a creation time: ids are ULIDs, so a time range is an id range on the primary key. */
function idAt(iso: string, fill: '0' | 'Z'): string {
  return `run_${encodeTime(Math.max(0, Date.parse(iso)), 10)}${fill.repeat(16)}`;
}

/** The WHERE conditions of a run filter set; `omitPhase` for counting by phase under the other filters. */
export function runConditions(f: RunListFilters, omitPhase = false): SQL | undefined {
  const conds: (SQL | undefined)[] = [];
  if (f.phase?.length && !omitPhase) conds.push(inArray(runs.phase, f.phase));
  if (f.result?.length) conds.push(inArray(runs.result, f.result));
  if (f.workflow) conds.push(eq(runs.workflow, f.workflow));
  if (f.version) conds.push(eq(runs.versionId, f.version));
  if (f.source) conds.push(eq(runs.source, f.source));
  const group = f.group?.replace(/\/+$/, '');
  if (group) {
    // A path prefix: the group itself or anything below it ('0' is the byte after '/').
    conds.push(or(eq(runs.groupPath, group), and(gte(runs.groupPath, `${group}/`), lt(runs.groupPath, `${group}0`))));
  }
  if (f.q) {
    const q = f.q.toLowerCase().startsWith('run_') ? `run_${f.q.slice(4).toUpperCase()}` : `run_${f.q.toUpperCase()}`;
    conds.push(and(gte(runs.id, q), lt(runs.id, `${q}~`)));
  }
  if (f.from) conds.push(gte(runs.id, idAt(f.from, '0')));
  if (f.to) conds.push(lte(runs.id, idAt(f.to, 'Z')));
  const present = conds.filter((c): c is SQL => c !== undefined);
  return present.length ? and(...present) : undefined;
}

export const hasFilters = (f: RunListFilters): boolean => Object.entries(f).some(([, v]) => (Array.isArray(v) ? v.length > 0 : v !== undefined && v !== ''));
