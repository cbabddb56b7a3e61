import { QueryFailedError } from 'typeorm';

/**
 * True when a write failed on a UNIQUE index (SQLite `SQLITE_CONSTRAINT` "UNIQUE constraint failed",
 * PostgreSQL 23505). Services check for duplicates first and use this to turn the race they cannot
 * see into the same 409.
 */
export function isUniqueViolation(err: unknown): boolean {
  if (!(err instanceof QueryFailedError)) return false;
  const driver = err.driverError as { code?: string; message?: string } | undefined;
  if (driver?.code === '23505') return true;
  return /UNIQUE constraint failed/i.test(driver?.message ?? err.message);
}
