import { describe, expect, it } from 'vitest';
import { acceptQuality, prefersPlainText } from './accept';

describe('acceptQuality', () => {
  it('takes the most specific range that matches, with its q', () => {
    expect(acceptQuality('text/plain', 'text/plain')).toBe(1);
    expect(acceptQuality('text/*;q=0.5, text/plain;q=0.2', 'text/plain')).toBe(0.2);
    expect(acceptQuality('*/*;q=0.1', 'application/json')).toBe(0.1);
    expect(acceptQuality('text/html', 'application/json')).toBe(0);
    expect(acceptQuality(null, 'text/plain')).toBe(0);
    expect(acceptQuality('text/plain;q=abc', 'text/plain')).toBe(0);
  });
});

describe('prefersPlainText', () => {
  it('is true only when text/plain ranks above JSON', () => {
    expect(prefersPlainText('text/plain')).toBe(true);
    expect(prefersPlainText('text/plain, application/json;q=0.9')).toBe(true);
    expect(prefersPlainText('application/json')).toBe(false);
    expect(prefersPlainText('*/*')).toBe(false);
    expect(prefersPlainText('text/plain, application/json')).toBe(false);
    expect(prefersPlainText(null)).toBe(false);
    expect(prefersPlainText('text/html,application/xhtml+xml,*/*;q=0.8')).toBe(false);
  });
});
