import { describe, expect, it } from 'vitest';
import { isHttps, isSafeMethod, isSameOrigin, requestOrigins } from './request-origin';

const facts = (over: Partial<Parameters<typeof requestOrigins>[0]> = {}) => ({
  url: 'http://10.0.0.5:3000/api/v1/runs/x/pause',
  host: '10.0.0.5:3000',
  forwardedHost: null,
  forwardedProto: null,
  ...over,
});

describe('isSameOrigin', () => {
  it('accepts the origin the request was addressed to', () => {
    expect(isSameOrigin('http://10.0.0.5:3000', facts())).toBe(true);
    expect(isSameOrigin('HTTP://10.0.0.5:3000', facts())).toBe(true);
  });
  it('accepts the Host when the server saw another URL (bound to all interfaces)', () => {
    expect(isSameOrigin('http://flowdeck.lan:3000', facts({ url: 'http://localhost:3000/api', host: 'flowdeck.lan:3000' }))).toBe(true);
  });
  it('accepts what a proxy reports (X-Forwarded-Host/Proto)', () => {
    expect(isSameOrigin('https://deck.example.com', facts({ forwardedHost: 'deck.example.com', forwardedProto: 'https' }))).toBe(true);
  });
  it('refuses other sites, other ports, other schemes, null and a missing Origin', () => {
    expect(isSameOrigin('http://evil.example', facts())).toBe(false);
    expect(isSameOrigin('http://10.0.0.5:3001', facts())).toBe(false);
    expect(isSameOrigin('https://10.0.0.5:3000', facts())).toBe(false);
    expect(isSameOrigin('null', facts())).toBe(false);
    expect(isSameOrigin(null, facts())).toBe(false);
    expect(isSameOrigin('not a url', facts())).toBe(false);
  });
  it('ignores a Host header that is not a host', () => {
    expect(requestOrigins(facts({ host: 'evil.example/@x' }))).toEqual(['http://10.0.0.5:3000']);
  });
});

describe('isSafeMethod and isHttps', () => {
  it('GET, HEAD and OPTIONS change nothing', () => {
    expect(['GET', 'head', 'OPTIONS'].every(isSafeMethod)).toBe(true);
    expect(['POST', 'PUT', 'PATCH', 'DELETE'].some(isSafeMethod)).toBe(false);
  });
  it('https directly or through a proxy', () => {
    expect(isHttps({ url: 'https://x/', forwardedProto: null })).toBe(true);
    expect(isHttps({ url: 'http://x/', forwardedProto: 'https' })).toBe(true);
    expect(isHttps({ url: 'http://x/', forwardedProto: 'http' })).toBe(false);
  });
});
