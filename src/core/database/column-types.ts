/**
 * Column types that differ between the two engines, chosen in one place.
 * Entity decorators run when their file is imported, before Nest boots, so the engine is
 * read straight from DATABASE_URL here (the same rule loadConfiguration applies).
 */
const isPostgres = /^postgres(ql)?:\/\//.test(process.env.DATABASE_URL ?? '');

/** An instant in UTC: timestamptz on PostgreSQL, datetime (UTC text) on SQLite. */
export const DATETIME = isPostgres ? 'timestamptz' : 'datetime';

export function datetimeTypeFor(engine: string): 'timestamptz' | 'datetime' {
  return engine === 'postgres' ? 'timestamptz' : 'datetime';
}
