import { DataSource } from 'typeorm';
import { SqliteMaintenance } from 'src/core/database/sqlite-maintenance';
import { openTestDataSource, TestDataSource } from 'test/utils/test-data-source';

/** What the database module applies at start, on each engine (npm run bench measured why). */
describe(SqliteMaintenance.name, () => {
  let t: TestDataSource;
  let ds: DataSource;
  let sut: SqliteMaintenance;

  beforeAll(async () => {
    t = await openTestDataSource('tuning');
    ds = t.ds;
    sut = new SqliteMaintenance(ds);
    await sut.onModuleInit();
  });
  afterAll(async () => {
    sut?.onApplicationShutdown();
    await t?.close();
  });

  const sqlite = () => ds.options.type === 'better-sqlite3';

  it('should commit without waiting for the disk on SQLite (WAL with synchronous NORMAL)', async () => {
    if (!sqlite()) return expect(ds.options.type).toBe('postgres');
    expect(await ds.query('PRAGMA journal_mode')).toEqual([{ journal_mode: 'wal' }]);
    expect(await ds.query('PRAGMA synchronous')).toEqual([{ synchronous: 1 }]);
  });

  it('should give the SQLite planner statistics, and refresh them', async () => {
    if (!sqlite()) return expect(ds.options.type).toBe('postgres');
    expect(await ds.query("SELECT name FROM sqlite_master WHERE name = 'sqlite_stat1'")).toHaveLength(1);
    await ds.query(
      `INSERT INTO agencies (code, name, kind, aliases, emails, active, searchText) VALUES ('TK', 'Sở Thử', 'department', '[]', '[]', 1, 'tk')`,
    );
    await sut.refreshStatistics();
    const stats = await ds.query<unknown[]>("SELECT tbl FROM sqlite_stat1 WHERE tbl = 'agencies'");
    expect(stats.length).toBeGreaterThan(0);
  });

  it('should turn PostgreSQL JIT off for the app’s connections', async () => {
    if (sqlite()) return expect(ds.options.type).toBe('better-sqlite3');
    expect(await ds.query('SHOW jit')).toEqual([{ jit: 'off' }]);
  });
});
