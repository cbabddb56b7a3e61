import { DataSource } from 'typeorm';
import { insertRows } from 'src/core/database/insert-rows';
import { addDays, LocalDate } from 'src/core/time/local-date';
import { Agency } from 'src/modules/agencies/agency.entity';
import { AgencyKind } from 'src/modules/agencies/agency.enums';
import { isCompletedAsOf, isOpenAsOf, judgeTimeliness, TimelinessInput } from 'src/modules/calendar/timeliness';
import { timelinessSql } from 'src/modules/calendar/timeliness.sql';
import { TimelinessFilter } from 'src/modules/tasks/dto/list-tasks.query.dto';
import { TaskFiguresQuery } from 'src/modules/tasks/queries/task-figures.query';
import { timelinessCondition } from 'src/modules/tasks/task-query';
import { Task } from 'src/modules/tasks/task.entity';
import { EXCLUDED_STATUSES, TaskKind, TaskOrigin, TaskStatus, Timeliness } from 'src/modules/tasks/task.enums';
import { openTestDataSource, TestDataSource } from 'test/utils/test-data-source';

/**
 * The timeliness rule is written once in TypeScript (calendar/timeliness.ts) and once as SQL
 * (calendar/timeliness.sql.ts). This runs every SQL fragment — and the two builders that use them,
 * the task list filter and the appendix figures — on the real database (SQLite, or PostgreSQL with
 * TEST_DATABASE_URL) over a table of rows on every boundary, and checks each row's SQL classification
 * against the TypeScript rule on the same row.
 */
const AS_OF = '2024-07-10';
const SOON_DAYS = [7, 0];
const AS_OF_DAYS: LocalDate[] = [AS_OF, '2024-07-09', '2024-07-17'];

interface Row extends TimelinessInput {
  id: number;
  label: string;
}

/** Every status × due date (none, around asOf and the due-soon edge) × completion date (none, around the due date and asOf). */
function boundaryRows(): Omit<Row, 'id'>[] {
  const dues: (LocalDate | null)[] = [null, addDays(AS_OF, -1), AS_OF, addDays(AS_OF, 1), addDays(AS_OF, 7), addDays(AS_OF, 8)];
  const rows: Omit<Row, 'id'>[] = [];
  for (const status of Object.values(TaskStatus)) {
    for (const due of dues) {
      const completions = [null, ...(due ? [addDays(due, -1), due, addDays(due, 1)] : []), addDays(AS_OF, -1), AS_OF, addDays(AS_OF, 1)];
      for (const completedAt of [...new Set(completions)]) {
        rows.push({ status, effectiveDueDate: due, completedAt, label: `${status} due ${due ?? '—'} completed ${completedAt ?? '—'}` });
      }
    }
  }
  return rows;
}

describe('timeliness SQL against judgeTimeliness', () => {
  let t: TestDataSource;
  let ds: DataSource;
  let rows: Row[];

  beforeAll(async () => {
    t = await openTestDataSource('timeliness-sql');
    ds = t.ds;
    const agency = await ds.getRepository(Agency).save({ code: 'STC', name: 'Sở Tài chính', kind: AgencyKind.Department, aliases: [], emails: [] });
    const specs = boundaryRows();
    // Extensions and the weekend rule: the SQL judges the effective due date, never dueDate. A task due
    // Saturday 06/07 whose effective date is Monday 08/07 and one extended from 01/07 to 12/07.
    specs.push(
      { status: TaskStatus.Done, effectiveDueDate: '2024-07-08', completedAt: '2024-07-08', label: 'done on the Monday after a Saturday due date' },
      { status: TaskStatus.InProgress, effectiveDueDate: '2024-07-12', completedAt: null, label: 'extended from 01/07 to 12/07' },
    );
    const dueDates: Record<string, { dueDate: string; extendedFromDate: string | null }> = {
      'done on the Monday after a Saturday due date': { dueDate: '2024-07-06', extendedFromDate: null },
      'extended from 01/07 to 12/07': { dueDate: '2024-07-12', extendedFromDate: '2024-07-01' },
    };
    await ds.transaction((m) =>
      insertRows(
        m,
        Task,
        specs.map((s, i) => ({
          code: `T${i + 1}`,
          title: s.label,
          kind: TaskKind.Task,
          leadAgencyId: agency.id,
          assignedAt: '2024-01-02',
          dueDate: dueDates[s.label]?.dueDate ?? s.effectiveDueDate,
          extendedFromDate: dueDates[s.label]?.extendedFromDate ?? null,
          effectiveDueDate: s.effectiveDueDate,
          origin: TaskOrigin.Initial,
          status: s.status,
          completedAt: s.completedAt,
          searchText: '',
        })),
      ),
    );
    const stored = await ds.getRepository(Task).find({ select: { id: true, code: true }, order: { id: 'ASC' } });
    const ids = new Map(stored.map((t) => [t.code, t.id]));
    rows = specs.map((s, i) => ({ ...s, id: ids.get(`T${i + 1}`)! }));
  });

  afterAll(async () => {
    await t?.close();
  });

  /** Labels of the rows a condition selects, and of the rows the TypeScript predicate selects. */
  async function compare(sql: string, params: Record<string, unknown>, expected: (r: Row) => boolean) {
    const selected = await ds.getRepository(Task).createQueryBuilder('t').select('t.id', 'id').where(sql, params).getRawMany<{ id: number | string }>();
    const got = new Set(selected.map((r) => Number(r.id)));
    return {
      sql: rows.filter((r) => got.has(r.id)).map((r) => r.label),
      ts: rows.filter(expected).map((r) => r.label),
    };
  }

  it('should cover every boundary: both sides of asOf and of the due-soon edge, on and after the due date, no due date, every status', () => {
    const has = (f: (r: Row) => boolean) => rows.some(f);
    for (const status of Object.values(TaskStatus)) {
      expect({ status, noDue: has((r) => r.status === status && r.effectiveDueDate === null) }).toEqual({ status, noDue: true });
      for (const due of [addDays(AS_OF, -1), AS_OF, addDays(AS_OF, 7), addDays(AS_OF, 8)]) {
        const on = has((r) => r.status === status && r.effectiveDueDate === due && r.completedAt === due);
        const after = has((r) => r.status === status && r.effectiveDueDate === due && r.completedAt === addDays(due, 1));
        expect({ status, due, on, after }).toEqual({ status, due, on: true, after: true });
      }
    }
    const judged = new Set(rows.map((r) => judgeTimeliness(r, AS_OF)));
    expect([...judged].sort()).toEqual(Object.values(Timeliness).sort());
  });

  for (const asOf of AS_OF_DAYS) {
    for (const dueSoonDays of SOON_DAYS) {
      it(`should classify each row as the TypeScript rule does, as of ${asOf} with a ${dueSoonDays}-day due-soon window`, async () => {
        const sut = timelinessSql('t', asOf, { dueSoonDays });
        const completed = await compare(sut.completed, sut.params, (r) => isCompletedAsOf(r, asOf));
        expect(completed.sql).toEqual(completed.ts);
        const open = await compare(sut.open, sut.params, (r) => isOpenAsOf(r, asOf));
        expect(open.sql).toEqual(open.ts);
        const notOverdue = await compare(sut.notOverdue, sut.params, (r) => isOpenAsOf(r, asOf) && judgeTimeliness(r, asOf, dueSoonDays) !== Timeliness.Overdue);
        expect(notOverdue.sql).toEqual(notOverdue.ts);
        for (const [value, sql] of Object.entries(sut.is)) {
          const c = await compare(sql, sut.params, (r) => judgeTimeliness(r, asOf, dueSoonDays) === (value as Timeliness));
          expect({ value, rows: c.sql }).toEqual({ value, rows: c.ts });
        }
      });
    }
  }

  it('should give the task list filter exactly the rows of each timeliness value', async () => {
    const rule: Record<TimelinessFilter, (r: Row) => boolean> = {
      [TimelinessFilter.OnTime]: (r) => judgeTimeliness(r, AS_OF) === Timeliness.OnTime,
      [TimelinessFilter.Late]: (r) => judgeTimeliness(r, AS_OF) === Timeliness.Late,
      [TimelinessFilter.InTime]: (r) => judgeTimeliness(r, AS_OF) === Timeliness.InTime,
      [TimelinessFilter.Overdue]: (r) => judgeTimeliness(r, AS_OF) === Timeliness.Overdue,
      [TimelinessFilter.DueSoon]: (r) => judgeTimeliness(r, AS_OF) === Timeliness.DueSoon,
      [TimelinessFilter.Done]: (r) => isCompletedAsOf(r, AS_OF),
      [TimelinessFilter.NotDone]: (r) => isOpenAsOf(r, AS_OF),
      [TimelinessFilter.NotOverdue]: (r) => isOpenAsOf(r, AS_OF) && judgeTimeliness(r, AS_OF) !== Timeliness.Overdue,
    };
    for (const which of Object.values(TimelinessFilter)) {
      const c = timelinessCondition('t', which, AS_OF);
      const got = await compare(c.sql, c.params, rule[which]);
      expect({ which, rows: got.sql }).toEqual({ which, rows: got.ts });
    }
  });

  it('should count the appendix figures (Phụ lục II) as the TypeScript rule counts the same rows', async () => {
    const sut = new TaskFiguresQuery(ds.getRepository(Task));
    for (const asOf of AS_OF_DAYS) {
      const scope = { from: '2024-07-01', to: '2024-07-31', asOf };
      // Phụ lục II's tasks: not withdrawn or deferred, not done before `from`.
      const counted = rows.filter(
        (r) => !EXCLUDED_STATUSES.includes(r.status) && !(r.status === TaskStatus.Done && r.completedAt !== null && r.completedAt < scope.from),
      );
      const [counts] = await sut.taskCountsByAgency(scope);
      expect({ asOf, total: counts.total, done: counts.done, doneOnTime: counts.doneOnTime, openOverdue: counts.openOverdue }).toEqual({
        asOf,
        total: counted.length,
        done: counted.filter((r) => isCompletedAsOf(r, asOf)).length,
        doneOnTime: counted.filter((r) => judgeTimeliness(r, asOf) === Timeliness.OnTime).length,
        openOverdue: counted.filter((r) => judgeTimeliness(r, asOf) === Timeliness.Overdue).length,
      });
      const overdue = await sut.overdueRows(scope);
      expect(overdue.map((o) => o.taskId).sort((a, b) => a - b)).toEqual(
        counted.filter((r) => judgeTimeliness(r, asOf) === Timeliness.Overdue).map((r) => r.id),
      );
    }
  });
});
