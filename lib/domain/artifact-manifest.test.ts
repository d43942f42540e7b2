import { describe, expect, it } from 'vitest';
import { buildManifest, manifestEntryProblems } from './artifact-manifest';
import { sha256Digest } from './digest';

const d = sha256Digest('x');
describe('artifact manifests', () => {
  it('buildManifest sorts by path so the same files give the same digest', () => {
    const a = buildManifest([
      { path: 'b.txt', digest: d, size: 1 },
      { path: 'a.txt', digest: d, size: 1 },
    ]);
    const b = buildManifest([
      { path: 'a.txt', digest: d, size: 1 },
      { path: 'b.txt', digest: d, size: 1 },
    ]);
    expect(a.digest).toBe(b.digest);
    expect(a.entries.map((e) => e.path)).toEqual(['a.txt', 'b.txt']);
    expect(a.digest).toBe(sha256Digest(a.text));
  });
  it.each([
    ['/abs', 1, /relative/],
    ['a/../b', 1, /relative/],
    ['ok', -1, /size/],
  ])('manifestEntryProblems rejects path %s size %s', (path, size, pattern) => {
    expect(manifestEntryProblems([{ path, digest: d, size }]).join()).toMatch(pattern);
  });
  it('manifestEntryProblems rejects duplicates and accepts sound entries', () => {
    expect(
      manifestEntryProblems([
        { path: 'a', digest: d, size: 1 },
        { path: 'a', digest: d, size: 1 },
      ]).join(),
    ).toMatch(/twice/);
    expect(manifestEntryProblems([{ path: 'dir/a.txt', digest: d, size: 0 }])).toEqual([]);
  });
});
