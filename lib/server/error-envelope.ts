import type { ErrorCode } from '@/lib/errors';

/** The body of every API error: `{ "error": { "code", "message", … } }`. */
export interface ErrorEnvelope {
  error: { code: ErrorCode | 'internal'; message: string; [extra: string]: unknown };
}

/** An error response in the envelope. Free of store imports, so the proxy can use it too. */
export function errorResponse(
  status: number,
  code: ErrorEnvelope['error']['code'],
  message: string,
  extra: Record<string, unknown> = {},
  headers: HeadersInit = {},
): Response {
  // Extra fields never override the code and the message.
  const body: ErrorEnvelope = { error: { code, message, ...extra } };
  body.error.code = code;
  body.error.message = message;
  return Response.json(body, { status, headers });
}
