import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Db } from '@/lib/db/client';
import { meta } from '@/lib/db/schema';

/**
 * The key that signs dashboard sessions, kept in the store so every replica shares it. It is made by
 * the first sign-in (reading it never writes, so a refused request leaves the store as it was). Not a
 * commit: it is the server's own secret, not an operator's change. Deleting the row signs everyone out.
 */
const KEY = 'session_secret';

export async function readSessionSecret(db: Db): Promise<string | null> {
  const [row] = await db.select({ value: meta.value }).from(meta).where(eq(meta.key, KEY));
  return row?.value ?? null;
}

export async function ensureSessionSecret(db: Db): Promise<string> {
  const existing = await readSessionSecret(db);
  if (existing) return existing;
  await db
    .insert(meta)
    .values({ key: KEY, value: randomBytes(32).toString('base64url') })
    .onConflictDoNothing();
  const created = await readSessionSecret(db);
  if (!created) throw new Error('the session secret could not be stored');
  return created;
}
