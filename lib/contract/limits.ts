/** Request size limits of the HTTP API (413 past them). */
export const JSON_LIMIT = 1024 * 1024;
/** A version's manifest can be larger than other JSON bodies. */
export const VERSION_BODY_LIMIT = 4 * 1024 * 1024;
/** A connector's import batch (up to 500 runs with their steps and events). */
export const IMPORT_BODY_LIMIT = 16 * 1024 * 1024;
export const BLOB_LIMIT = 64 * 1024 * 1024;
/** JSON bodies nest at most this deep (deeper ones are a 400 before any validation). */
export const JSON_DEPTH_LIMIT = 64;
/** One batch of log lines appended by an engine or runner. */
export const LOG_BODY_LIMIT = 4 * 1024 * 1024;
