import { describe, expect, it } from 'vitest';
import { isStaleWrite, writeErrorText } from './write-errors';

describe('writeErrorText', () => {
  it('a conflict with row versions is a stale write: reload', () => {
    const e = { code: 'conflict', message: 'version v is at version 4, not 3', details: { entity: 'version', id: 'v', expected: 3, actual: 4 } };
    expect(isStaleWrite(e)).toBe(true);
    expect(writeErrorText(e)).toMatchObject({ title: 'Changed by someone else', stale: true });
  });
  it('a conflict without row versions is a refusal with its own message', () => {
    const e = { code: 'conflict', message: 'the current version cannot be sunset', details: { entity: 'version', id: 'v' } };
    expect(isStaleWrite(e)).toBe(false);
    expect(writeErrorText(e)).toEqual({ title: 'Could not save', message: 'the current version cannot be sunset', stale: false });
  });
  it('names the structured 409s', () => {
    expect(writeErrorText({ code: 'incompatible', message: 'm', details: {} }).title).toBe('Not compatible');
    expect(writeErrorText({ code: 'version_has_active_runs', message: 'm', details: {} }).title).toBe('Still has active runs');
  });
});
