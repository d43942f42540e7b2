/** The streams a step's output comes from, in the order a viewer lists them. */
export const LOG_STREAMS = ['stdout', 'stderr'] as const;
export type LogStream = (typeof LOG_STREAMS)[number];

/** Bytes of output kept per step attempt unless configured otherwise; past them the log says how much was cut. */
export const DEFAULT_LOG_LIMIT_BYTES = 16 * 1024 * 1024;
/** The longest single line kept; a longer one is cut there (and the cut counted). */
export const MAX_LOG_LINE_CHARS = 64 * 1024;
/** How far behind the producing process a runner's uploads may fall. */
export const LOG_FLUSH_MS = 1000;
