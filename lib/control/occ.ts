import { conflict } from '@/lib/errors';

/** Optimistic concurrency: the caller names the row version it last read; anything else is a 409. */
export function expectVersion(entity: string, id: string, expected: number, actual: number): void {
  if (expected !== actual) throw conflict(entity, id, expected, actual);
}
