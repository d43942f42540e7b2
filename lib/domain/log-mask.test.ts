import { describe, expect, it } from 'vitest';
import { isSecretName, listedSecretNames, MASK, MIN_SECRET_CHARS, secretMasker, secretValues } from './log-mask';

describe('listedSecretNames', () => {
  it('splits FLOWDECK_SECRET_ENV on commas and spaces', () => {
    expect(listedSecretNames(' DEPLOY_HOOK, SIGNING_CERT  OTHER,,')).toEqual(['DEPLOY_HOOK', 'SIGNING_CERT', 'OTHER']);
    expect(listedSecretNames(undefined)).toEqual([]);
    expect(listedSecretNames('')).toEqual([]);
  });
});

describe('isSecretName', () => {
  it('marks names ending in _TOKEN, _SECRET, _PASSWORD, _KEY, in any case', () => {
    for (const name of ['GITHUB_TOKEN', 'FLOWDECK_TOKEN', 'client_secret', 'DB_PASSWORD', 'AWS_SECRET_ACCESS_KEY', 'Api_Key']) {
      expect(isSecretName(name)).toBe(true);
    }
  });
  it('leaves other names, and a bare suffix, unmarked unless listed', () => {
    for (const name of ['PATH', 'HOME', 'TOKEN', '_TOKEN', 'KEYBOARD', 'TOKEN_FILE', 'PASSWORD_HINT']) expect(isSecretName(name)).toBe(false);
    expect(isSecretName('DEPLOY_HOOK', ['DEPLOY_HOOK'])).toBe(true);
  });
});

describe('secretValues', () => {
  it('takes the values of marked variables and the extra ones, longest first', () => {
    const values = secretValues(
      { PATH: '/usr/bin', GITHUB_TOKEN: 'ghp_abcdef123', DEPLOY_HOOK: 'https://hook.example/xyz', FLOWDECK_SECRET_ENV: 'DEPLOY_HOOK' },
      ['fdk_runner_token'],
    );
    expect(values).toEqual(['https://hook.example/xyz', 'fdk_runner_token', 'ghp_abcdef123']);
  });
  it(`skips empty and short values (under ${MIN_SECRET_CHARS} characters) and undefined extras`, () => {
    expect(secretValues({ A_TOKEN: '', B_KEY: 'yes', C_SECRET: '12345', D_PASSWORD: '123456' }, [undefined, 'abc'])).toEqual(['123456']);
  });
  it('splits a multi-line value (a PEM key) into its lines, each once', () => {
    const pem = '-----BEGIN KEY-----\r\nMIIBVwIBADANBgkq\nshort\nMIIBVwIBADANBgkq\n-----END KEY-----\n';
    expect(secretValues({ SIGNING_KEY: pem })).toEqual(['-----BEGIN KEY-----', '-----END KEY-----', 'MIIBVwIBADANBgkq']);
  });
});

describe('secretMasker', () => {
  it('replaces every occurrence with ***', () => {
    const mask = secretMasker(['s3cr3t-value']);
    expect(mask('login with s3cr3t-value and again s3cr3t-value.')).toBe(`login with ${MASK} and again ${MASK}.`);
    expect(mask('nothing here')).toBe('nothing here');
  });
  it('prefers the longest value where values overlap', () => {
    const mask = secretMasker(['abcdef', 'abcdefghij']);
    expect(mask('x abcdefghij y abcdef z')).toBe('x *** y *** z');
  });
  it('treats values as text, not patterns', () => {
    const mask = secretMasker(['a.b*c(d)+e$']);
    expect(mask('a.b*c(d)+e$ and aXbbbcde')).toBe('*** and aXbbbcde');
  });
  it('with no values, returns the text unchanged', () => {
    const mask = secretMasker([]);
    expect(mask('abc')).toBe('abc');
  });
});
