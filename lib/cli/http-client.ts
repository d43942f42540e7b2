import { ApiError, fetchJson } from '@/lib/api/fetch-json';
import { env } from '@/lib/env';

/** Exit codes: 0 success, 1 the server refused or failed, 2 a bad invocation, 3 the server was not reached. */
export const EXIT = { ok: 0, refused: 1, usage: 2, unreachable: 3 } as const;

/** A failure found by the CLI itself (bad file, missing flag, server down), with its exit code. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = EXIT.usage,
  ) {
    super(message);
    this.name = 'CliError';
  }
}

export interface Api {
  readonly baseUrl: string;
  get<T>(path: string): Promise<T>;
  send<T>(method: 'POST' | 'PATCH' | 'DELETE', path: string, body?: unknown): Promise<T>;
  /** A GET whose body is read as it arrives (a live stream): no time limit; non-2xx answers reject with `ApiError`. */
  open(path: string, headers: Record<string, string>): Promise<Response>;
}

/** How long one request may take before the CLI gives up on it (a bulk dry run reads every active run). */
const TIMEOUT_MS = 120_000;

/**
 * The CLI's only way to the store: the HTTP API at FLOWDECK_URL, with `Authorization: Bearer
 * FLOWDECK_TOKEN` when a token is set. Non-2xx answers reject with `ApiError` (status, code, details).
 */
export function api(): Api {
  const e = env();
  const baseUrl = e.FLOWDECK_URL.replace(/\/+$/, '');
  const headers: Record<string, string> = e.FLOWDECK_TOKEN ? { Authorization: `Bearer ${e.FLOWDECK_TOKEN}` } : {};
  async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
    try {
      return await fetchJson<T>(`${baseUrl}${path}`, { method, headers, json: body, signal: AbortSignal.timeout(TIMEOUT_MS) });
    } catch (err) {
      if (err instanceof ApiError && err.status === 0) {
        throw new CliError(`cannot reach the Flowdeck server at ${baseUrl}: is it running? (set FLOWDECK_URL to point elsewhere)`, EXIT.unreachable);
      }
      throw err;
    }
  }
  async function open(path: string, extra: Record<string, string>): Promise<Response> {
    let res: Response;
    try {
      res = await fetch(`${baseUrl}${path}`, { headers: { ...headers, ...extra } });
    } catch {
      throw new CliError(`cannot reach the Flowdeck server at ${baseUrl}: is it running? (set FLOWDECK_URL to point elsewhere)`, EXIT.unreachable);
    }
    if (res.ok) return res;
    const body = (await res.json().catch(() => null)) as { error?: { code?: unknown; message?: unknown } } | null;
    const code = typeof body?.error?.code === 'string' ? body.error.code : `http_${res.status}`;
    throw new ApiError(res.status, code, typeof body?.error?.message === 'string' ? body.error.message : `HTTP ${res.status}`);
  }
  return { baseUrl, get: (path) => call('GET', path), send: call, open };
}

/** Whether an error is the API's 404 (e.g. no current version yet). */
export const isNotFound = (err: unknown): boolean => err instanceof ApiError && err.status === 404;
