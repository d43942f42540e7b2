import journal from '@/drizzle/meta/_journal.json';

/** The schema version this code knows: the number of migrations in the drizzle journal, never kept by hand. */
export const SCHEMA_VERSION: number = journal.entries.length;

export class SchemaTooNewError extends Error {
  constructor(
    readonly found: number,
    readonly known: number,
  ) {
    super(
      `The database is at schema version ${found}, newer than this Flowdeck knows (${known}). ` +
        'It was opened by a newer release; upgrade Flowdeck to open it. Nothing was changed.',
    );
    this.name = 'SchemaTooNewError';
  }
}
