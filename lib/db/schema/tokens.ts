import { pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { tstz } from './columns';
import { tokenRole } from './enums';

/** API tokens; only a hash of the secret is stored. */
export const tokens = pgTable(
  'tokens',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    role: tokenRole('role').notNull(),
    secretHash: text('secret_hash').notNull(),
    createdAt: tstz('created_at').notNull(),
    lastUsedAt: tstz('last_used_at'),
    revokedAt: tstz('revoked_at'),
    /** Past this time the token is refused; null never expires. */
    expiresAt: tstz('expires_at'),
  },
  (t) => [uniqueIndex('tokens_secret_hash').on(t.secretHash), uniqueIndex('tokens_name').on(t.name)],
);

export type TokenRow = typeof tokens.$inferSelect;
