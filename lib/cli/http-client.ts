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
  return { baseUrl, get: (path) => call('GET', path), send: call };
}

/** Whether an error is the API's 404 (e.g. no current version yet). */
export const isNotFound = (err: unknown): boolean => err instanceof ApiError && err.status === 404;
