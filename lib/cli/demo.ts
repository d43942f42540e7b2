import path from 'node:path';
import type { Command } from 'commander';
import { env } from '@/lib/env';

interface DemoOptions {
  runs?: string;
  seed: string;
  anchor?: string;
  ifEmpty?: boolean;
}

/** `flowdeck demo`: writes the deterministic demo straight into the store (the server must be stopped for PGlite). */
export function registerDemo(program: Command): void {
  program
    .command('demo')
    .description('load deterministic demo data (versions, runs, nodes, events, artifacts) into the store')
    .option('--runs <n>', 'number of runs (default FLOWDECK_DEMO_RUNS or 20000)')
    .option('--seed <s>', 'random seed', '1')
    .option('--anchor <iso>', 'the "now" the demo is built around (default: now)')
    .option('--if-empty', 'do nothing when the store already holds data')
    .action(async (opts: DemoOptions) => {
      const e = env();
      const runs = opts.runs === undefined ? e.FLOWDECK_DEMO_RUNS : Number(opts.runs);
      const seed = Number(opts.seed);
      const anchor = opts.anchor ? new Date(opts.anchor) : new Date();
      if (!Number.isInteger(runs) || runs < 0 || runs > 5_000_000) throw new Error('--runs must be a whole number from 0 to 5000000');
      if (!Number.isInteger(seed)) throw new Error('--seed must be a whole number');
      if (Number.isNaN(anchor.getTime())) throw new Error('--anchor must be an ISO date-time');
      // Loaded here, not at the top: the store and the demo loader are heavy, and every other command is an HTTP client.
      const [{ LocalBlobStore }, { openDb }, { isStoreEmpty, loadDemo }] = await Promise.all([
        import('@/lib/artifacts/local-blob-store'),
        import('@/lib/db/open'),
        import('@/lib/demo/load'),
      ]);
      const store = await openDb({ databaseUrl: e.DATABASE_URL, dataDir: e.dataDir, migrationsDir: path.join(e.root, 'drizzle') });
      try {
        if (opts.ifEmpty && !(await isStoreEmpty(store.db))) {
          console.log('flowdeck: store already has data; demo not loaded');
          return;
        }
        console.log(`flowdeck: loading demo (${runs} runs, seed ${seed}) into ${store.engine}…`);
        let shown = 0;
        const onProgress = ({ runs: done, total }: { runs: number; total: number }) => {
          if (total >= 50_000 && done - shown >= total / 10) {
            shown = done;
            console.log(`flowdeck: ${done} of ${total} runs loaded`);
          }
        };
        const result = await loadDemo(store.db, new LocalBlobStore(e.blobDir), { runs, seed, anchor, onProgress });
        console.log(`flowdeck: demo loaded: ${JSON.stringify(result)}`);
      } finally {
        await store.close();
      }
    });
}
