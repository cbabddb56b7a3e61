import { ConfigService } from '@nestjs/config';
import { join } from 'node:path';
import { DataSource, QueryFailedError } from 'typeorm';
import { AppConfig } from 'src/core/config/configuration';
import { SqliteReadPool } from 'src/core/database/sqlite-read-pool';
import { Holiday } from 'src/modules/calendar/holiday.entity';
import { CalendarModule } from 'src/modules/calendar/calendar.module';
import { MediumApp, startMedium } from './medium-app';

const sqlite = !process.env.TEST_DATABASE_URL;
const onSqlite = sqlite ? it : it.skip;

/** Resolves when told to: holds a transaction open while the test reads beside it. */
function gate(): { open: Promise<void>; release: () => void } {
  let release!: () => void;
  const open = new Promise<void>((r) => (release = r));
  return { open, release };
}

/** A statement that keeps SQLite busy for a while (a few million rows of a recursive CTE). */
const SLOW_SQL = 'WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 3000000) SELECT COUNT(*) AS c FROM n';

/** SqliteReadPool on a real SQLite file beside TypeORM's writer connection (on PostgreSQL: off, reads through TypeORM). */
describe(SqliteReadPool.name, () => {
  let m: MediumApp;
  let ds: DataSource;
  let sut: SqliteReadPool;
  const holidays = () => ds.getRepository(Holiday).createQueryBuilder('h');
  const countOf = (date: string) => sut.count(holidays().where('h.date = :date', { date }));

  beforeAll(async () => {
    m = await startMedium([CalendarModule], { SQLITE_READERS: '2' });
    ds = m.get(DataSource);
    sut = m.get(SqliteReadPool);
  });
  afterAll(async () => {
    await m?.close();
  });

  it('should be on for a SQLite file and off on PostgreSQL', () => {
    expect(sut.size).toBe(sqlite ? 2 : 0);
  });

  it('should give the rows and counts TypeORM gives for the same query builder', async () => {
    const qb = holidays().select('h.date', 'date').addSelect('h.name', 'name').where('h.kind = :kind', { kind: 'holiday' }).orderBy('h.date');
    const viaTypeOrm = await qb.getRawMany();
    expect(viaTypeOrm.length).toBeGreaterThan(10);
    expect(await sut.rawMany(qb)).toEqual(viaTypeOrm);
    expect(await sut.count(qb)).toBe(await qb.getCount());
    expect(await sut.count(holidays().where('h.kind = :kind', { kind: 'no-such-kind' }))).toBe(0);
    if (sqlite) expect(sut.threads).toBeGreaterThan(0);
  });

  it('should build a statement by its parameters once per count of them, reading the rows TypeORM reads', async () => {
    let built = 0;
    const byDates = (dates: unknown[]) => {
      built++;
      return holidays().select('h.date', 'date').addSelect('h.name', 'name').where('h.date IN (:...dates)', { dates }).orderBy('h.date');
    };
    const all = (await holidays().select('h.date', 'date').orderBy('h.date').getRawMany<{ date: string }>()).map((r) => r.date);
    for (const dates of [all.slice(0, 3), all.slice(3, 6), all.slice(0, 5), all.slice(5, 10)]) {
      expect(await sut.rawManyByParams('test.holidays', dates, byDates)).toEqual(await byDates(dates).getRawMany());
    }
    expect(built).toBe(4 + 2); // each comparison above, and the statements for 3 and for 5 dates once each
  });

  it('should refuse to keep a statement whose parameters are not only the given ones', async () => {
    const withKind = (dates: unknown[]) => holidays().where('h.date IN (:...dates)', { dates }).andWhere('h.kind = :kind', { kind: 'holiday' });
    await expect(sut.rawManyByParams('test.kind', ['2024-01-01'], withKind)).rejects.toThrow(/parameters other than/);
  });

  onSqlite('should bind booleans as SQLite stores them (0/1), as TypeORM does', async () => {
    expect(await sut.query<{ t: number; f: number }>('SELECT ? AS t, ? AS f', [true, false])).toEqual([{ t: 1, f: 0 }]);
  });

  onSqlite('should read beside an open write transaction, seeing what is committed only', async () => {
    const hold = gate();
    let inserted!: () => void;
    const wrote = new Promise<void>((r) => (inserted = r));
    const tx = ds.transaction(async (em) => {
      await em.insert(Holiday, { date: '2041-01-01', name: 'chưa ghi', kind: 'holiday' });
      inserted();
      await hold.open;
    });
    await wrote;
    // The transaction holds the main connection; on it this read would wait for the commit.
    expect(await countOf('2041-01-01')).toBe(0);
    hold.release();
    await tx;
    expect(await countOf('2041-01-01')).toBe(1);
  });

  it('should read inside a transaction through the transaction, seeing its own writes', async () => {
    await ds.transaction(async (em) => {
      await em.insert(Holiday, { date: '2042-01-01', name: 'trong giao dịch', kind: 'holiday' });
      // A query builder on the transaction's manager; on SQLite also a plain read in its flow (one connection).
      expect(await sut.count(em.getRepository(Holiday).createQueryBuilder('h').where('h.date = :d', { d: '2042-01-01' }))).toBe(1);
      if (sqlite) expect(await countOf('2042-01-01')).toBe(1);
    });
  });

  onSqlite('should keep the main thread free while a statement runs', async () => {
    let ticks = 0;
    const timer = setInterval(() => ticks++, 1);
    try {
      const rows = await sut.query<{ c: number }>(SLOW_SQL);
      expect(rows).toEqual([{ c: 3_000_000 }]);
      // On the main connection the statement is synchronous and no timer could fire until it returned.
      expect(ticks).toBeGreaterThan(0);
    } finally {
      clearInterval(timer);
    }
  });

  onSqlite('should run reads at once on several threads, each answering its own', async () => {
    const dates = ['2041-01-01', '2042-01-01', '2099-12-31'];
    const answers = await Promise.all([sut.query(SLOW_SQL), ...dates.map((d) => countOf(d)), sut.query(SLOW_SQL)]);
    expect(answers).toEqual([[{ c: 3_000_000 }], 1, 1, 0, [{ c: 3_000_000 }]]); // 2042-01-01: committed by the test above
    expect(sut.threads).toBe(2);
  });

  it('should surface a failed statement as a QueryFailedError and keep serving', async () => {
    const err = await sut.query('SELECT * FROM no_such_table').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(QueryFailedError);
    expect((err as QueryFailedError).message).toMatch(/no_such_table/);
    expect(await countOf('2099-12-31')).toBe(0);
  });

  onSqlite('should refuse a write: its connections are read-only', async () => {
    const err = await sut.query("INSERT INTO holidays (date, name, kind) VALUES ('2043-01-01', 'x', 'holiday')").catch((e: unknown) => e);
    expect(err).toBeInstanceOf(QueryFailedError);
    expect(await ds.getRepository(Holiday).countBy({ date: '2043-01-01' })).toBe(0);
  });

  onSqlite('should surface a database it cannot open as an error', async () => {
    const config = { ...m.config, database: { ...m.config.database, url: join(m.config.app.dataDir, 'missing', 'none.sqlite') } };
    const pool = new SqliteReadPool(ds, new ConfigService<AppConfig, true>(config));
    try {
      const err = await pool.query('SELECT 1 AS one').catch((e: unknown) => e);
      expect(err).toBeInstanceOf(QueryFailedError);
      expect((err as QueryFailedError).message).toMatch(/unable to open|cannot open|directory does not exist/i);
    } finally {
      await pool.close();
    }
  });

  onSqlite('should stop its threads on close, failing reads still pending and refusing new ones', async () => {
    const pool = new SqliteReadPool(ds, new ConfigService<AppConfig, true>(m.config));
    expect(pool.threads).toBe(0); // started at the first read
    expect(await pool.query('SELECT 1 AS one')).toEqual([{ one: 1 }]);
    const pending = pool.query(SLOW_SQL).catch((e: Error) => e);
    expect(pool.threads).toBeGreaterThan(0);
    await pool.close();
    expect(pool.threads).toBe(0);
    expect(await pending).toBeInstanceOf(QueryFailedError);
    await expect(pool.query('SELECT 1 AS one')).rejects.toThrow(/closed/);
  });

  it('should read through TypeORM when set to 0', async () => {
    const pool = new SqliteReadPool(ds, new ConfigService<AppConfig, true>({ ...m.config, database: { ...m.config.database, sqliteReaders: 0 } }));
    expect(pool.size).toBe(0);
    expect(await pool.count(holidays().where('h.kind = :kind', { kind: 'holiday' }))).toBe(await holidays().where('h.kind = :kind', { kind: 'holiday' }).getCount());
    expect(pool.threads).toBe(0);
    await pool.close();
  });
});
