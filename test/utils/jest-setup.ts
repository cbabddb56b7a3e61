import 'reflect-metadata';
// Every test runs in UTC so that nothing depends on the machine's zone; the app itself
// always reasons in TZ_APP (Asia/Ho_Chi_Minh) through the calendar module.
process.env.TZ = process.env.TZ || 'UTC';
// Entity column types are chosen from DATABASE_URL when the entity files load (column-types.ts),
// so the PostgreSQL half of the suite must say so before any import.
if (process.env.TEST_DATABASE_URL) process.env.DATABASE_URL = process.env.TEST_DATABASE_URL;
else delete process.env.DATABASE_URL;
