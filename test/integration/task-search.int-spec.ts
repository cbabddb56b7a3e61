import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MIGRATIONS } from 'src/core/database/migrations';
import { TaskSearchIndex1770031000000 } from '../../migrations/1770031000000-TaskSearchIndex';
import { DataSource, QueryRunner, TableColumn } from 'typeorm';
import { loadConfiguration } from 'src/core/config/configuration';
import { insertRows } from 'src/core/database/insert-rows';
import { onPostgres, valueTuples } from 'src/core/database/sql-params';
import { runMigrations } from 'src/core/database/prepare-database';
import { SCHEMA_ENTITIES } from 'src/app/schema';
import { typeOrmOptions } from 'src/core/database/typeorm.options';
import { Agency } from 'src/modules/agencies/agency.entity';
import { AgencyKind } from 'src/modules/agencies/agency.enums';
import { textSearchCondition } from 'src/modules/tasks/task-query';
import { restoreSqliteReminderDays, restoreSqliteSearchIndex, SQLITE_SEARCH_TRIGGERS } from 'src/modules/tasks/task-search-index';
import { SQLITE_REMINDER_DAY_TRIGGERS } from 'src/modules/tasks/task-reminder-days';
import { searchWords, taskSearchText } from 'src/modules/tasks/task-search';
import { Task } from 'src/modules/tasks/task.entity';
import { TaskKind, TaskOrigin, TaskStatus } from 'src/modules/tasks/task.enums';
import { createTestDatabase, TestDatabase } from 'test/utils/test-db';

/**
 * The search index (migration TaskSearchIndex) on the real database — SQLite, or PostgreSQL with
 * TEST_DATABASE_URL (the second half of `npm test`): every query below is answered by the index and
 * compared with the rule written out in TypeScript over the stored text, and writes that bypass the
 * app (raw INSERT, UPDATE, DELETE) are found by their new text and not by their old.
 */

/** The rule of task-search.ts, spelled out: neighbouring query words are neighbouring task words, the last a prefix. */
function ruleMatches(searchText: string, q: string): boolean {
  const query = searchWords(q);
  const text = searchWords(searchText);
  if (!query.length) return false;
  if (query.length === 1) return text.some((w) => w.startsWith(query[0]));
  for (let i = 0; i + 1 < query.length; i++) {
    const last = i + 2 === query.length;
    const found = text.some((w, j) => w === query[i] && j + 1 < text.length && (last ? text[j + 1].startsWith(query[i + 1]) : text[j + 1] === query[i + 1]));
    if (!found) return false;
  }
  return true;
}

const TITLES = [
  'Báo cáo quý II năm 2024',
  'Báo cáo quyết toán ngân sách',
  'Quý III: lập báo cáo tổng hợp',
  'Phòng cháy, chữa cháy rừng mùa khô',
  'Phòng, chống dịch bệnh trên cây trồng',
  'Chuyển đổi số trong cơ quan nhà nước',
  'Chuyển giao, đổi mới công nghệ số',
  'Giải ngân vốn đầu tư công',
  'Thu hút đầu tư vào các khu công nghiệp',
  'Đẩy mạnh cải cách hành chính',
  'Xử lý 100% hồ sơ "quá hạn" (NEAR - AND * OR)',
  "Rà soát văn bản; DROP TABLE tasks; -- số_quỹ",
  'Đắk Lắk – Đồng Xoài',
];

const QUERIES = [
  'bao cao quy',
  'Báo cáo quý',
  'bao cao',
  'bao',
  'quy',
  'phong chay',
  'phong chay chua chay',
  'phòng, chống',
  'chuyen doi so',
  'chuyen doi',
  'dau tu cong',
  'dau tu',
  'cai cach hanh chinh',
  'cach hanh',
  'so',
  's',
  'quy bao cao',
  '100%',
  '"qua han"',
  'NEAR',
  'near and',
  'drop table',
  "'; DROP TABLE tasks; --",
  'so_quy',
  'dak lak dong',
  'khong co dau ca',
  'ao cao',
];

describe('task search index (FTS5 on SQLite, GIN on PostgreSQL)', () => {
  let dir: string;
  let db: TestDatabase;
  let ds: DataSource;
  let agencies: Agency[];
  const engine = () => (ds.options.type === 'postgres' ? 'postgres' : 'sqlite');

  async function search(q: string, extra?: { sql: string; params: Record<string, unknown> }): Promise<{ codes: string[]; total: number }> {
    const c = textSearchCondition('t', q, engine());
    const qb = ds.getRepository(Task).createQueryBuilder('t');
    if (c) qb.where(c.sql, c.params);
    if (extra) qb.andWhere(extra.sql, extra.params);
    const page = await qb.clone().select('t.code', 'code').orderBy('t.code').getRawMany<{ code: string }>();
    return { codes: page.map((r) => r.code), total: await qb.getCount() };
  }

  async function expected(q: string, where: (t: Task) => boolean = () => true): Promise<string[]> {
    const all = await ds.getRepository(Task).find({ order: { code: 'ASC' } });
    return all.filter((t) => where(t) && ruleMatches(t.searchText, q)).map((t) => t.code!);
  }

  function row(i: number, title: string, leadAgencyId: number) {
    const code = `S${String(i).padStart(2, '0')}`;
    return {
      code,
      title,
      kind: TaskKind.Task,
      leadAgencyId,
      assignedAt: '2024-01-02',
      dueDate: '2024-07-01',
      effectiveDueDate: '2024-07-01',
      origin: TaskOrigin.Initial,
      status: i % 2 ? TaskStatus.InProgress : TaskStatus.Done,
      searchText: taskSearchText({ code, title }),
    };
  }

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'nhiemvu-task-search-'));
    db = await createTestDatabase(dir);
    const config = loadConfiguration({ DATA_DIR: dir, ...(db.url ? { DATABASE_URL: db.url } : {}) });
    await runMigrations(config);
    ds = await new DataSource(typeOrmOptions(config, SCHEMA_ENTITIES)).initialize();
    agencies = await ds.getRepository(Agency).save([
      { code: 'STC', name: 'Sở Tài chính', kind: AgencyKind.Department, aliases: [], emails: [] },
      { code: 'SYT', name: 'Sở Y tế', kind: AgencyKind.Department, aliases: [], emails: [] },
    ]);
    // Straight into the table, as the importer, the bench loader and the fixtures write: the triggers index them.
    await ds.transaction((m) => insertRows(m, Task, TITLES.map((title, i) => row(i + 1, title, agencies[i % 2].id))));
  });

  afterAll(async () => {
    await ds?.destroy();
    await db?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it.each(QUERIES)('should answer %j as the rule does, page and count alike', async (q) => {
    const got = await search(q);
    const want = await expected(q);
    expect(got.codes).toEqual(want);
    expect(got.total).toBe(want.length);
  });

  it('should find what people type without diacritics, words in their order, punctuation between them ignored', async () => {
    const titles = async (q: string) => {
      const { codes } = await search(q);
      return codes.map((c) => TITLES[Number(c.slice(1)) - 1]);
    };
    expect(await titles('bao cao quy')).toEqual(['Báo cáo quý II năm 2024', 'Báo cáo quyết toán ngân sách']);
    expect(await titles('phong chay chua chay')).toEqual(['Phòng cháy, chữa cháy rừng mùa khô']);
    expect(await titles('chuyen doi so')).toEqual(['Chuyển đổi số trong cơ quan nhà nước']);
    expect(await titles('dau tu cong')).toEqual(['Giải ngân vốn đầu tư công']);
    expect(await titles('Đắk Lắk')).toEqual(['Đắk Lắk – Đồng Xoài']);
    expect(await titles('ao cao')).toEqual([]); // a word is matched from its start
  });

  it.each([
    '"',
    '""',
    '*',
    '-',
    ':',
    '^',
    '()',
    '(a OR b',
    'NEAR(a b, 2)',
    'a NOT b',
    'x:y',
    "it's",
    "'a' & !b | c:*",
    '<->',
    '\\',
    '%',
    '_',
    '•',
    'a\u0000b',
    'ᴬ€ab¢ 𝐀𝐁',
    `${'a'.repeat(200)}`,
    `${'ab '.repeat(66)}cd`,
    `${'Đ '.repeat(100)}`,
  ])('should answer the hostile query %j without an error', async (q) => {
    const got = await search(q);
    expect(got.total).toBe((await expected(q)).length);
  });

  it('should combine with the other filters in the page and in the count', async () => {
    const stc = agencies[0].id;
    const got = await search('bao cao', { sql: 't.leadAgencyId = :lead AND t.status = :status', params: { lead: stc, status: TaskStatus.InProgress } });
    const want = await expected('bao cao', (t) => t.leadAgencyId === stc && t.status === TaskStatus.InProgress);
    expect(want.length).toBeGreaterThan(0);
    expect(got).toEqual({ codes: want, total: want.length });
  });

  it('should keep its triggers through the later migrations that rebuild the tasks table (SQLite)', async () => {
    if (ds.options.type === 'postgres') return;
    const triggers = await ds.query<{ name: string }[]>(
      `SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'tasks' AND name LIKE 'task_search%' ORDER BY name`,
    );
    expect(triggers.map((r) => r.name)).toEqual(Object.keys(SQLITE_SEARCH_TRIGGERS).sort());
  });

  it('should find a task by its new text and not by its old after an UPDATE, and drop it after a DELETE', async () => {
    const [extra] = await ds.transaction(async (m) => {
      await insertRows(m, Task, [row(90, 'Tổ chức hội nghị sơ kết', agencies[0].id)]);
      return m.find(Task, { where: { code: 'S90' } });
    });
    expect((await search('hoi nghi so ket')).codes).toEqual(['S90']);
    await ds.query(
      ds.options.type === 'postgres' ? `UPDATE tasks SET "searchText" = $1 WHERE id = $2` : `UPDATE tasks SET searchText = ? WHERE id = ?`,
      [taskSearchText({ code: 'S90', title: 'Tổng kết công tác thi đua' }), extra.id],
    );
    expect((await search('hoi nghi so ket')).total).toBe(0);
    expect((await search('tong ket cong tac')).codes).toEqual(['S90']);
    // An update of other columns leaves the index as it was.
    await ds.getRepository(Task).update(extra.id, { progress: 50, note: 'hội nghị sơ kết' });
    expect((await search('tong ket cong tac')).codes).toEqual(['S90']);
    await ds.getRepository(Task).delete(extra.id);
    expect((await search('tong ket cong tac')).total).toBe(0);
  });

  it('should index the tasks that exist when the migration runs', async () => {
    const runner = ds.createQueryRunner();
    try {
      // Back to before TaskSearchIndex (the migrations after it first), then forward again.
      const later = MIGRATIONS.length - MIGRATIONS.indexOf(TaskSearchIndex1770031000000);
      for (let i = 0; i < later; i++) await ds.undoLastMigration({ transaction: 'each' });
      // Written as SQL: the entity knows columns that later migrations add.
      const r: Record<string, unknown> = { ...row(91, 'Khảo sát hiện trạng hạ tầng số', agencies[1].id), version: 1 };
      const cols = Object.keys(r);
      await ds.query(
        `INSERT INTO tasks (${cols.map((c) => `"${c}"`).join(', ')}) VALUES ${valueTuples(onPostgres(ds), 1, cols.length)}`,
        Object.values(r),
      );
      await ds.runMigrations({ transaction: 'each' });
      expect((await search('ha tang so')).codes).toEqual(['S91']);
      expect((await search('bao cao quy')).codes).toEqual(await expected('bao cao quy'));
    } finally {
      await runner.release();
    }
  });

  it('should put back triggers that a later migration dropped with the table, and index what was written meanwhile (SQLite)', async () => {
    if (ds.options.type === 'postgres') return; // PostgreSQL's ALTER TABLE keeps its index
    const runner: QueryRunner = ds.createQueryRunner();
    try {
      // TypeORM adds a SQLite column by creating a new table and dropping the old, triggers and all.
      await runner.addColumn('tasks', new TableColumn({ name: 'scratch', type: 'integer', isNullable: true }));
      const triggers = async () =>
        (
          await ds.query<{ name: string }[]>(
            `SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'tasks' AND name LIKE 'task_search%' ORDER BY name`,
          )
        ).map((r) => r.name);
      expect(await triggers()).toEqual([]);
      await insertRows(ds.manager, Task, [row(92, 'Nâng cấp cổng dịch vụ công', agencies[0].id)]);
      expect((await search('cong dich vu')).total).toBe(0);

      expect((await restoreSqliteSearchIndex(ds)).sort()).toEqual(Object.keys(SQLITE_SEARCH_TRIGGERS).sort());
      expect(await triggers()).toEqual(Object.keys(SQLITE_SEARCH_TRIGGERS).sort());
      expect((await search('cong dich vu')).codes).toEqual(['S92']);
      expect(await restoreSqliteSearchIndex(ds)).toEqual([]); // nothing to do the second time
      // task_reminder_days' triggers went with the table too: put back, with every task at its floor again.
      await insertRows(ds.manager, Task, [row(93, 'Giám sát tiến độ', agencies[0].id)]);
      const dayOf93 = () => ds.query<{ day: string }[]>(`SELECT r.day FROM task_reminder_days r JOIN tasks t ON t.id = r."taskId" WHERE t.code = 'S93'`);
      expect(await dayOf93()).toEqual([]);
      expect((await restoreSqliteReminderDays(ds)).sort()).toEqual(Object.keys(SQLITE_REMINDER_DAY_TRIGGERS).sort());
      expect(await dayOf93()).toEqual([{ day: '2024-05-02' }]); // 01/07 − 60 days
      await runner.dropColumn('tasks', 'scratch');
      await restoreSqliteSearchIndex(ds);
    } finally {
      await runner.release();
    }
  });
});
