import type { HostileRequest } from './requests';

/** What must hold for every response of the hostile-input suite. Returns the problems found (empty: fine). */

/** Traces of internals that must never reach a client. */
export const LEAK_PATTERNS: [string, RegExp][] = [
  ['stack frame', /\bat (?:async )?[\w$.<>[\] ]*\(?(?:file:\/\/|\/|[A-Za-z]:\\)[^)\s]*:\d+:\d+\)?/],
  ['source path', /\/(?:lib|app|node_modules)\/[\w./-]+\.(?:ts|tsx|js|mjs)\b/],
  ['node_modules', /node_modules/],
  ['SQL select', /\bSELECT\s+[\w"*(]/i],
  ['SQL insert', /\bINSERT\s+INTO\b/i],
  ['SQL update', /\bUPDATE\s+"?\w+"?\s+SET\b/i],
  ['SQL delete', /\bDELETE\s+FROM\b/i],
  ['postgres relation', /relation "\w+"/],
  ['postgres syntax', /syntax error at (?:or near|end of input)/],
  [
    'postgres error',
    /\b(?:duplicate key value|violates (?:not-null|foreign key|unique|check) constraint|invalid input syntax for type|value out of range|invalid byte sequence|unsupported Unicode escape|out of range for type|numeric field overflow|stack depth limit)/i,
  ],
  ['js error', /\b(?:TypeError|RangeError|ReferenceError|SyntaxError): /],
  ['js internals', /\b(?:Cannot read propert|is not a function|undefined is not|Maximum call stack)/],
];

/** The text a request carried: what a response may legitimately echo (a field name, an id). */
export function requestText(r: HostileRequest): string {
  const body = r.body === undefined ? '' : typeof r.body === 'string' ? r.body : new TextDecoder().decode(r.body);
  let url = r.url;
  try {
    url = `${r.url}\n${decodeURIComponent(r.url)}`;
  } catch {
    // keep the raw url
  }
  return `${url}\n${body}\n${JSON.stringify(r.headers)}`;
}

/** Leaks in a response body: matches of LEAK_PATTERNS that the request did not itself contain. */
export function findLeaks(body: string, echo: string, patterns = LEAK_PATTERNS): string[] {
  const leaks: string[] = [];
  for (const [name, pattern] of patterns) {
    const global = new RegExp(pattern.source, `${pattern.flags}g`);
    for (const m of body.matchAll(global)) {
      const hit = m[0];
      if (!echo.toLowerCase().includes(hit.toLowerCase()) && !JSON.stringify(echo).toLowerCase().includes(hit.toLowerCase())) {
        leaks.push(`${name}: ${hit.slice(0, 120)}`);
        break;
      }
    }
  }
  return leaks;
}

export interface CheckedResponse {
  status: number;
  problems: string[];
}

/** How long a live stream (server-sent events) is read before the check hangs up: it may never end by itself. */
const STREAM_READ_MS = 150;

/** The body's text; of an event stream, what arrives within STREAM_READ_MS (then the client goes away). */
async function bodyText(res: Response): Promise<string> {
  if (!(res.headers.get('content-type') ?? '').startsWith('text/event-stream') || !res.body) return res.text();
  const reader = res.body.getReader();
  const decoder = new TextDecoder();
  let text = '';
  const deadline = Date.now() + STREAM_READ_MS;
  for (;;) {
    const left = deadline - Date.now();
    if (left <= 0) break;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const chunk = await Promise.race([reader.read(), new Promise<null>((r) => (timer = setTimeout(() => r(null), left)))]);
    clearTimeout(timer);
    if (chunk === null || chunk.done) break;
    text += decoder.decode(chunk.value, { stream: true });
  }
  await reader.cancel();
  return text;
}

/** Status, envelope, request id and leaks of one response. */
export async function checkResponse(r: HostileRequest, res: Response): Promise<CheckedResponse> {
  const problems: string[] = [];
  const text = await bodyText(res);
  if (res.status >= 500) problems.push(`status ${res.status}`);
  if (!res.headers.get('x-request-id')) problems.push('no x-request-id header');
  if (res.status >= 400) {
    let body: { error?: { code?: unknown; message?: unknown } } | undefined;
    try {
      body = JSON.parse(text) as typeof body;
    } catch {
      problems.push(`error body is not JSON: ${text.slice(0, 120)}`);
    }
    if (body && (typeof body.error?.code !== 'string' || typeof body.error?.message !== 'string'))
      problems.push(`not the error envelope: ${text.slice(0, 200)}`);
    if (!/^application\/json/.test(res.headers.get('content-type') ?? '')) problems.push(`error content-type ${res.headers.get('content-type')}`);
    if (res.status === 405 && !res.headers.get('allow')) problems.push('405 without Allow');
  }
  // Success bodies hold stored data, which earlier requests may have filled with SQL-looking text: there
  // only traces of code count.
  const patterns = res.status >= 400 ? LEAK_PATTERNS : LEAK_PATTERNS.slice(0, 3);
  problems.push(...findLeaks(text, requestText(r), patterns).map((l) => `leak: ${l}`));
  return { status: res.status, problems };
}
