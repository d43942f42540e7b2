/**
 * Text and field-by-field diffs of commits (the audit log). Pure: no React, no store. A commit's
 * change records `before` and `after` snapshots (null when the entity was created or removed).
 */

/** What a commit can change; `action` is an operator action handed to an engine's connector. */
export const COMMIT_ENTITIES = ['version', 'run', 'job', 'token', 'action'] as const;
export type CommitEntity = (typeof COMMIT_ENTITIES)[number];

/** Every action lib/control records, with how the log says it. */
export const COMMIT_ACTION_LABELS = {
  'version.create': 'Registered version',
  'version.update': 'Edited version',
  'version.set-current': 'Set current version',
  'version.drain': 'Started draining',
  'version.sunset': 'Sunset version',
  'version.sunset.force': 'Forced sunset',
  'version.delete': 'Deleted version',
  'version.upgrade-runs': 'Bulk upgrade',
  'run.cancel': 'Cancelled run',
  'run.pause': 'Paused run',
  'run.resume': 'Resumed run',
  'run.upgrade': 'Upgraded run',
  'run.cancel.request': 'Asked the engine to cancel a run',
  'run.hook.request': 'Asked the engine to deliver a hook',
  'run.upgrade.request': 'Asked the engine to restart a run',
  'action.complete': 'Engine carried out an action',
  'action.fail': 'Engine refused an action',
  'version.import': 'Imported a deployment',
  'token.create': 'Created token',
  'token.revoke': 'Revoked token',
} as const satisfies Record<string, string>;
export type CommitAction = keyof typeof COMMIT_ACTION_LABELS;
export const COMMIT_ACTIONS = Object.keys(COMMIT_ACTION_LABELS) as CommitAction[];

export function commitActionLabel(action: string): string {
  return (COMMIT_ACTION_LABELS as Record<string, string>)[action] ?? action;
}

export type ChangeKind = 'created' | 'removed' | 'updated';

export function changeKind(before: unknown, after: unknown): ChangeKind {
  if (before === null || before === undefined) return 'created';
  if (after === null || after === undefined) return 'removed';
  return 'updated';
}

/** Deep equality of JSON values (key order does not matter). */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => sameJson(x, b[i]));
  const ka = Object.keys(a as object);
  const kb = Object.keys(b as object);
  if (ka.length !== kb.length) return false;
  return ka.every((k) => Object.hasOwn(b as object, k) && sameJson((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

export interface FieldDiff {
  field: string;
  before: unknown;
  after: unknown;
  /** `added`/`removed`: the field exists on one side only. */
  change: 'same' | 'changed' | 'added' | 'removed';
}

const asRecord = (v: unknown): Record<string, unknown> | null =>
  v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : null;

/**
 * The fields of a before/after pair, in the order they first appear (before's, then after's new
 * ones), each marked same, changed, added or removed. A side that is not an object is one `value` field.
 */
export function fieldDiffs(before: unknown, after: unknown): FieldDiff[] {
  const b = before === null || before === undefined ? {} : (asRecord(before) ?? { value: before });
  const a = after === null || after === undefined ? {} : (asRecord(after) ?? { value: after });
  const fields = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  return fields.map((field) => {
    const inB = Object.hasOwn(b, field);
    const inA = Object.hasOwn(a, field);
    const change = !inB ? 'added' : !inA ? 'removed' : sameJson(b[field], a[field]) ? 'same' : 'changed';
    return { field, before: b[field], after: a[field], change };
  });
}

/** A field value as one line of text: `—` for null or absent, strings bare, the rest as JSON. */
export function formatFieldValue(value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}

/** `rowVersion: 3`-style fields that change on every write are noise in a summary of what changed. */
const BOOKKEEPING = new Set(['rowVersion']);

export function isBookkeepingField(field: string): boolean {
  return BOOKKEEPING.has(field);
}

/** The names of the fields that changed, bookkeeping left out: `status, isCurrent`. */
export function changedFieldNames(before: unknown, after: unknown): string[] {
  return fieldDiffs(before, after)
    .filter((d) => d.change !== 'same' && !BOOKKEEPING.has(d.field))
    .map((d) => d.field);
}
