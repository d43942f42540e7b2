import { describe, expect, it } from 'vitest';
import { changedFieldNames, changeKind, commitActionLabel, fieldDiffs, formatFieldValue, isBookkeepingField, sameJson } from './commit-format';

describe('commitActionLabel', () => {
  it('names known actions and passes unknown ones through', () => {
    expect(commitActionLabel('version.sunset.force')).toBe('Forced sunset');
    expect(commitActionLabel('run.upgrade')).toBe('Upgraded run');
    expect(commitActionLabel('token.create')).toBe('Created token');
    expect(commitActionLabel('runner.claim')).toBe('runner.claim');
  });
});

describe('changeKind', () => {
  it('created, removed, updated', () => {
    expect(changeKind(null, { a: 1 })).toBe('created');
    expect(changeKind({ a: 1 }, null)).toBe('removed');
    expect(changeKind({ a: 1 }, { a: 2 })).toBe('updated');
  });
});

describe('sameJson', () => {
  it('compares deeply, ignoring key order', () => {
    expect(sameJson({ a: 1, b: [1, { c: 2 }] }, { b: [1, { c: 2 }], a: 1 })).toBe(true);
    expect(sameJson({ a: 1 }, { a: 1, b: undefined })).toBe(false);
    expect(sameJson([1, 2], [2, 1])).toBe(false);
    expect(sameJson(null, {})).toBe(false);
    expect(sameJson([], {})).toBe(false);
  });
});

describe('fieldDiffs', () => {
  it('marks each field same, changed, added or removed, in first-seen order', () => {
    const d = fieldDiffs(
      { status: 'live', label: 'v1', gone: 1, source: { repo: 'r' } },
      { status: 'draining', label: 'v1', source: { repo: 'r' }, fresh: true },
    );
    expect(d.map((x) => [x.field, x.change])).toEqual([
      ['status', 'changed'],
      ['label', 'same'],
      ['gone', 'removed'],
      ['source', 'same'],
      ['fresh', 'added'],
    ]);
  });
  it('a created entity has every field added; a scalar side is one value field', () => {
    expect(fieldDiffs(null, { a: 1 })).toEqual([{ field: 'a', before: undefined, after: 1, change: 'added' }]);
    expect(fieldDiffs({ stranded: false }, { stranded: true })[0]?.change).toBe('changed');
    expect(fieldDiffs(1, 2)).toEqual([{ field: 'value', before: 1, after: 2, change: 'changed' }]);
  });
});

describe('formatFieldValue', () => {
  it('writes one line', () => {
    expect(formatFieldValue(null)).toBe('—');
    expect(formatFieldValue(undefined)).toBe('—');
    expect(formatFieldValue('live')).toBe('live');
    expect(formatFieldValue(false)).toBe('false');
    expect(formatFieldValue({ repo: 'r' })).toBe('{"repo":"r"}');
  });
});

describe('changedFieldNames', () => {
  it('leaves the row version out', () => {
    expect(changedFieldNames({ status: 'live', rowVersion: 2 }, { status: 'sunset', rowVersion: 3 })).toEqual(['status']);
    expect(isBookkeepingField('rowVersion')).toBe(true);
    expect(isBookkeepingField('status')).toBe(false);
  });
});
