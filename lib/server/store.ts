import 'server-only';
import path from 'node:path';
import type { BlobStore } from '@/lib/artifacts/blob-store';
import { LocalBlobStore } from '@/lib/artifacts/local-blob-store';
import { type OpenedDb, openDb } from '@/lib/db/open';
import { env, isBuildPhase } from '@/lib/env';

export interface Store extends OpenedDb {
  blobs: BlobStore;
}

const KEY = Symbol.for('flowdeck.store');
type Holder = { [KEY]?: Promise<Store> };

/**
 * The one store of this server process. Next.js may load this module more than once, so the instance
 * lives on globalThis; it is opened on first use, never during `next build`.
 */
export function getStore(): Promise<Store> {
  if (isBuildPhase()) throw new Error('the store is not opened during next build');
  const holder = globalThis as Holder;
  if (!holder[KEY]) {
    const e = env();
    holder[KEY] = openDb({ databaseUrl: e.DATABASE_URL, dataDir: e.dataDir, migrationsDir: path.join(e.root, 'drizzle') })
      .then((opened) => ({ ...opened, blobs: new LocalBlobStore(e.blobDir) }))
      .catch((err: unknown) => {
        delete holder[KEY];
        throw err;
      });
  }
  return holder[KEY];
}

/** Puts an already opened store in place of the process store (tests drive route handlers this way). */
export function provideStore(store: Store): void {
  (globalThis as Holder)[KEY] = Promise.resolve(store);
}
