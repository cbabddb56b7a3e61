import { DataSource } from 'typeorm';
import { captureQueries, describeSqlFloor, replayFloor } from './floors';

describe('bench floors', () => {
  let ds: DataSource;

  beforeEach(async () => {
    ds = await new DataSource({ type: 'better-sqlite3', database: ':memory:' }).initialize();
    await ds.query('CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT NOT NULL)');
    await ds.query("INSERT INTO t (v) VALUES ('a'), ('b')");
  });
  afterEach(() => ds.destroy());

  it('captures the statements a call sends, without transaction control, and restores the logger', async () => {
    const logger = ds.logger;
    const queries = await captureQueries(ds, () =>
      ds.transaction(async (m) => {
        await m.query('SELECT v FROM t WHERE id = ?', [1]);
        await m.query('UPDATE t SET v = ? WHERE id = ?', ['c', 2]);
      }),
    );
    expect(queries).toEqual([
      { sql: 'SELECT v FROM t WHERE id = ?', params: [1] },
      { sql: 'UPDATE t SET v = ? WHERE id = ?', params: ['c', 2] },
    ]);
    expect(ds.logger).toBe(logger);
  });

  it('replays writes inside a transaction that is rolled back', async () => {
    const queries = [{ sql: 'INSERT INTO t (v) VALUES (?)', params: ['x'] }, { sql: 'SELECT COUNT(*) AS n FROM t', params: [] }];
    const floor = await replayFloor(ds, queries, 20, { writes: true });
    expect(floor.statements).toBe(2);
    expect(floor.p99Ms).toBeGreaterThanOrEqual(floor.p50Ms);
    expect(await ds.query('SELECT v FROM t ORDER BY id')).toEqual([{ v: 'a' }, { v: 'b' }]);
    expect(floor.reps).toBe(20);
    expect(describeSqlFloor(floor)).toMatch(/^SQL [\d.]+ \/ [\d.]+ ms \(p50\/p99 of 20, 2 statements\)$/);
  });

  it('stops replaying when the budget is spent, after five at least', async () => {
    const floor = await replayFloor(ds, [{ sql: 'SELECT COUNT(*) AS n FROM t', params: [] }], 1000, { budgetMs: 0 });
    expect(floor.reps).toBe(5);
  });
});
