import { describe, expect, it } from 'vitest';
import { shortId } from './id-format';

describe('shortId', () => {
  it('keeps the prefix, the time part and the tail', () => {
    expect(shortId('run_01JDF3K2ABCDEFGHJKMNPQ2XK9')).toBe('run_01JDF3K2…2XK9');
    expect(shortId('vers_01JDF3K2ABCDEFGHJKMNPQ2XK9', 4, 4)).toBe('vers_01JD…2XK9');
    expect(shortId('run_SHORT')).toBe('run_SHORT');
  });
});
