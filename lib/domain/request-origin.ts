/**
 * Same-origin checks for cookie-authenticated writes (CSRF). A browser always sends `Origin` on a
 * cross-site POST, PUT, PATCH or DELETE, and a page on another site cannot set `Host` or the
 * `X-Forwarded-*` headers; so a write is same-site when its Origin is one of the origins the request
 * itself was addressed to. Pure: the caller passes the URL and the headers.
 */

export interface OriginFacts {
  /** The request URL as the server saw it. */
  url: string;
  host: string | null;
  forwardedHost: string | null;
  forwardedProto: string | null;
}

const first = (value: string | null) => value?.split(',')[0]?.trim().toLowerCase() || null;

/** Every origin the request could have been addressed to (direct, or through a proxy that says so). */
export function requestOrigins(f: OriginFacts): string[] {
  const url = new URL(f.url);
  const proto = first(f.forwardedProto) === 'https' ? 'https' : url.protocol.replace(':', '');
  const out = new Set<string>([url.origin.toLowerCase()]);
  for (const host of [first(f.host), first(f.forwardedHost)]) {
    if (!host || !/^[a-z0-9.[\]:-]+$/.test(host)) continue;
    for (const scheme of new Set([proto, url.protocol.replace(':', '')])) {
      try {
        out.add(new URL(`${scheme}://${host}`).origin.toLowerCase());
      } catch {
        // not a host
      }
    }
  }
  return [...out];
}

/** Whether an Origin header names one of the request's own origins (`null` and absent do not). */
export function isSameOrigin(origin: string | null, facts: OriginFacts): boolean {
  if (!origin || origin === 'null') return false;
  let normalized: string;
  try {
    normalized = new URL(origin).origin.toLowerCase();
  } catch {
    return false;
  }
  return requestOrigins(facts).includes(normalized);
}

/** Methods that change nothing and need no Origin. */
export function isSafeMethod(method: string): boolean {
  const m = method.toUpperCase();
  return m === 'GET' || m === 'HEAD' || m === 'OPTIONS';
}

/** Whether the request arrived over https (directly or as a proxy reports it): the cookie is then Secure. */
export function isHttps(f: Pick<OriginFacts, 'url' | 'forwardedProto'>): boolean {
  return new URL(f.url).protocol === 'https:' || first(f.forwardedProto) === 'https';
}
