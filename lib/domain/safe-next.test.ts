import { describe, expect, it } from 'vitest';
import { safeNextPath } from './safe-next';

describe('safeNextPath', () => {
  it('keeps paths of this app with their query', () => {
    expect(safeNextPath('/runs?phase=running')).toBe('/runs?phase=running');
    expect(safeNextPath('/versions/vers_01ABC#x')).toBe('/versions/vers_01ABC#x');
    expect(safeNextPath(['/commits', '/runs'])).toBe('/commits');
  });
  it('falls back for other sites and tricks (no open redirect)', () => {
    for (const bad of [
      'https://evil.example',
      '//evil.example',
      '/\\evil.example',
      '\\\\evil.example',
      'javascript:alert(1)',
      '/\t/evil.example',
      '/\n/evil.example',
      ' /runs',
      'runs',
      '',
      undefined,
      null,
      '/sign-in',
      '/sign-in?next=/runs',
      `/${'a'.repeat(2001)}`,
    ]) {
      expect(safeNextPath(bad)).toBe('/runs');
    }
    expect(safeNextPath('//evil.example', '/versions')).toBe('/versions');
  });
});
