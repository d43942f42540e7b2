import { describe, expect, it } from 'vitest';
import { parseByteSize } from './byte-size';

describe('parseByteSize', () => {
  it.each([
    ['1048576', 1_048_576],
    ['0', 0],
    ['512k', 524_288],
    ['16MiB', 16 * 1024 * 1024],
    ['16 mb', 16 * 1024 * 1024],
    ['1.5G', 1.5 * 1024 ** 3],
    ['100B', 100],
  ])('%s → %d bytes', (text, bytes) => expect(parseByteSize(text)).toBe(bytes));

  it.each(['', 'lots', '-1', '16 TB', '1e3', '12 MiB extra'])('%j is not a size', (text) => expect(parseByteSize(text)).toBeNull());
});
