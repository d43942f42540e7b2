import { describe, expect, it } from 'vitest';
import { maskBytes } from './step-runner';

describe('maskBytes', () => {
  it('replaces every occurrence, longest value first, leaving other bytes as they were', () => {
    const binary = Buffer.from([0xff, 0x00, 0xfe]);
    const bytes = Buffer.concat([Buffer.from('a secret-long and secret-long, '), binary, Buffer.from(' secret-longer!')]);
    const masked = maskBytes(bytes, ['secret-longer', 'secret-long']);
    expect(masked).toEqual(Buffer.concat([Buffer.from('a *** and ***, '), binary, Buffer.from(' ***!')]));
  });

  it('returns the bytes unchanged when no value occurs', () => {
    const bytes = Buffer.from('nothing to hide\n');
    expect(maskBytes(bytes, ['secret-long'])).toBe(bytes);
  });
});
