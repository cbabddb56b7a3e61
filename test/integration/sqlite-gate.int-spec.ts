import { DataSource } from 'typeorm';
import { Holiday } from 'src/modules/calendar/holiday.entity';
import { openTestDataSource, TestDataSource } from 'test/utils/test-data-source';

const tick = () => new Promise((r) => setTimeout(r, 20));

/** Concurrency on one database: holds on SQLite (thanks to the gate) and on PostgreSQL (pooled connections). */
describe('concurrent transactions', () => {
  let t: TestDataSource;
  let ds: DataSource;

  beforeAll(async () => {
    t = await openTestDataSource('gate');
    ds = t.ds;
  });
  afterAll(async () => {
    await t?.close();
  });

  it('should not undo a write of another flow when a transaction rolls back', async () => {
    const repo = ds.getRepository(Holiday);
    const rolledBack = ds
      .transaction(async (m) => {
        await m.insert(Holiday, { date: '2031-01-01', name: 'Tết Dương lịch', kind: 'holiday' });
        await tick();
        await tick();
        throw new Error('roll back');
      })
      .catch((e: Error) => e.message);
    await tick();
    await repo.insert({ date: '2031-09-02', name: 'Quốc khánh', kind: 'holiday' });
    expect(await rolledBack).toBe('roll back');
    expect(await repo.existsBy({ date: '2031-09-02' })).toBe(true);
    expect(await repo.existsBy({ date: '2031-01-01' })).toBe(false);
  });

  it('should run transactions started at once without them colliding', async () => {
    const days = Array.from({ length: 8 }, (_, i) => `2032-0${i + 1}-01`);
    await Promise.all(
      days.map((date) =>
        ds.transaction(async (m) => {
          await m.insert(Holiday, { date, name: 'x', kind: 'holiday' });
          await tick();
          // A read through a repository of its own inside the transaction must not deadlock.
          await ds.getRepository(Holiday).count();
        }),
      ),
    );
    expect(await ds.getRepository(Holiday).countBy({ name: 'x' })).toBe(8);
  });

  it('should let TypeORM save() (its own transaction) run beside a manual transaction', async () => {
    const repo = ds.getRepository(Holiday);
    await Promise.all([
      ds.transaction(async (m) => {
        await m.save(Holiday, { date: '2033-04-30', name: 'Giải phóng', kind: 'holiday' });
        await tick();
      }),
      repo.save({ date: '2033-05-01', name: 'Quốc tế Lao động', kind: 'holiday' }),
    ]);
    expect(await repo.countBy({ date: '2033-04-30' })).toBe(1);
    expect(await repo.countBy({ date: '2033-05-01' })).toBe(1);
  });
});
