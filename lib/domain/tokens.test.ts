import { describe, expect, it } from 'vitest';
import { MAX_TOKEN_LIFETIME_MS, parseDuration, resolveExpiry, shouldRecordUse, tokenNameProblem, tokenState } from './tokens';

const NOW = new Date('2026-03-01T12:00:00Z');

describe('tokenNameProblem', () => {
  it('accepts names that make readable commit actors', () => {
    for (const name of ['ci', 'alice@example.com', 'deploy-bot.prod', 'A_1']) expect(tokenNameProblem(name)).toBeNull();
  });
  it('refuses empty, long, odd and reserved names', () => {
    for (const name of ['', '-x', 'a b', 'x'.repeat(65), 'é', 'a/b']) expect(tokenNameProblem(name)).toMatch(/token name/);
    expect(tokenNameProblem('local')).toMatch(/reserved/);
    expect(tokenNameProblem('System')).toMatch(/reserved/);
  });
});

describe('parseDuration', () => {
  it('reads m, h, d, w and y', () => {
    expect(parseDuration('90m')).toBe(90 * 60_000);
    expect(parseDuration('12h')).toBe(12 * 3_600_000);
    expect(parseDuration('30d')).toBe(30 * 86_400_000);
    expect(parseDuration('2w')).toBe(14 * 86_400_000);
    expect(parseDuration('1y')).toBe(365 * 86_400_000);
  });
  it('refuses anything else', () => {
    for (const t of ['', '0d', '30', 'd', '1.5d', '-1d', '30 days', '1s', '1234567d']) expect(parseDuration(t)).toBeNull();
  });
});

describe('resolveExpiry', () => {
  it('never by default; a duration from now; an absolute time', () => {
    expect(resolveExpiry({}, NOW)).toEqual({ expiresAt: null });
    expect(resolveExpiry({ expiresIn: '30d' }, NOW)).toEqual({ expiresAt: new Date('2026-03-31T12:00:00Z') });
    expect(resolveExpiry({ expiresAt: '2026-04-01T00:00:00Z' }, NOW)).toEqual({ expiresAt: new Date('2026-04-01T00:00:00Z') });
  });
  it('refuses both at once, bad values, the past and more than ten years', () => {
    expect(resolveExpiry({ expiresIn: '1d', expiresAt: '2027-01-01T00:00:00Z' }, NOW)).toHaveProperty('problem');
    expect(resolveExpiry({ expiresIn: 'soon' }, NOW)).toHaveProperty('problem');
    expect(resolveExpiry({ expiresAt: 'tomorrow' }, NOW)).toHaveProperty('problem');
    expect(resolveExpiry({ expiresAt: '2026-03-01T12:00:00Z' }, NOW)).toEqual({ problem: 'expiresAt must be in the future' });
    expect(resolveExpiry({ expiresIn: '11y' }, NOW)).toHaveProperty('problem');
    expect(resolveExpiry({ expiresAt: new Date(NOW.getTime() + MAX_TOKEN_LIFETIME_MS).toISOString() }, NOW)).toHaveProperty('expiresAt');
  });
});

describe('tokenState', () => {
  it('active, expired from the expiry instant on, revoked over everything', () => {
    expect(tokenState({ revokedAt: null, expiresAt: null }, NOW)).toBe('active');
    expect(tokenState({ revokedAt: null, expiresAt: '2026-03-01T12:00:01Z' }, NOW)).toBe('active');
    expect(tokenState({ revokedAt: null, expiresAt: NOW }, NOW)).toBe('expired');
    expect(tokenState({ revokedAt: NOW, expiresAt: '2020-01-01T00:00:00Z' }, NOW)).toBe('revoked');
  });
});

describe('shouldRecordUse', () => {
  it('at most once a minute', () => {
    expect(shouldRecordUse(null, NOW)).toBe(true);
    expect(shouldRecordUse(new Date(NOW.getTime() - 59_999), NOW)).toBe(false);
    expect(shouldRecordUse(new Date(NOW.getTime() - 60_000).toISOString(), NOW)).toBe(true);
  });
});
