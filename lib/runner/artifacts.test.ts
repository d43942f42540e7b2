import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildManifest, type ManifestEntry } from '@/lib/domain/artifact-manifest';
import { sha256Digest } from '@/lib/domain/digest';
import { checkOutputPath, collectOutputs, publishOutputs, StepError, stageManifests } from './artifacts';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'runner-artifacts-'));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

function dir(name: string, files: Record<string, string>): string {
  const d = path.join(root, name);
  for (const [rel, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(d, rel)), { recursive: true });
    fs.writeFileSync(path.join(d, rel), text);
  }
  fs.mkdirSync(d, { recursive: true });
  return d;
}

/** The blob and manifest endpoints, in memory. */
function memoryStore() {
  const blobs = new Map<string, Uint8Array>();
  const manifests = new Map<string, ManifestEntry[]>();
  return {
    blobs,
    manifests,
    async putBlob(digest: string, bytes: Uint8Array) {
      expect(sha256Digest(bytes)).toBe(digest);
      blobs.set(digest, bytes);
    },
    async putManifest(digest: string, entries: ManifestEntry[]) {
      expect(buildManifest(entries).digest).toBe(digest);
      for (const e of entries) expect(blobs.has(e.digest)).toBe(true);
      manifests.set(digest, entries);
    },
    async getManifest(digest: string) {
      const m = manifests.get(digest);
      if (!m) throw new Error(`no manifest ${digest}`);
      return m;
    },
    async getBlob(digest: string) {
      const b = blobs.get(digest);
      if (!b) throw new Error(`no blob ${digest}`);
      return b;
    },
  };
}

describe('checkOutputPath', () => {
  it.each(['/etc/passwd', '../up', 'a/../../b', './x', 'a//b', ''])('refuses %j', (p) => {
    expect(() => checkOutputPath(p)).toThrow(StepError);
  });
  it('accepts relative paths and drops a trailing slash', () => {
    expect(checkOutputPath('dist/')).toBe('dist');
    expect(checkOutputPath('out/report.txt')).toBe('out/report.txt');
  });
});

describe('collectOutputs', () => {
  const cwd = dir('collect', { 'dist/b.js': 'b', 'dist/a.js': 'a', 'dist/sub/c.txt': 'c', 'report.txt': 'r', 'other.txt': 'o' });

  it('lists a file as itself and a directory as every file under it', async () => {
    const files = await collectOutputs(cwd, ['report.txt', 'dist/']);
    expect(files.map((f) => f.path)).toEqual(['report.txt', 'dist/a.js', 'dist/b.js', 'dist/sub/c.txt']);
  });
  it('fails on a declared output that was not produced', async () => {
    await expect(collectOutputs(cwd, ['report.txt', 'missing.bin'])).rejects.toThrow('declared output "missing.bin" was not produced');
  });
  it('refuses a symlink', async () => {
    fs.symlinkSync('/etc/hostname', path.join(cwd, 'link'));
    await expect(collectOutputs(cwd, ['link'])).rejects.toThrow(StepError);
  });
});

describe('publishOutputs and stageManifests', () => {
  it('round-trips files through blobs and a canonical manifest', async () => {
    const store = memoryStore();
    const producer = dir('producer', { 'dist/app.js': 'console.log(1)\n', VERSION: '1.2.3\n' });
    const published = await publishOutputs(store, await collectOutputs(producer, ['dist', 'VERSION']));
    expect(published.entries.map((e) => e.path)).toEqual(['VERSION', 'dist/app.js']);
    expect(published.entries[0]).toEqual({ path: 'VERSION', digest: sha256Digest('1.2.3\n'), size: 6 });
    expect(published.digest).toBe(buildManifest(published.entries).digest);

    const consumer = dir('consumer', {});
    const staged = await stageManifests(store, consumer, { build: published.digest });
    expect(staged.map((s) => [s.producer, s.path])).toEqual([
      ['build', 'VERSION'],
      ['build', 'dist/app.js'],
    ]);
    expect(fs.readFileSync(path.join(consumer, 'dist/app.js'), 'utf8')).toBe('console.log(1)\n');
  });

  it('fails the step when a blob does not match its digest', async () => {
    const store = memoryStore();
    const published = await publishOutputs(store, await collectOutputs(dir('p2', { 'x.txt': 'real' }), ['x.txt']));
    store.blobs.set(sha256Digest('real'), Buffer.from('forged'));
    await expect(stageManifests(store, dir('c2', {}), { p: published.digest })).rejects.toThrow(/does not match its manifest/);
  });

  it('fails the step when two producers publish different files at one path', async () => {
    const store = memoryStore();
    const a = await publishOutputs(store, await collectOutputs(dir('pa', { 'out.txt': 'a' }), ['out.txt']));
    const b = await publishOutputs(store, await collectOutputs(dir('pb', { 'out.txt': 'b' }), ['out.txt']));
    await expect(stageManifests(store, dir('c3', {}), { a: a.digest, b: b.digest })).rejects.toThrow(/both publish "out.txt"/);
  });

  it('refuses a manifest with an escaping path', async () => {
    const store = memoryStore();
    store.manifests.set('sha256:evil', [{ path: '../../etc/x', digest: sha256Digest('x'), size: 1 }]);
    await expect(stageManifests(store, dir('c4', {}), { p: 'sha256:evil' })).rejects.toThrow(/unusable/);
  });
});
