import { eq } from 'drizzle-orm';
import type { Db, Tx } from '@/lib/db/client';
import { countOtherActiveAdmins, toTokenDto } from '@/lib/db/queries/tokens';
import { type TokenRow, tokens } from '@/lib/db/schema';
import { commitChange } from '@/lib/db/writes/commit';
import { newId } from '@/lib/domain/ids';
import { hashTokenSecret, newTokenSecret } from '@/lib/domain/token-secret';
import { type CreatedToken, type CreateTokenInput, resolveExpiry, type TokenDto, tokenNameProblem, tokenState } from '@/lib/domain/tokens';
import { AppError, notFound } from '@/lib/errors';

/** What a commit records of a token: who and what it may do, never the secret or its hash. */
function tokenSnapshot(t: TokenRow) {
  return {
    name: t.name,
    role: t.role,
    createdAt: t.createdAt.toISOString(),
    expiresAt: t.expiresAt?.toISOString() ?? null,
    revokedAt: t.revokedAt?.toISOString() ?? null,
  };
}

const nameTaken = (name: string) =>
  new AppError('name_taken', `a token named "${name}" already exists (names stay taken after revocation, so commit actors remain unambiguous)`, {
    fields: { name: ['taken'] },
  });

function isUniqueViolation(err: unknown): boolean {
  for (let e: unknown = err; e && typeof e === 'object'; e = (e as { cause?: unknown }).cause) {
    if ((e as { code?: unknown }).code === '23505') return true;
  }
  return false;
}

/** Creates a token (one commit `token.create` by `actor`); returns it with its secret, the only time the secret exists. */
export async function createToken(db: Db, actor: string, input: CreateTokenInput, now = new Date()): Promise<CreatedToken> {
  const problem = tokenNameProblem(input.name);
  if (problem) throw new AppError('invalid_input', problem, { fields: { name: [problem] } });
  const expiry = resolveExpiry(input, now);
  if ('problem' in expiry)
    throw new AppError('invalid_input', expiry.problem, { fields: { [input.expiresAt !== undefined ? 'expiresAt' : 'expiresIn']: [expiry.problem] } });
  const secret = newTokenSecret();
  try {
    const { result } = await commitChange(db, async (tx: Tx) => {
      const [existing] = await tx.select({ id: tokens.id }).from(tokens).where(eq(tokens.name, input.name));
      if (existing) throw nameTaken(input.name);
      const [row] = await tx
        .insert(tokens)
        .values({
          id: newId('tok', now.getTime()),
          name: input.name,
          role: input.role,
          secretHash: hashTokenSecret(secret),
          createdAt: now,
          expiresAt: expiry.expiresAt,
        })
        .returning();
      const created = row as TokenRow;
      return {
        result: created,
        commit: { actor, action: 'token.create', changes: [{ entity: 'token' as const, id: created.id, before: null, after: tokenSnapshot(created) }] },
      };
    });
    return { token: toTokenDto(result, now), secret };
  } catch (err) {
    if (isUniqueViolation(err)) throw nameTaken(input.name);
    throw err;
  }
}

/**
 * Revokes a token (one commit `token.revoke`): every request and session with it is refused from now
 * on. Revoking a revoked token changes nothing. The last active admin token is kept: revoking it would
 * leave no one able to manage tokens through the API.
 */
export async function revokeToken(db: Db, actor: string, id: string, now = new Date()): Promise<{ token: TokenDto; changed: boolean }> {
  const { result } = await commitChange(db, async (tx) => {
    const [row] = await tx.select().from(tokens).where(eq(tokens.id, id)).for('update');
    if (!row) throw notFound('token', id);
    if (row.revokedAt) return { result: { row, changed: false }, commit: null };
    if (row.role === 'admin' && tokenState(row, now) === 'active' && (await countOtherActiveAdmins(tx, row.id, now)) === 0) {
      throw new AppError('last_admin_token', `"${row.name}" is the last active admin token; create another admin token first, then revoke this one`, {
        id: row.id,
      });
    }
    const [after] = await tx.update(tokens).set({ revokedAt: now }).where(eq(tokens.id, id)).returning();
    const revoked = after as TokenRow;
    return {
      result: { row: revoked, changed: true },
      commit: { actor, action: 'token.revoke', changes: [{ entity: 'token' as const, id, before: tokenSnapshot(row), after: tokenSnapshot(revoked) }] },
    };
  });
  return { token: toTokenDto(result.row, now), changed: result.changed };
}
