import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { loadConfiguration } from 'src/core/config/configuration';
import { runMigrations } from 'src/core/database/prepare-database';
import { SqliteMaintenance } from 'src/core/database/sqlite-maintenance';
import { typeOrmOptions } from 'src/core/database/typeorm.options';
import { createTestDatabase, TestDatabase } from 'test/utils/test-db';

/** What the database module applies at start, on each engine (npm run bench measured why). */
describe(SqliteMaintenance.name, () => {
  let dir: string;
  let db: TestDatabase;
  let ds: DataSource;
  let sut: SqliteMaintenance;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'nhiemvu-tuning-'));
    db = await createTestDatabase(dir);
    const config = loadConfiguration({ DATA_DIR: dir, ...(db.url ? { DATABASE_URL: db.url } : {}) });
    await runMigrations(config);
    ds = await new DataSource(typeOrmOptions(config)).initialize();
    sut = new SqliteMaintenance(ds);
    await sut.onModuleInit();
  });
  afterAll(async () => {
    sut?.onApplicationShutdown();
    await ds?.destroy();
    await db?.drop();
    rmSync(dir, { recursive: true, force: true });
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
