/** The header that carries a request's id, on every API response. */
export const REQUEST_ID_HEADER = 'x-request-id';

const SANE = /^[A-Za-z0-9._-]{1,100}$/;

/** A request id: the caller's `x-request-id` when it is a sane token, else a fresh one. */
export function requestIdOf(req: Request): string {
  const given = req.headers.get(REQUEST_ID_HEADER);
  return given && SANE.test(given) ? given : crypto.randomUUID();
}
