import { DataSource, EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import { insertRows, insertRowsReturningIds } from 'src/core/database/insert-rows';
import { MAX_PARAMS, onPostgres } from 'src/core/database/sql-params';
import { Agency } from 'src/modules/agencies/agency.entity';
import { AgencyKind } from 'src/modules/agencies/agency.enums';
import { Holiday } from 'src/modules/calendar/holiday.entity';
import { MailMessage } from 'src/modules/mail/mail-message.entity';
import { MailKind, MailStatus } from 'src/modules/mail/mail.enums';
import { TaskHistory, TaskHistoryAction } from 'src/modules/tasks/task-history.entity';
import { Task } from 'src/modules/tasks/task.entity';
import { TaskKind, TaskOrigin, TaskStatus } from 'src/modules/tasks/task.enums';
import { openTestDataSource, TestDataSource } from 'test/utils/test-data-source';

/** Text a naive SQL builder would break on: quotes, placeholders of both engines, comments, Vietnamese, emoji. */
const HOSTILE = [
  "O'Brien \"Sở\" `x` ; DROP TABLE tasks; --",
  '$1 $2 ? ?? :name @p0 %s \\ \\\\ /* c */',
  'Nhiệm vụ “chuyển đổi số” – Đắk Lắk 🇻🇳\n\ttab\r\nCRLF',
  '',
  ' '.repeat(3),
];

/**
 * The multi-row insert the services share (src/core/database/insert-rows), on SQLite and on PostgreSQL
 * (TEST_DATABASE_URL): rows stored exactly as TypeORM's own insert stores them, statements under the
 * engine's parameter limit, ids returned in the rows' order, hostile text verbatim.
 */
describe(insertRows.name, () => {
  let t: TestDataSource;
  let ds: DataSource;
  let taskId: number;

  /** Every INSERT sent through `m` while `fn` runs. */
  async function inserts(m: EntityManager, fn: () => Promise<unknown>): Promise<string[]> {
    const statements: string[] = [];
    const runner = m.queryRunner!;
    const query = runner.query.bind(runner);
    runner.query = ((sql: string, ...rest: unknown[]) => {
      if (/^INSERT/i.test(sql)) statements.push(sql);
      return (query as (...a: unknown[]) => Promise<unknown>)(sql, ...rest);
    }) as typeof query;
    try {
      await fn();
    } finally {
      runner.query = query;
    }
    return statements;
  }

  /** The stored row as the database gives it (no hydration), without the columns that differ by design. */
  async function stored(target: EntityTarget<ObjectLiteral>, id: number, leave: string[]): Promise<Record<string, unknown>> {
    const meta = ds.getMetadata(target);
    const [row] = await ds.query<Record<string, unknown>[]>(`SELECT * FROM "${meta.tableName}" WHERE "id" = ${onPostgres(ds) ? '$1' : '?'}`, [id]);
    for (const k of leave) delete row[k];
    return row;
  }

  beforeAll(async () => {
    t = await openTestDataSource('insert-rows');
    ds = t.ds;
    const [agency] = await ds.getRepository(Agency).save([
      { code: 'STC', name: 'Sở Tài chính', kind: AgencyKind.Department, aliases: [], emails: [] },
    ]);
    const task = await ds.getRepository(Task).save({
      code: 'T1',
      title: 'Nhiệm vụ thử',
      kind: TaskKind.Task,
      leadAgencyId: agency.id,
      assignedAt: '2026-01-05',
      dueDate: '2026-06-30',
      effectiveDueDate: '2026-06-30',
      origin: TaskOrigin.Initial,
      status: TaskStatus.InProgress,
      searchText: 't1 nhiem vu thu',
    });
    taskId = task.id;
  });
  afterAll(async () => {
    await t?.close();
  });

  it('should store booleans, JSON, dates, nulls and defaults exactly as TypeORM’s insert does', async () => {
    const agency = (code: string): Partial<Agency> => ({
      code,
      name: HOSTILE[0],
      kind: AgencyKind.District,
      aliases: [HOSTILE[1], HOSTILE[2]],
      emails: [],
      active: false,
      validFrom: '2025-07-01',
      validTo: null,
      // searchText and calendarToken not given: the table's default and null.
    });
    const sentAt = new Date('2026-03-04T05:06:07.890Z');
    const mail = (subject: string): Partial<MailMessage> => ({
      kind: MailKind.Notification,
      to: ['a@example.vn', HOSTILE[0]],
      cc: [],
      subject,
      html: `<p>${HOSTILE[1]}</p>`,
      text: HOSTILE[2],
      attachments: [{ filename: 'Báo cáo.pdf', path: 'x/y.pdf', contentType: 'application/pdf' }],
      status: MailStatus.Sent,
      lastError: null,
      sentAt,
    });
    const [ourAgency] = await ds.transaction((m) => insertRowsReturningIds(m, Agency, [agency('OURS')]));
    const theirAgency = (await ds.getRepository(Agency).insert(agency('ORM'))).identifiers[0].id as number;
    const [ourMail] = await ds.transaction((m) => insertRowsReturningIds(m, MailMessage, [mail('ours')]));
    const theirMail = (await ds.getRepository(MailMessage).insert(mail('ours'))).identifiers[0].id as number;

    const times = ['id', 'createdAt', 'updatedAt'];
    expect({ ...(await stored(Agency, ourAgency, times)), code: '' }).toEqual({ ...(await stored(Agency, theirAgency, times)), code: '' });
    expect(await stored(MailMessage, ourMail, times)).toEqual(await stored(MailMessage, theirMail, times));
    // And read back through the entity: the values given, hostile text verbatim.
    const a = await ds.getRepository(Agency).findOneByOrFail({ id: ourAgency });
    expect(a).toMatchObject({ name: HOSTILE[0], aliases: [HOSTILE[1], HOSTILE[2]], active: false, validFrom: '2025-07-01', validTo: null, searchText: '', calendarToken: null });
    expect(a.createdAt).toBeInstanceOf(Date);
    const mm = await ds.getRepository(MailMessage).findOneByOrFail({ id: ourMail });
    expect(mm).toMatchObject({ to: ['a@example.vn', HOSTILE[0]], html: `<p>${HOSTILE[1]}</p>`, text: HOSTILE[2], attempts: 0, recipientsText: '' });
    expect(mm.sentAt?.toISOString()).toBe(sentAt.toISOString());
  });

  it('should keep every hostile text verbatim and answer the ids in the order of the rows', async () => {
    const rows = HOSTILE.flatMap((text, i) => [
      { taskId, userId: null, userName: text, action: TaskHistoryAction.Update, field: `f${i}`, fromValue: null, toValue: text, comment: text },
      { taskId, userId: 7, userName: null, action: TaskHistoryAction.Import, field: null, fromValue: text, toValue: null, comment: null },
    ]);
    const ids = await ds.transaction((m) => insertRowsReturningIds(m, TaskHistory, rows, 3));
    expect(ids).toHaveLength(rows.length);
    expect(new Set(ids).size).toBe(rows.length);
    for (const [i, id] of ids.entries()) {
      const got = await ds.getRepository(TaskHistory).findOneByOrFail({ id });
      expect(got).toMatchObject(rows[i]);
      expect(got.at).toBeInstanceOf(Date);
    }
  });

  it('should write rows that give different columns, each taking the table’s defaults for the rest', async () => {
    const rows: Partial<MailMessage>[] = [
      { kind: MailKind.Notification, to: ['x@example.vn'], cc: [], subject: 'một', html: '', text: '', attachments: [], status: MailStatus.Queued },
      { kind: MailKind.Notification, to: ['y@example.vn'], cc: [], subject: 'hai', html: '', text: '', attachments: [], status: MailStatus.Failed, attempts: 3, recipientsText: 'y@example.vn' },
      { kind: MailKind.Notification, to: ['z@example.vn'], cc: [], subject: 'ba', html: '', text: '', attachments: [], status: MailStatus.Queued },
    ];
    const ids = await ds.transaction((m) => insertRowsReturningIds(m, MailMessage, rows));
    const got = await Promise.all(ids.map((id) => ds.getRepository(MailMessage).findOneByOrFail({ id })));
    expect(got.map((r) => [r.subject, r.attempts, r.recipientsText, r.status])).toEqual([
      ['một', 0, '', MailStatus.Queued],
      ['hai', 3, 'y@example.vn', MailStatus.Failed],
      ['ba', 0, '', MailStatus.Queued],
    ]);
  });

  it('should write every row, in statements of `chunk` rows, in the caller’s transaction', async () => {
    const rows = Array.from({ length: 7 }, (_, i) => ({ date: `2040-01-0${i + 1}`, name: `Ngày nghỉ thử ${i + 1}`, kind: 'holiday' as const }));
    const statements = await ds.transaction((m) => inserts(m, () => insertRows(m, Holiday, rows, 3)));
    expect(statements).toHaveLength(3);
    expect(await ds.getRepository(Holiday).count({ where: rows.map((r) => ({ date: r.date })) })).toBe(7);
  });

  it('should split at the engine’s parameter limit: one row more than a statement can carry makes two', async () => {
    const width = 8; // the history columns given below
    const perStatement = Math.floor((onPostgres(ds) ? MAX_PARAMS.postgres : MAX_PARAMS.sqlite) / width);
    const rows = Array.from({ length: perStatement + 1 }, (_, i) => ({
      taskId,
      userId: 1,
      userName: 'Bench',
      action: TaskHistoryAction.Update,
      field: 'progress',
      fromValue: String(i),
      toValue: `limit-${i}`,
      comment: null,
    }));
    let ids: number[] = [];
    const statements = await ds.transaction((m) => inserts(m, async () => (ids = await insertRowsReturningIds(m, TaskHistory, rows))));
    expect(statements).toHaveLength(2);
    expect(ids).toHaveLength(rows.length);
    const last = await ds.getRepository(TaskHistory).findOneByOrFail({ id: ids[perStatement] });
    expect(last.toValue).toBe(`limit-${perStatement}`);
    const first = await ds.getRepository(TaskHistory).findOneByOrFail({ id: ids[0] });
    expect(first.toValue).toBe('limit-0');
  });

  it('should write a join table given by its columns', async () => {
    const [mailId] = await ds.transaction((m) =>
      insertRowsReturningIds(m, MailMessage, [{ kind: MailKind.Notification, to: [], cc: [], subject: 's', html: '', text: '', attachments: [], status: MailStatus.Queued }]),
    );
    await ds.transaction((m) => insertRows(m, { table: 'mail_message_tasks', columns: ['mailMessageId', 'taskId'] }, [{ mailMessageId: mailId, taskId }]));
    const links = await ds.query<{ taskId: number }[]>(`SELECT "taskId" FROM "mail_message_tasks" WHERE "mailMessageId" = ${onPostgres(ds) ? '$1' : '?'}`, [
      mailId,
    ]);
    expect(links.map((l) => Number(l.taskId))).toEqual([taskId]);
  });

  it('should write nothing when the transaction rolls back, and nothing at all for no rows', async () => {
    const rows = [{ date: '2041-02-01', name: 'Ngày thử', kind: 'holiday' as const }];
    await expect(
      ds.transaction(async (m) => {
        await insertRows(m, Holiday, rows);
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    expect(await ds.getRepository(Holiday).countBy({ date: '2041-02-01' })).toBe(0);
    expect(await ds.transaction((m) => inserts(m, () => insertRows(m, Holiday, [])))).toEqual([]);
  });

  it('should run in a transaction of its own when the manager has none', async () => {
    const rows = [{ date: '2042-03-01', name: 'Ngày thử riêng', kind: 'holiday' as const }];
    await insertRows(ds.manager, Holiday, rows);
    expect(await ds.getRepository(Holiday).countBy({ date: '2042-03-01' })).toBe(1);
  });
});
