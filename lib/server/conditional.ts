import 'server-only';
import { createHash } from 'node:crypto';

/** A weak entity tag for a JSON body: the same body, the same tag. Never a row version (writes use those). */
export function entityTag(body: string): string {
  return `W/"${createHash('sha1').update(body).digest('base64url')}"`;
}

/** Whether `If-None-Match` names the tag (a list, `*`, weak or strong: RFC 9110 weak comparison). */
export function matchesTag(ifNoneMatch: string | null, tag: string): boolean {
  if (!ifNoneMatch) return false;
  const opaque = (t: string) => t.trim().replace(/^W\//, '');
  const wanted = opaque(tag);
  return ifNoneMatch.split(',').some((t) => t.trim() === '*' || opaque(t) === wanted);
}

/**
 * A JSON answer with its entity tag; 304 and no body when the request's `If-None-Match` names it. The body
 * is still built, but an unchanged entity costs neither bandwidth nor parsing and rendering on the client.
 */
export function conditionalJson(req: Request, value: unknown): Response {
  const body = JSON.stringify(value);
  const tag = entityTag(body);
  const headers = { ETag: tag, 'Cache-Control': 'private, no-cache' };
  if (matchesTag(req.headers.get('if-none-match'), tag)) return new Response(null, { status: 304, headers });
  return new Response(body, { headers: { ...headers, 'Content-Type': 'application/json' } });
}
