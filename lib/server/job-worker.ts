import { eq } from 'drizzle-orm';
import { processNextItem } from '@/lib/control/bulk-upgrade';
import { jobs } from '@/lib/db/schema';
import { getStore } from './store';

const KEY = Symbol.for('flowdeck.job-worker');
type Holder = { [KEY]?: { running: boolean; again: boolean } };

/**
 * Works through every running bulk job, one run at a time, in the background of this server process.
 * Called at start (a job interrupted by a crash resumes) and whenever a job is created.
 */
export function kickJobs(): void {
  const holder = globalThis as Holder;
  const state = holder[KEY] ?? { running: false, again: false };
  holder[KEY] = state;
  if (state.running) {
    state.again = true;
    return;
  }
  state.running = true;
  void (async () => {
    try {
      do {
        state.again = false;
        const { db } = await getStore();
        const running = await db.select({ id: jobs.id }).from(jobs).where(eq(jobs.status, 'running')).orderBy(jobs.id);
        for (const job of running) {
          while (await processNextItem(db, job.id)) {
            // one run per transaction; other requests interleave between them
          }
        }
      } while (state.again);
    } catch (err) {
      console.error('[flowdeck] bulk job worker stopped:', err);
    } finally {
      state.running = false;
    }
  })();
}
