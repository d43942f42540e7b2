import { describe, expect, it } from 'vitest';
import { authMode, describeAuthMode, hostOfHeader, isLoopbackHost, isLoopbackRequestHost } from './auth-mode';

describe('isLoopbackHost', () => {
  it.each([
    '127.0.0.1',
    '127.1.2.3',
    '127.255.255.255',
    'localhost',
    'LOCALHOST',
    'localhost.',
    'app.localhost',
    '::1',
    '[::1]',
    '0:0:0:0:0:0:0:1',
    '::ffff:127.0.0.1',
    '0:0:0:0:0:ffff:127.0.0.1',
    '::ffff:7f00:1',
  ])('%s is loopback', (h) => expect(isLoopbackHost(h)).toBe(true));
  it.each([
    '0.0.0.0',
    '::',
    '',
    ' ',
    '10.0.0.5',
    '192.168.1.20',
    '128.0.0.1',
    '127.0.0',
    '127.0.0.1.nip.io',
    '127.0.0.256',
    'myhost',
    'localhost.example.com',
    '::ffff:10.0.0.1',
    '::ffff:a00:1',
    '::2',
    'fe80::1',
  ])('%s is not loopback', (h) => expect(isLoopbackHost(h)).toBe(false));
});

describe('authMode', () => {
  it('is off only for a known loopback bind host with the auto setting', () => {
    expect(authMode({ setting: 'auto', bindHost: '127.0.0.1' })).toEqual({ required: false, reason: 'loopback', bindHost: '127.0.0.1' });
    expect(authMode({ setting: 'auto', bindHost: 'localhost' }).required).toBe(false);
  });
  it('is required by the setting even on loopback', () => {
    expect(authMode({ setting: 'required', bindHost: '127.0.0.1' })).toMatchObject({ required: true, reason: 'setting' });
  });
  it('is required on any other address, and when the bind host is unknown', () => {
    expect(authMode({ setting: 'auto', bindHost: '0.0.0.0' })).toMatchObject({ required: true, reason: 'non-loopback' });
    expect(authMode({ setting: 'auto', bindHost: '192.168.1.20' })).toMatchObject({ required: true, reason: 'non-loopback' });
    expect(authMode({ setting: 'auto', bindHost: undefined })).toMatchObject({ required: true, reason: 'unknown-bind-host', bindHost: null });
    expect(authMode({ setting: 'auto', bindHost: '  ' })).toMatchObject({ required: true, reason: 'unknown-bind-host' });
  });
});

describe('describeAuthMode', () => {
  it('says why, naming the address', () => {
    expect(describeAuthMode(authMode({ setting: 'auto', bindHost: '10.0.0.5' }))).toContain('10.0.0.5');
    expect(describeAuthMode(authMode({ setting: 'auto', bindHost: '127.0.0.1' }))).toMatch(/off/);
    expect(describeAuthMode(authMode({ setting: 'required', bindHost: '127.0.0.1' }))).toContain('FLOWDECK_AUTH=required');
    expect(describeAuthMode(authMode({ setting: 'auto', bindHost: null }))).toMatch(/unknown/);
  });
});

describe('hostOfHeader and isLoopbackRequestHost', () => {
  it('strips the port, keeps IPv6 addresses whole', () => {
    expect(hostOfHeader('127.0.0.1:3000')).toBe('127.0.0.1');
    expect(hostOfHeader('[::1]:3000')).toBe('::1');
    expect(hostOfHeader('::1')).toBe('::1');
    expect(hostOfHeader('example.com')).toBe('example.com');
  });
  it('accepts loopback names and a missing Host, refuses other names (DNS rebinding, proxies)', () => {
    expect(isLoopbackRequestHost('127.0.0.1:3200')).toBe(true);
    expect(isLoopbackRequestHost('localhost:3000')).toBe(true);
    expect(isLoopbackRequestHost('[::1]:3000')).toBe(true);
    expect(isLoopbackRequestHost(null)).toBe(true);
    expect(isLoopbackRequestHost('evil.example:3000')).toBe(false);
    expect(isLoopbackRequestHost('10.0.0.5:3000')).toBe(false);
  });
});
