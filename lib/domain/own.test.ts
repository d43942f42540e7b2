import { describe, expect, it } from 'vitest';
import { isPrototypeKey, ownValue } from './own';

describe('ownValue', () => {
  it('finds own values only', () => {
    const record: Record<string, number> = { build: 1 };
    expect(ownValue(record, 'build')).toBe(1);
    expect(ownValue(record, 'test')).toBeUndefined();
    for (const key of ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf']) expect(ownValue(record, key), key).toBeUndefined();
    expect(ownValue(null, 'x')).toBeUndefined();
  });

  it('finds an own key that shadows an inherited one', () => {
    expect(ownValue(JSON.parse('{"constructor": 3}') as Record<string, number>, 'constructor')).toBe(3);
  });
});

describe('isPrototypeKey', () => {
  it('knows the names every object answers to', () => {
    for (const key of ['constructor', '__proto__', 'toString', '__defineGetter__', 'isPrototypeOf']) expect(isPrototypeKey(key), key).toBe(true);
    for (const key of ['build', 'proto', 'Constructor', '']) expect(isPrototypeKey(key), key).toBe(false);
  });
});
