/**
 * Whether the API and dashboard demand a token. Off only for a server known to listen on loopback
 * alone; required when FLOWDECK_AUTH=required, on any other bind address, and when the bind address is
 * unknown (Next.js listens on every interface unless told otherwise). Pure: the caller passes the facts.
 */
export const AUTH_SETTINGS = ['auto', 'required'] as const;
export type AuthSetting = (typeof AUTH_SETTINGS)[number];

export type AuthModeReason = 'setting' | 'non-loopback' | 'unknown-bind-host' | 'loopback';

export interface AuthMode {
  required: boolean;
  reason: AuthModeReason;
  /** The bind host it was decided on (null when unknown). */
  bindHost: string | null;
}

/** `[::1]` → `::1`, `LOCALHOST.` → `localhost`. */
function normalizeHost(host: string): string {
  let h = host.trim().toLowerCase();
  if (h.startsWith('[') && h.endsWith(']')) h = h.slice(1, -1);
  if (h.endsWith('.')) h = h.slice(0, -1);
  return h;
}

function isLoopbackIpv4(h: string): boolean {
  const parts = h.split('.');
  if (parts.length !== 4 || !parts.every((p) => /^\d{1,3}$/.test(p) && Number(p) <= 255)) return false;
  return parts[0] === '127';
}

/**
 * True for addresses that only this machine can reach: 127.0.0.0/8, ::1 (and its IPv4-mapped forms of
 * 127/8), and the name `localhost` (or a subdomain of it, RFC 6761). Anything else, including 0.0.0.0,
 * ::, a LAN address or another host name, is reachable from elsewhere.
 */
export function isLoopbackHost(host: string): boolean {
  const h = normalizeHost(host);
  if (h === '') return false;
  if (h === 'localhost' || h.endsWith('.localhost')) return true;
  if (isLoopbackIpv4(h)) return true;
  if (h === '::1' || h === '0:0:0:0:0:0:0:1') return true;
  // IPv4-mapped IPv6: ::ffff:127.0.0.1, 0:0:0:0:0:ffff:127.0.0.1, ::ffff:7f00:1.
  const dotted = /^(?:::|(?:0{1,4}:){5})ffff:(\d{1,3}(?:\.\d{1,3}){3})$/.exec(h);
  if (dotted) return isLoopbackIpv4(dotted[1] as string);
  const hex = /^(?:::|(?:0{1,4}:){5})ffff:([0-9a-f]{1,4}):[0-9a-f]{1,4}$/.exec(h);
  return hex ? Number.parseInt(hex[1] as string, 16) >> 8 === 0x7f : false;
}

/** The auth mode of a server from its FLOWDECK_AUTH setting and the host it was told to bind. */
export function authMode(input: { setting: AuthSetting; bindHost: string | null | undefined }): AuthMode {
  const bindHost = input.bindHost?.trim() ? input.bindHost.trim() : null;
  if (input.setting === 'required') return { required: true, reason: 'setting', bindHost };
  if (bindHost === null) return { required: true, reason: 'unknown-bind-host', bindHost };
  return isLoopbackHost(bindHost) ? { required: false, reason: 'loopback', bindHost } : { required: true, reason: 'non-loopback', bindHost };
}

/** One line for the server log and the UI tooltip. */
export function describeAuthMode(mode: AuthMode): string {
  switch (mode.reason) {
    case 'setting':
      return 'Authentication is required (FLOWDECK_AUTH=required).';
    case 'non-loopback':
      return `Authentication is required: the server listens on ${mode.bindHost}, which other machines can reach.`;
    case 'unknown-bind-host':
      return 'Authentication is required: the bind address is unknown (start the server with `flowdeck start`), so it may be reachable from other machines.';
    case 'loopback':
      return `Authentication is off: the server listens on ${mode.bindHost} (loopback), so only this machine can reach it. Set FLOWDECK_AUTH=required to demand tokens anyway.`;
    default: {
      const never: never = mode.reason;
      return never;
    }
  }
}

/** The host of a `Host` header without its port: `[::1]:3000` → `::1`, `127.0.0.1:3000` → `127.0.0.1`. */
export function hostOfHeader(header: string): string {
  const h = header.trim();
  if (h.startsWith('[')) {
    const end = h.indexOf(']');
    return end > 0 ? h.slice(1, end) : h;
  }
  const colon = h.indexOf(':');
  // More than one colon without brackets is a bare IPv6 address.
  return colon >= 0 && h.indexOf(':', colon + 1) < 0 ? h.slice(0, colon) : h;
}

/**
 * With authentication off, a request must also be addressed to a loopback name: a page of another site
 * whose name resolves to 127.0.0.1 (DNS rebinding) sends its own name as Host, and a proxy in front
 * of the server makes it reachable from elsewhere. A missing Host (HTTP/1.0 tools) is loopback.
 */
export function isLoopbackRequestHost(hostHeader: string | null): boolean {
  return hostHeader === null || hostHeader.trim() === '' || isLoopbackHost(hostOfHeader(hostHeader));
}
