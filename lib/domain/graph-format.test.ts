import { describe, expect, it } from 'vitest';
import { artifactLabel, fileSummary, formatBytes } from './graph-format';

const D1 = `sha256:0123456789ab${'c'.repeat(52)}`;
const D2 = `sha256:fedcba987654${'0'.repeat(52)}`;

describe('formatBytes', () => {
  it.each([
    [0, '0 B'],
    [1023, '1023 B'],
    [1536, '1.5 KB'],
    [10 * 1024 * 1024, '10 MB'],
    [3.25 * 1024 ** 3, '3.3 GB'],
    [-1, '—'],
  ])('%d → %s', (n, text) => expect(formatBytes(n)).toBe(text));
});

describe('fileSummary', () => {
  it('names files and size, singular for one', () => {
    expect(fileSummary(1, 2048)).toBe('1 file · 2.0 KB');
    expect(fileSummary(3, null)).toBe('3 files');
    expect(fileSummary(null, 10)).toBeNull();
  });
});

describe('artifactLabel', () => {
  it('shortens the digest and explains a stale staging', () => {
    expect(artifactLabel({ digest: D1, stale: false, producerDigest: D1, fileCount: 2, totalSize: 100 })).toEqual({
      digest: '0123456789ab',
      summary: '2 files · 100 B',
      staleReason: null,
    });
    expect(artifactLabel({ digest: D1, stale: true, producerDigest: D2, fileCount: null, totalSize: null }).staleReason).toBe(
      'The consumer staged 0123456789ab, but the producer now publishes fedcba987654.',
    );
    expect(artifactLabel({ digest: D1, stale: true, producerDigest: null, fileCount: null, totalSize: null }).staleReason).toMatch(/publishes no manifest/);
  });
});
