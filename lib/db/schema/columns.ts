import { customType, timestamp } from 'drizzle-orm/pg-core';

/** Text compared byte-wise, so prefix filters are index range scans on every engine. */
export const textC = customType<{ data: string }>({
  dataType: () => 'text COLLATE "C"',
});

export const tstz = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
