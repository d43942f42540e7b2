import { monotonicFactory, ulid } from 'ulid';

export const ID_PREFIXES = ['run', 'vers', 'cmt', 'tok', 'job', 'act'] as const;
export type IdPrefix = (typeof ID_PREFIXES)[number];

const nextUlid = monotonicFactory();

/**
 * A prefixed ULID, e.g. `run_01JD…`; ids sort by creation time. Ids made now are monotonic within a
 * millisecond; an explicit past time (imports, fixtures) is encoded as given.
 */
export function newId(prefix: IdPrefix, at?: number): string {
  return `${prefix}_${at === undefined || at >= Date.now() - 1_000 ? nextUlid(at) : ulid(at)}`;
}

/** What each kind of id names, for messages: `must be a run id (run_…)`. */
export const ID_KIND_NAMES: Record<IdPrefix, string> = { run: 'run', vers: 'version', cmt: 'commit', tok: 'token', job: 'job', act: 'action' };

/** Crockford base32, as a ULID writes it (no I, L, O, U). */
const ULID = '[0-9A-HJKMNP-TV-Z]{26}';

/** The pattern of an id of one kind (`^run_…$`), or of any kind when no prefix is given. */
export function idPattern(prefix?: IdPrefix): RegExp {
  return new RegExp(`^${prefix ?? `(${ID_PREFIXES.join('|')})`}_${ULID}$`);
}

const PATTERNS = new Map<IdPrefix | undefined, RegExp>([undefined, ...ID_PREFIXES].map((p) => [p, idPattern(p)]));

export function isId(value: string, prefix?: IdPrefix): boolean {
  return PATTERNS.get(prefix)!.test(value);
}
