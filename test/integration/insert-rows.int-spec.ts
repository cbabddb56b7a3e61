import { DataSource } from 'typeorm';
import { insertRows } from 'src/core/database/insert-rows';
import { Holiday } from 'src/modules/calendar/holiday.entity';
import { openTestDataSource, TestDataSource } from 'test/utils/test-data-source';

/** The multi-row insert the services share, on SQLite and on PostgreSQL (join tables: mail and reminders e2e). */
describe(insertRows.name, () => {
  let t: TestDataSource;
  let ds: DataSource;

  beforeAll(async () => {
    t = await openTestDataSource('insert-rows');
    ds = t.ds;
  });
  afterAll(async () => {
    await t?.close();
  });

  it('should write every row, in statements of `chunk` rows, in the caller’s transaction', async () => {
    const rows = Array.from({ length: 7 }, (_, i) => ({
      date: `2040-01-0${i + 1}`,
      name: `Ngày nghỉ thử ${i + 1}`,
      kind: 'holiday' as const,
    }));
    const statements: string[] = [];
    await ds.transaction(async (m) => {
      const query = m.queryRunner!.query.bind(m.queryRunner);
      m.queryRunner!.query = ((sql: string, ...rest: unknown[]) => {
        if (/^INSERT/i.test(sql)) statements.push(sql);
        return (query as (...a: unknown[]) => Promise<unknown>)(sql, ...rest);
      }) as typeof query;
      await insertRows(m, Holiday, rows, 3);
    });
    expect(statements).toHaveLength(3);
    expect(await ds.getRepository(Holiday).count({ where: rows.map((r) => ({ date: r.date })) })).toBe(7);
  });

  it('should write nothing when the transaction rolls back', async () => {
    const rows = [{ date: '2041-02-01', name: 'Ngày thử', kind: 'holiday' as const }];
    await expect(
      ds.transaction(async (m) => {
        await insertRows(m, Holiday, rows);
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    expect(await ds.getRepository(Holiday).countBy({ date: '2041-02-01' })).toBe(0);
  });
});
