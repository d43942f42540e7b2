import { describe, expect, it } from 'vitest';
import { storableJsonProblem, textProblem } from './storable-json';

describe('textProblem', () => {
  it('accepts ordinary and exotic but valid text', () => {
    for (const s of ['', 'abc', '👩‍👩‍👧‍👦', '\u202e\u200f', '\ufeff', '\u{10ffff}', 'e\u0301']) expect(textProblem(s), s).toBeNull();
  });

  it('refuses NUL and unpaired surrogates', () => {
    expect(textProblem('a\u0000b')).toBe('contains a NUL character');
    expect(textProblem('\ud800')).toBe('contains an unpaired surrogate');
    expect(textProblem('x\udc00')).toBe('contains an unpaired surrogate');
    expect(textProblem('\ud83d\ude00\ud83d')).toBe('contains an unpaired surrogate');
  });
});

describe('storableJsonProblem', () => {
  it('accepts storable values', () => {
    expect(storableJsonProblem({ a: [1, 'x', { b: null }], c: true }, 64)).toBeNull();
    expect(storableJsonProblem('plain', 64)).toBeNull();
  });

  it('names the place of a bad string or key', () => {
    expect(storableJsonProblem({ a: [1, 'x\u0000'] }, 64)).toEqual({ path: 'a.1', problem: 'contains a NUL character' });
    expect(storableJsonProblem({ a: { '\ud800': 1 } }, 64)).toEqual({ path: 'a', problem: 'has a key that contains an unpaired surrogate' });
    expect(storableJsonProblem('\u0000', 64)).toEqual({ path: '(body)', problem: 'contains a NUL character' });
  });

  it('refuses nesting past the limit without overflowing the stack', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(storableJsonProblem(deep, 64)?.problem).toBe('nests deeper than 64 levels');
    let ok: unknown = 1;
    for (let i = 0; i < 64; i++) ok = { a: ok };
    expect(storableJsonProblem(ok, 64)).toBeNull();
    expect(storableJsonProblem({ a: ok }, 64)?.problem).toBe('nests deeper than 64 levels');
  });
});
