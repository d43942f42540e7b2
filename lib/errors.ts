/** Expected failures with a user-facing message; anything else is a bug and becomes a 500. */
export type ErrorCode =
  | 'not_found'
  | 'invalid_input'
  | 'conflict'
  | 'invalid_transition'
  | 'version_not_accepting_runs'
  | 'version_has_active_runs'
  | 'incompatible'
  | 'lease_lost'
  | 'not_supported_by_engine'
  | 'payload_too_large'
  | 'unsupported_media_type'
  | 'unauthorized'
  | 'forbidden'
  | 'csrf'
  | 'last_admin_token'
  | 'name_taken'
  | 'method_not_allowed'
  | 'unavailable';

/** The HTTP status of each error code. */
export const ERROR_STATUS: Record<ErrorCode, number> = {
  not_found: 404,
  invalid_input: 400,
  conflict: 409,
  invalid_transition: 409,
  version_not_accepting_runs: 409,
  version_has_active_runs: 409,
  incompatible: 409,
  lease_lost: 409,
  not_supported_by_engine: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  unauthorized: 401,
  forbidden: 403,
  csrf: 403,
  last_admin_token: 409,
  name_taken: 409,
  method_not_allowed: 405,
  unavailable: 503,
};

export class AppError extends Error {
  readonly status: number;

  constructor(
    readonly code: ErrorCode,
    message: string,
    /** Extra structured fields of the error body (e.g. entity, expected, actual). */
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'AppError';
    this.status = ERROR_STATUS[code];
  }
}

export const notFound = (what: string, id: string) => new AppError('not_found', `${what} ${id} not found`, { entity: what, id });

export function conflict(entity: string, id: string, expected: number, actual: number): AppError {
  return new AppError('conflict', `${entity} ${id} is at version ${actual}, not ${expected}`, { entity, id, expected, actual });
}
