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

const ID_PATTERN = /^(run|vers|cmt|tok|job|act)_[0-9A-HJKMNP-TV-Z]{26}$/;

export function isId(value: string, prefix?: IdPrefix): boolean {
  return ID_PATTERN.test(value) && (prefix === undefined || value.startsWith(`${prefix}_`));
}
