import { and, desc, eq, isNull, lt, or, sql } from 'drizzle-orm';
import type { Db, Tx } from '@/lib/db/client';
import { type TokenRow, tokens } from '@/lib/db/schema';
import { LAST_USED_RESOLUTION_MS, type TokenDto, tokenState } from '@/lib/domain/tokens';
import { notFound } from '@/lib/errors';

/** A token row as the API shows it: no secret, no hash. */
export function toTokenDto(row: TokenRow, now = new Date()): TokenDto {
  return {
    id: row.id,
    name: row.name,
    role: row.role,
    state: tokenState(row, now),
    createdAt: row.createdAt.toISOString(),
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    expiresAt: row.expiresAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
  };
}

/** Every token, newest first (revoked and expired ones included: they explain old commits). */
export async function listTokens(db: Db, now = new Date()): Promise<TokenDto[]> {
  const rows = await db.select().from(tokens).orderBy(desc(tokens.createdAt), desc(tokens.id));
  return rows.map((r) => toTokenDto(r, now));
}

export async function getToken(db: Db, id: string, now = new Date()): Promise<TokenDto> {
  const [row] = await db.select().from(tokens).where(eq(tokens.id, id));
  if (!row) throw notFound('token', id);
  return toTokenDto(row, now);
}

/** The token whose secret has this hash (any state; the caller decides), or null. */
export async function findTokenByHash(db: Db | Tx, secretHash: string): Promise<TokenRow | null> {
  const [row] = await db.select().from(tokens).where(eq(tokens.secretHash, secretHash));
  return row ?? null;
}

export async function findTokenById(db: Db | Tx, id: string): Promise<TokenRow | null> {
  const [row] = await db.select().from(tokens).where(eq(tokens.id, id));
  return row ?? null;
}

/**
 * Records that a token was used, at most once a minute (also across replicas: the update only
 * matches a row last used longer ago). Not a commit: using a token changes nothing an operator did.
 */
export async function recordTokenUse(db: Db, id: string, now = new Date()): Promise<void> {
  const before = new Date(now.getTime() - LAST_USED_RESOLUTION_MS);
  await db
    .update(tokens)
    .set({ lastUsedAt: now })
    .where(and(eq(tokens.id, id), or(isNull(tokens.lastUsedAt), lt(tokens.lastUsedAt, before))));
}

/** Active admin tokens other than `exceptId` (revoking the last one would lock token management). */
export async function countOtherActiveAdmins(db: Db | Tx, exceptId: string, now = new Date()): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(tokens)
    .where(
      and(
        eq(tokens.role, 'admin'),
        isNull(tokens.revokedAt),
        or(isNull(tokens.expiresAt), sql`${tokens.expiresAt} > ${now.toISOString()}`),
        sql`${tokens.id} <> ${exceptId}`,
      ),
    );
  return row?.n ?? 0;
}
