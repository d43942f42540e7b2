/**
 * The one client transport to our HTTP API. Every non-2xx answer becomes an `ApiError` built from the
 * `{ error: { code, message, …details } }` body, so callers branch on `status` and `code`, never on text.
 */

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** The other fields of the error body (e.g. `entity`, `expected`, `actual` of a 409). */
    readonly details: Readonly<Record<string, unknown>> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }

  get isClientError(): boolean {
    return this.status >= 400 && this.status < 500;
  }
}

export function isApiError(value: unknown): value is ApiError {
  return value instanceof ApiError;
}

/** A status the server may answer again differently: network trouble, 408, 429 and 5xx. */
export function isRetryable(error: unknown): boolean {
  if (!isApiError(error)) return true;
  return error.status === 408 || error.status === 429 || error.status >= 500 || error.status === 0;
}

const GENERIC: Record<number, string> = {
  400: 'The request was not valid.',
  401: 'You need to sign in.',
  403: 'You are not allowed to do this.',
  404: 'Not found.',
  409: 'Someone else changed this first. Reload and try again.',
  500: 'The server hit an internal error.',
  503: 'The service is unavailable right now.',
};

async function toApiError(res: Response): Promise<ApiError> {
  let body: unknown = null;
  try {
    body = await res.json();
  } catch {
    // not JSON (proxy page, empty body): fall back to the status text
  }
  const error = (body as { error?: unknown } | null)?.error;
  if (error && typeof error === 'object') {
    const { code, message, ...details } = error as Record<string, unknown>;
    return new ApiError(
      res.status,
      typeof code === 'string' ? code : `http_${res.status}`,
      typeof message === 'string' ? message : (GENERIC[res.status] ?? res.statusText),
      details,
    );
  }
  return new ApiError(res.status, `http_${res.status}`, GENERIC[res.status] ?? (res.statusText || `HTTP ${res.status}`));
}

export interface FetchJsonInit extends Omit<RequestInit, 'body'> {
  /** Sent as JSON with `Content-Type: application/json`. */
  json?: unknown;
  body?: BodyInit | null;
}

async function send(input: string, init: FetchJsonInit): Promise<Response> {
  const { json, headers, ...rest } = init;
  const h = new Headers(headers);
  if (!h.has('Accept')) h.set('Accept', 'application/json');
  if (json !== undefined) h.set('Content-Type', 'application/json');
  try {
    return await fetch(input, { ...rest, headers: h, body: json !== undefined ? JSON.stringify(json) : rest.body });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError(0, 'network_error', 'Could not reach the Flowdeck server.');
  }
}

/**
 * `fetch` + JSON. Resolves with the parsed body (or `undefined` for 204), rejects with `ApiError`
 * for any non-2xx answer and with `ApiError(0, 'network_error')` when the server was not reached.
 */
export async function fetchJson<T>(input: string, init: FetchJsonInit = {}): Promise<T> {
  const res = await send(input, init);
  if (!res.ok) throw await toApiError(res);
  if (res.status === 204 || res.headers.get('Content-Length') === '0') return undefined as T;
  return (await res.json()) as T;
}

/** What a conditional GET found: the same entity as the tag names, or a new body and its tag. */
export type Revalidated<T> = { changed: false } | { changed: true; data: T; etag: string | null };

/**
 * A GET that names the entity tag it already holds (`If-None-Match`): a 304 answer resolves with
 * `{ changed: false }` and no body is sent or parsed. Errors as `fetchJson`.
 */
export async function fetchJsonIfChanged<T>(input: string, etag: string | null, init: FetchJsonInit = {}): Promise<Revalidated<T>> {
  const headers = new Headers(init.headers);
  if (etag) headers.set('If-None-Match', etag);
  const res = await send(input, { ...init, headers, cache: 'no-store' });
  if (res.status === 304) return { changed: false };
  if (!res.ok) throw await toApiError(res);
  return { changed: true, data: (await res.json()) as T, etag: res.headers.get('ETag') };
}
