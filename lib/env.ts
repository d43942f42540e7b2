import path from 'node:path';
import { z } from 'zod';
import { AUTH_SETTINGS } from '@/lib/domain/auth-mode';
import { DEFAULT_LOG_LIMIT_BYTES } from '@/lib/domain/log-lines';

const EnvSchema = z.object({
  DATABASE_URL: z.string().min(1).optional(),
  FLOWDECK_ROOT: z.string().min(1).optional(),
  FLOWDECK_DATA_DIR: z.string().min(1).optional(),
  FLOWDECK_BLOB_DIR: z.string().min(1).optional(),
  FLOWDECK_DEMO: z.enum(['0', '1']).default('1'),
  FLOWDECK_DEMO_RUNS: z.coerce.number().int().min(0).max(5_000_000).default(20_000),
  /** `auto`: tokens are required unless the server is known to listen on loopback only. */
  FLOWDECK_AUTH: z.enum(AUTH_SETTINGS).default('auto'),
  /** The host `flowdeck start` told the server to bind (set by the launcher, not by hand). */
  FLOWDECK_BIND_HOST: z.string().min(1).optional(),
  /** Bytes of output kept per step attempt; past them lines are counted, not kept. */
  FLOWDECK_LOG_LIMIT_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .max(1024 * 1024 * 1024)
    .default(DEFAULT_LOG_LIMIT_BYTES),
  FLOWDECK_URL: z.string().url().default('http://127.0.0.1:3000'),
  FLOWDECK_TOKEN: z.string().min(1).optional(),
  /** `flowdeck runner`: more variable names whose values are masked in step logs (lib/domain/log-mask). */
  FLOWDECK_SECRET_ENV: z.string().optional(),
  HOSTNAME: z.string().min(1).default('127.0.0.1'),
  PORT: z.coerce.number().int().min(1).max(65_535).default(3000),
});

export type Env = z.infer<typeof EnvSchema> & {
  root: string;
  dataDir: string;
  blobDir: string;
  /** FLOWDECK_URL was set (not the default): CLI commands that could work on the store go through the API. */
  urlGiven: boolean;
};

/** The process environment, validated. The only reader of process.env. */
export function env(source: Record<string, string | undefined> = process.env): Env {
  const parsed = EnvSchema.parse(Object.fromEntries(Object.entries(source).filter(([, v]) => v !== '')));
  const root = path.resolve(/* turbopackIgnore: true */ parsed.FLOWDECK_ROOT ?? process.cwd());
  // `memory` keeps the embedded database in memory (tests, throwaway demos).
  const dataDir = parsed.FLOWDECK_DATA_DIR === 'memory' ? 'memory' : path.resolve(root, parsed.FLOWDECK_DATA_DIR ?? '.flowdeck/db');
  const blobBase = dataDir === 'memory' ? path.join(root, '.flowdeck') : path.dirname(dataDir);
  const blobDir = path.resolve(root, parsed.FLOWDECK_BLOB_DIR ?? path.join(blobBase, 'blobs'));
  return { ...parsed, root, dataDir, blobDir, urlGiven: typeof source.FLOWDECK_URL === 'string' && source.FLOWDECK_URL !== '' };
}

/** True while `next build` runs: nothing may open the store then. */
export function isBuildPhase(source: Record<string, string | undefined> = process.env): boolean {
  return source.NEXT_PHASE === 'phase-production-build';
}
