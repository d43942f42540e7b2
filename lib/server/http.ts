import 'server-only';
import { randomUUID } from 'node:crypto';
import { ZodError, type z } from 'zod';
import { JSON_DEPTH_LIMIT, JSON_LIMIT } from '@/lib/contract/limits';
import { StoreLockedError } from '@/lib/db/lock';
import { SchemaTooNewError } from '@/lib/db/schema-version';
import { storableJsonProblem, textProblem } from '@/lib/domain/storable-json';
import { AppError } from '@/lib/errors';
import { errorResponse } from './error-envelope';

export { BLOB_LIMIT, JSON_LIMIT } from '@/lib/contract/limits';
export { errorResponse } from './error-envelope';

function fieldErrors(err: ZodError): Record<string, string[]> {
  const fields: Record<string, string[]> = {};
  for (const issue of err.issues) {
    const key = issue.path.length ? issue.path.join('.') : '(body)';
    fields[key] = [...(fields[key] ?? []), issue.message];
  }
  return fields;
}

/** Maps an error to the JSON error envelope; unexpected ones are logged with a request id and hidden. */
export function toErrorResponse(err: unknown, requestId: string = randomUUID()): Response {
  if (err instanceof ZodError) {
    const fields = fieldErrors(err);
    const first = Object.entries(fields)[0];
    const message = first ? `invalid input: ${first[0]}: ${first[1][0]}` : 'invalid input';
    return errorResponse(400, 'invalid_input', message, { fields });
  }
  if (err instanceof AppError) return errorResponse(err.status, err.code, err.message, err.details);
  if (err instanceof StoreLockedError || err instanceof SchemaTooNewError) return errorResponse(503, 'unavailable', err.message);
  console.error(`[flowdeck] request ${requestId} failed:`, err);
  return errorResponse(500, 'internal', 'internal server error', { requestId });
}

/** Reads the body up to `limit` bytes; 413 past it. */
export async function readBytes(req: Request, limit: number): Promise<Uint8Array> {
  const declared = Number(req.headers.get('content-length') ?? 'NaN');
  if (declared > limit) throw new AppError('payload_too_large', `body is larger than ${limit} bytes`);
  if (!req.body) return new Uint8Array();
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = req.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      throw new AppError('payload_too_large', `body is larger than ${limit} bytes`);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

/** Parses a JSON body (content type, size, syntax) and validates it; every failure is a 4xx. */
export async function readJson<S extends z.ZodType>(req: Request, schema: S, limit = JSON_LIMIT): Promise<z.infer<S>> {
  const type = req.headers.get('content-type') ?? '';
  if (!/^application\/json\b/i.test(type)) throw new AppError('unsupported_media_type', 'send the body as application/json');
  const text = new TextDecoder('utf-8', { fatal: false }).decode(await readBytes(req, limit));
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new AppError('invalid_input', 'body is not valid JSON');
  }
  const unstorable = storableJsonProblem(value, JSON_DEPTH_LIMIT);
  if (unstorable) {
    throw new AppError('invalid_input', `invalid input: ${unstorable.path}: ${unstorable.problem}`, { fields: { [unstorable.path]: [unstorable.problem] } });
  }
  return schema.parse(value);
}

/** Query parameters as a plain object, for zod. Repeated keys keep the last value. No NUL or lone surrogates. */
export function searchParams(req: Request): Record<string, string> {
  const params = Object.fromEntries(new URL(req.url).searchParams.entries());
  for (const [key, value] of Object.entries(params)) {
    const problem = textProblem(key) ?? textProblem(value);
    if (problem)
      throw new AppError('invalid_input', `invalid input: query parameter ${problem}`, { fields: { [textProblem(key) ? '(query)' : key]: [problem] } });
  }
  return params;
}

export function created(body: unknown, location: string): Response {
  return Response.json(body, { status: 201, headers: { Location: location } });
}

/** The row version a write expects: `expectedVersion` in the body, else `If-Match: "3"`. Required. */
export function expectedVersion(req: Request, body: { expectedVersion?: number }): number {
  if (body.expectedVersion !== undefined) return body.expectedVersion;
  const match = /^(?:W\/)?"?(\d+)"?$/.exec(req.headers.get('if-match')?.trim() ?? '');
  if (match) return Number(match[1]);
  throw new AppError('invalid_input', 'name the version you expect: expectedVersion in the body or an If-Match header', {
    fields: { expectedVersion: ['required'] },
  });
}

/** A JSON response carrying the entity's row version as its ETag. */
export function withEtag(body: { rowVersion: number }, init: ResponseInit = {}): Response {
  return Response.json(body, { ...init, headers: { ...init.headers, ETag: `"${body.rowVersion}"` } });
}

/** A server-sent-events client's `Last-Event-ID` (a line number here): null when absent; 400 when it is not one. */
export function lastEventId(req: Request): number | null {
  const raw = req.headers.get('last-event-id');
  if (raw === null || raw.trim() === '') return null;
  const n = Number(raw.trim());
  if (!/^\d{1,15}$/.test(raw.trim()) || !Number.isSafeInteger(n)) {
    throw new AppError('invalid_input', 'Last-Event-ID must be a line number', { fields: { 'Last-Event-ID': ['must be a non-negative integer'] } });
  }
  return n;
}
