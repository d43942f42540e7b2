import { describe, expect, it } from 'vitest';
import { manifestDigest, manifestProblems, normalizedNeeds, parseDuration, prepareManifest, stepAction, stepSignature, type VersionManifest } from './manifest';

const wf = (steps: VersionManifest['workflows'][string]['steps']): VersionManifest => ({ workflows: { w: { input: {}, steps } } });

describe('manifest helpers', () => {
  it('stepAction names the one action', () => {
    expect(stepAction({ id: 'a', run: 'x' })).toBe('run');
    expect(stepAction({ id: 'a', sleep: '1h' })).toBe('sleep');
    expect(stepAction({ id: 'a', hook: {} })).toBe('hook');
  });

  it('signatures and digests are content addresses independent of key order', () => {
    expect(stepSignature({ id: 'a', run: 'x' })).toBe(stepSignature({ run: 'x', id: 'a' }));
    expect(stepSignature({ id: 'a', run: 'x' })).not.toBe(stepSignature({ id: 'a', run: 'y' }));
    expect(manifestDigest(wf([{ id: 'a', run: 'x' }]))).toMatch(/^sha256:[0-9a-f]{64}$/);
  });

  it('prepareManifest signs every step of every workflow', () => {
    const prepared = prepareManifest(
      wf([
        { id: 'a', run: 'x' },
        { id: 'b', sleep: '1m' },
      ]),
    );
    expect(Object.keys(prepared.signatures.w ?? {})).toEqual(['a', 'b']);
    expect(prepared.manifestDigest).toBe(
      manifestDigest(
        wf([
          { id: 'a', run: 'x' },
          { id: 'b', sleep: '1m' },
        ]),
      ),
    );
  });

  it('normalizedNeeds defaults to on_success', () => {
    expect(normalizedNeeds({ id: 'b', run: 'x', needs: [{ step: 'a' }, { step: 'c', when: 'on_failure' }] })).toEqual([
      { step: 'a', when: 'on_success' },
      { step: 'c', when: 'on_failure' },
    ]);
  });

  it.each([
    [
      'duplicate ids',
      wf([
        { id: 'a', run: 'x' },
        { id: 'a', run: 'y' },
      ]),
      /not unique/,
    ],
    ['unknown need', wf([{ id: 'a', run: 'x', needs: [{ step: 'zz' }] }]), /unknown step "zz"/],
    [
      'cycle',
      wf([
        { id: 'a', run: 'x', needs: [{ step: 'b' }] },
        { id: 'b', run: 'x', needs: [{ step: 'a' }] },
      ]),
      /cycle/,
    ],
    ['two actions', wf([{ id: 'a', run: 'x', sleep: '1m' }]), /exactly one/],
  ])('manifestProblems finds %s', (_n, manifest, pattern) => {
    expect(manifestProblems(manifest).join('\n')).toMatch(pattern);
  });

  it('manifestProblems accepts a sound manifest', () => {
    expect(
      manifestProblems(
        wf([
          { id: 'a', run: 'x' },
          { id: 'b', hook: {}, needs: [{ step: 'a', when: 'on_skipped' }] },
        ]),
      ),
    ).toEqual([]);
  });

  it.each([
    ['30s', 30_000],
    ['15m', 900_000],
    ['2h', 7_200_000],
    ['7d', 604_800_000],
    ['250ms', 250],
    ['soon', null],
    ['1w', null],
  ])('parseDuration(%s)', (text, ms) => expect(parseDuration(text)).toBe(ms));
});
