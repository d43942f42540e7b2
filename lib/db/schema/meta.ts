import { pgTable, text } from 'drizzle-orm/pg-core';

/** Store-wide facts such as the recorded schema version. */
export const meta = pgTable('meta', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});
