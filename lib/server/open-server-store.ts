import { StoreLockedError } from '@/lib/db/lock';
import { SchemaTooNewError } from '@/lib/db/schema-version';
import { describeAuthMode } from '@/lib/domain/auth-mode';
import { currentAuthMode } from './auth';
import { kickJobs } from './job-worker';
import { getStore } from './store';

/** Opens the store at server start; a store that cannot be opened ends the process with its message. */
export async function openServerStore(): Promise<void> {
  try {
    const store = await getStore();
    console.log(`[flowdeck] store open: ${store.engine}, schema ${store.schemaVersion}`);
    console.log(`[flowdeck] ${describeAuthMode(currentAuthMode())}`);
    kickJobs();
  } catch (err) {
    if (err instanceof StoreLockedError || err instanceof SchemaTooNewError) {
      console.error(`[flowdeck] ${err.message}`);
      process.exit(1);
    }
    throw err;
  }
}
