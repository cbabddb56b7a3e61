import { DataSource, TableColumn } from 'typeorm';
import { addDays, LocalDate } from 'src/core/time/local-date';
import { AuthUser } from 'src/modules/auth/auth.decorators';
import { isCompletedAsOf, isOpenAsOf, judgeTimeliness } from 'src/modules/calendar/timeliness';
import { ListTasksQuery, TimelinessFilter } from 'src/modules/tasks/dto/list-tasks.query.dto';
import { TaskChangesService } from 'src/modules/tasks/task-changes.service';
import { TaskInvolvement } from 'src/modules/tasks/task-involvement.entity';
import { involvementScope, programScope, TaskListingService } from 'src/modules/tasks/task-listing.service';
import { SQLITE_PROGRAM_COUNT_TRIGGERS } from 'src/modules/tasks/task-program-counts';
import { OPEN_ONLY } from 'src/modules/tasks/task-query';
import { restoreSqliteInvolvements, restoreSqliteProgramCounts, restoreSqliteSearchIndex } from 'src/modules/tasks/task-search-index';
import { Task } from 'src/modules/tasks/task.entity';
import { OPEN_STATUSES, TaskKind, TaskOrigin, TaskStatus, Timeliness } from 'src/modules/tasks/task.enums';
import { TasksModule } from 'src/modules/tasks/tasks.module';
import { TasksService } from 'src/modules/tasks/tasks.service';
import { Agency } from 'src/modules/agencies/agency.entity';
import { Program } from 'src/modules/programs/program.entity';
import { User } from 'src/modules/users/user.entity';
import { UserRole } from 'src/modules/users/user-role.enum';
import { ReminderFixtures } from 'test/fixtures/reminder-tasks.fixture';
import { MediumApp, startMedium } from './medium-app';

/** Whether task `t` is in a list filtered by `query`'s state filters as of `asOf`, by the one timeliness rule. */
function matches(t: Task, query: Partial<ListTasksQuery>, asOf: LocalDate): boolean {
  if (query.status?.length && !query.status.includes(t.status)) return false;
  if (query.dueFrom && !(t.effectiveDueDate && t.effectiveDueDate >= query.dueFrom)) return false;
  if (query.dueTo && !(t.effectiveDueDate && t.effectiveDueDate <= query.dueTo)) return false;
  const tl = judgeTimeliness(t, asOf);
  switch (query.timeliness) {
    case undefined:
      return true;
    case TimelinessFilter.Overdue:
      return tl === Timeliness.Overdue;
    case TimelinessFilter.DueSoon:
      return tl === Timeliness.DueSoon;
    case TimelinessFilter.InTime:
      return tl === Timeliness.InTime;
    case TimelinessFilter.OnTime:
      return tl === Timeliness.OnTime;
    case TimelinessFilter.Late:
      return tl === Timeliness.Late;
    case TimelinessFilter.Done:
      return isCompletedAsOf(t, asOf);
    case TimelinessFilter.NotDone:
      return isOpenAsOf(t, asOf);
    case TimelinessFilter.NotOverdue:
      return isOpenAsOf(t, asOf) && tl !== Timeliness.Overdue;
  }
}

/**
 * task_involvements (kept by triggers, task-involvements.ts) and task_program_counts
 * (task-program-counts.ts) on a real database: they mirror tasks and task_coordinating_agencies after
 * every kind of write, and an agency's lists and counts, and a program's list total, read from them
 * give exactly what the tasks themselves say (an oracle computed here from the rows and the one
 * timeliness rule, judgeTimeliness).
 */
describe('task_involvements (medium)', () => {
  let m: MediumApp;
  let f: ReminderFixtures;
  let ds: DataSource;
  let tasks: TasksService;
  let changes: TaskChangesService;
  let listing: TaskListingService;
  let office: AuthUser;
  let today: LocalDate;
  let agencies: Agency[];
  let programs: Program[];

  const authOf = (u: User): AuthUser => ({ id: u.id, email: u.email, fullName: u.fullName, role: u.role, agencyId: u.agencyId });
  const q = (sql: string, params: unknown[] = []) =>
    ds.query<Record<string, unknown>[]>(ds.options.type === 'postgres' ? sql.replace(/\?/g, (_, i: number) => `$${sql.slice(0, i).split('?').length}`) : sql, params);

  /** What task_involvements must hold: each task's lead row and one row per coordinating agency. */
  async function expectedRows(): Promise<string[]> {
    const all = await ds.getRepository(Task).find({ relations: { coordinatingAgencies: true } });
    const rows: string[] = [];
    for (const t of all) {
      const state = `${t.status}|${t.effectiveDueDate}|${t.completedAt}`;
      rows.push(`${t.leadAgencyId}|${t.id}|1|${state}`);
      for (const a of t.coordinatingAgencies ?? []) rows.push(`${a.id}|${t.id}|0|${state}`);
    }
    return rows.sort();
  }
  async function actualRows(): Promise<string[]> {
    const rows = await ds.getRepository(TaskInvolvement).find();
    return rows.map((r) => `${r.agencyId}|${r.taskId}|${Number(r.lead)}|${r.status}|${r.effectiveDueDate}|${r.completedAt}`).sort();
  }

  /** What task_program_counts must hold: each program's tasks (0: of no program), programs without tasks left out. */
  async function expectedCounts(): Promise<string[]> {
    const rows = await q('SELECT "programId", COUNT(*) AS n FROM "tasks" GROUP BY "programId"');
    return rows.map((r) => `${Number(r.programId ?? 0)}|${Number(r.n)}`).sort();
  }
  async function actualCounts(): Promise<string[]> {
    const rows = await q('SELECT "programId", "tasks" FROM "task_program_counts" WHERE "tasks" <> 0');
    return rows.map((r) => `${Number(r.programId)}|${Number(r.tasks)}`).sort();
  }

  /**
   * Every list total the kept tables answer, against the rows: each agency's count under every
   * timeliness filter as of two days (limit 1, so the count is asked whenever there is a match), and
   * each program's list and the whole list.
   */
  async function expectTotalsExact(): Promise<void> {
    expect(await actualRows()).toEqual(await expectedRows());
    expect(await actualCounts()).toEqual(await expectedCounts());
    const all = await ds.getRepository(Task).find({ relations: { coordinatingAgencies: true } });
    const got: string[] = [];
    const want: string[] = [];
    for (const agency of agencies) {
      const theirs = all.filter((t) => t.leadAgencyId === agency.id || (t.coordinatingAgencies ?? []).some((x) => x.id === agency.id));
      for (const timeliness of [undefined, ...Object.values(TimelinessFilter)]) {
        for (const asOf of [today, addDays(today, -5)]) {
          const label = `agency ${agency.id} ${timeliness ?? 'all'} ${asOf}`;
          want.push(`${label}: ${theirs.filter((t) => matches(t, { timeliness }, asOf)).length}`);
          const res = await listing.list({ timeliness, asOf, involvingAgencyId: agency.id, limit: 1 }, office);
          got.push(`${label}: ${res.total}`);
        }
      }
    }
    const programIds = [...new Set(all.map((t) => t.programId).filter((p): p is number => p !== null))];
    for (const programId of programIds) {
      want.push(`program ${programId}: ${all.filter((t) => t.programId === programId).length}`);
      got.push(`program ${programId}: ${(await listing.list({ programId, limit: 1 }, office)).total}`);
    }
    want.push(`all: ${all.length}`);
    got.push(`all: ${(await listing.list({ limit: 1 }, office)).total}`);
    expect(got).toEqual(want);
  }

  beforeAll(async () => {
    m = await startMedium([TasksModule]);
    f = new ReminderFixtures(m);
    ds = m.get(DataSource);
    tasks = m.get(TasksService);
    changes = m.get(TaskChangesService);
    listing = m.get(TaskListingService);
    office = authOf(await f.user({ role: UserRole.Office }));
    today = tasks.today();
    agencies = [await f.agency(), await f.agency(), await f.agency(), await f.agency()];
    programs = [await f.program(), await f.program()];
  });
  afterAll(() => m?.close());

  it('should mirror tasks, their coordinating agencies and their programs through creation, changes, raw SQL and deletion, every total exact after each', async () => {
    const [a, b, c, d] = agencies;
    const [p1, p2] = programs;
    const created = await tasks.create(
      { title: 'Xây dựng kế hoạch chuyển đổi số', kind: TaskKind.Task, origin: TaskOrigin.Added, programId: p1.id, leadAgencyId: a.id, coordinatingAgencyIds: [b.id, c.id], dueDate: addDays(today, 20) },
      office,
    );
    expect((await actualRows()).filter((r) => r.split('|')[1] === String(created.id))).toHaveLength(3);
    await expectTotalsExact();

    // Several tasks in one insert (as an import writes them), in two programs and none, done on both sides of the days counted.
    const batch = await tasks.createMany(
      undefined,
      [
        { title: 'Báo cáo tình hình giải ngân', kind: TaskKind.Task, origin: TaskOrigin.Initial, programId: p1.id, leadAgencyId: b.id, coordinatingAgencyIds: [a.id], dueDate: addDays(today, -30), assignedAt: addDays(today, -90) },
        { title: 'Đề án phát triển du lịch', kind: TaskKind.Task, origin: TaskOrigin.Initial, programId: p2.id, leadAgencyId: a.id, dueDate: addDays(today, -20), assignedAt: addDays(today, -90), status: TaskStatus.Done, completedAt: addDays(today, -2) },
        { title: 'Kế hoạch cải cách hành chính', kind: TaskKind.Task, origin: TaskOrigin.Initial, programId: p2.id, leadAgencyId: c.id, coordinatingAgencyIds: [a.id, d.id], dueDate: addDays(today, -3), assignedAt: addDays(today, -90), status: TaskStatus.Done, completedAt: addDays(today, -4) },
        { title: 'Rà soát văn bản quy phạm', kind: TaskKind.Task, origin: TaskOrigin.Added, leadAgencyId: d.id, dueDate: addDays(today, 5), assignedAt: addDays(today, -10) },
      ],
      { id: office.id, name: office.fullName },
    );
    await expectTotalsExact();

    // Through the one task writer: lead and coordinating agencies swapped, status and progress changed, moved to another program.
    const changed = await changes.update(created.id, { version: created.version, leadAgencyId: b.id, coordinatingAgencyIds: [a.id, d.id], status: TaskStatus.InProgress, progress: 30 }, office);
    expect(changed.leadAgencyId).toBe(b.id);
    await expectTotalsExact();
    const moved = await changes.update(created.id, { version: changed.version, programId: p2.id }, office);
    expect(moved.programId).toBe(p2.id);
    await expectTotalsExact();
    await changes.bulk({ action: 'moveProgram', taskIds: [batch[0].id, batch[3].id], programId: p2.id }, office);
    await expectTotalsExact();

    // Writers that bypass the services: the fixtures' repository updates and hand-written SQL.
    const other = await f.task({ agency: c, dueDate: addDays(today, -5), program: p1 });
    await expectTotalsExact();
    await f.setStatus(other, TaskStatus.Done, addDays(today, -1));
    await expectTotalsExact();
    await f.extend(other, addDays(today, 40));
    await q('INSERT INTO "task_coordinating_agencies" ("taskId", "agencyId") VALUES (?, ?)', [other.id, a.id]);
    await expectTotalsExact();
    await q('UPDATE "tasks" SET "status" = ?, "completedAt" = NULL WHERE "id" = ?', [TaskStatus.Submitted, other.id]);
    await q('UPDATE "tasks" SET "progress" = 90 WHERE "id" = ?', [other.id]); // no state column: nothing to copy
    await expectTotalsExact();
    // Done after the days counted (still open on them), then moved out of every program and back by hand.
    await q('UPDATE "tasks" SET "status" = ?, "completedAt" = ? WHERE "id" = ?', [TaskStatus.Done, addDays(today, 3), other.id]);
    await q('UPDATE "tasks" SET "programId" = NULL WHERE "id" = ?', [other.id]);
    await expectTotalsExact();
    await q('UPDATE "tasks" SET "programId" = ? WHERE "id" IN (?, ?)', [p1.id, other.id, batch[3].id]);
    await expectTotalsExact();
    await q('DELETE FROM "task_coordinating_agencies" WHERE "taskId" = ? AND "agencyId" = ?', [created.id, d.id]);
    await expectTotalsExact();

    await ds.getRepository(Task).delete(other.id);
    expect((await actualRows()).some((r) => r.split('|')[1] === String(other.id))).toBe(false);
    await expectTotalsExact();
    // Several deleted in one statement.
    const gone = [await f.task({ agency: a, dueDate: addDays(today, -8), program: p1 }), await f.task({ agency: b, dueDate: addDays(today, 9), program: p2 }), await f.task({ agency: d, dueDate: addDays(today, -1) })];
    await expectTotalsExact();
    await q('DELETE FROM "tasks" WHERE "id" IN (?, ?, ?)', gone.map((t) => t.id));
    await expectTotalsExact();
  });

  describe('an agency\'s lists and counts', () => {
    let staff: AuthUser;
    let mine: Task[];

    beforeAll(async () => {
      const [a, b, c] = agencies;
      staff = authOf(await f.user({ role: UserRole.Agency, agencyId: a.id }));
      // A spread of states around today, led by a, coordinated by a, and neither.
      const spread: [number, number, TaskStatus, number | null][] = [];
      const statuses = [TaskStatus.New, TaskStatus.InProgress, TaskStatus.Submitted, TaskStatus.Done, TaskStatus.Withdrawn, TaskStatus.Deferred];
      let i = 0;
      for (const offset of [-40, -10, -1, 0, 3, 7, 8, 30]) {
        for (const status of statuses) {
          const done = status === TaskStatus.Done ? [offset - 2, offset + 5, null][i % 3] : null;
          spread.push([offset, i % 3, status, done]);
          i++;
        }
      }
      for (const [offset, who, status, doneOffset] of spread) {
        const t = await f.task({ agency: who === 0 ? a : who === 1 ? b : c, dueDate: addDays(today, offset), status });
        if (status === TaskStatus.Done) await f.setStatus(t, TaskStatus.Done, doneOffset === null ? null : addDays(today, doneOffset));
        if (who === 1) await q('INSERT INTO "task_coordinating_agencies" ("taskId", "agencyId") VALUES (?, ?)', [t.id, a.id]);
      }
      // A task without a due date, led by a.
      const undated = await f.task({ agency: a, dueDate: addDays(today, 3) });
      await q('UPDATE "tasks" SET "dueDate" = NULL, "effectiveDueDate" = NULL WHERE "id" = ?', [undated.id]);
      const all = await ds.getRepository(Task).find({ relations: { coordinatingAgencies: true } });
      mine = all.filter((t) => t.leadAgencyId === a.id || (t.coordinatingAgencies ?? []).some((x) => x.id === a.id));
    });

    /** The oracle: the agency's tasks filtered by the rule itself, by due date (none last), then id. */
    function oracle(query: Partial<ListTasksQuery>, asOf: LocalDate, desc = false): number[] {
      const found = mine.filter((t) => matches(t, query, asOf));
      const key = (t: Task) => t.effectiveDueDate ?? (desc ? '0000' : '9999');
      const sorted = found.sort((x, y) => (key(x) === key(y) ? x.id - y.id : key(x) < key(y) ? -1 : 1)).map((t) => t.id);
      if (!desc) return sorted;
      // DESC NULLS LAST, then id descending.
      const dated = found.filter((t) => t.effectiveDueDate !== null).sort((x, y) => (x.effectiveDueDate === y.effectiveDueDate ? y.id - x.id : x.effectiveDueDate! < y.effectiveDueDate! ? 1 : -1));
      const undated = found.filter((t) => t.effectiveDueDate === null).sort((x, y) => y.id - x.id);
      return [...dated, ...undated].map((t) => t.id);
    }

    const queries: Partial<ListTasksQuery>[] = [
      {},
      { timeliness: TimelinessFilter.Overdue },
      { timeliness: TimelinessFilter.DueSoon },
      { timeliness: TimelinessFilter.InTime },
      { timeliness: TimelinessFilter.OnTime },
      { timeliness: TimelinessFilter.Late },
      { timeliness: TimelinessFilter.Done },
      { timeliness: TimelinessFilter.NotDone },
      { timeliness: TimelinessFilter.NotOverdue },
      { status: [TaskStatus.New, TaskStatus.InProgress] },
      { status: [TaskStatus.Done], timeliness: TimelinessFilter.Late },
      { dueFrom: 'OFFSET:-10', dueTo: 'OFFSET:7' },
    ];
    const resolve = (query: Partial<ListTasksQuery>): Partial<ListTasksQuery> => {
      const out = { ...query };
      for (const k of ['dueFrom', 'dueTo'] as const) if (out[k]?.startsWith('OFFSET:')) out[k] = addDays(today, Number(out[k].slice(7)));
      return out;
    };

    it('should page an agency user\'s tasks in due-date order exactly as the rule says, on every filter and both directions', async () => {
      for (const raw of queries) {
        const query = resolve(raw);
        for (const asOf of [today, addDays(today, -5)]) {
          for (const desc of [false, true]) {
            const want = oracle(query, asOf, desc);
            const got: number[] = [];
            let total = -1;
            for (let page = 1; page <= Math.ceil(want.length / 4) + 1; page++) {
              const res = await listing.list({ ...query, asOf, sort: desc ? '-dueDate' : 'dueDate', page, limit: 4 }, staff);
              got.push(...res.items.map((t) => t.id));
              if (page === 1) total = res.total;
            }
            expect({ query, asOf, desc, got, total }).toEqual({ query, asOf, desc, got: want, total: want.length });
          }
        }
      }
    });

    it('should count every state filter exactly on a spread of states, done and open on both sides of the day asked', async () => {
      await expectTotalsExact();
      // What the count's split rests on (TaskListingService.involvementCount): an OPEN_ONLY filter
      // meets only work open that day, any other only work completed by then.
      for (const timeliness of Object.values(TimelinessFilter)) {
        expect({ timeliness, met: mine.some((t) => matches(t, { timeliness }, today)) }).toEqual({ timeliness, met: true });
        for (const asOf of [today, addDays(today, -5)]) {
          const found = mine.filter((t) => matches(t, { timeliness }, asOf));
          const rule = OPEN_ONLY[timeliness] ? isOpenAsOf : isCompletedAsOf;
          expect({ timeliness, asOf, outside: found.filter((t) => !rule(t, asOf)).map((t) => t.id) }).toEqual({ timeliness, asOf, outside: [] });
        }
      }
    });

    it('should give the same list to the office asking for the agency (involvingAgencyId)', async () => {
      const query = { timeliness: TimelinessFilter.Overdue, asOf: today, limit: 100 } as ListTasksQuery;
      const viaOffice = await listing.list({ ...query, involvingAgencyId: agencies[0].id }, office);
      expect(viaOffice.items.map((t) => t.id)).toEqual(oracle({ timeliness: TimelinessFilter.Overdue }, today));
      expect(viaOffice.items.length).toBeGreaterThan(0);
    });

    it('should count an agency user\'s tabs exactly as the rule says', async () => {
      for (const raw of queries) {
        const query = resolve(raw);
        const s = await listing.summary({ ...query, asOf: today }, staff);
        const ids = new Set(oracle(query, today));
        const inQuery = mine.filter((t) => ids.has(t.id));
        expect({ query, s }).toEqual({
          query,
          s: {
            total: inQuery.length,
            overdue: inQuery.filter((t) => judgeTimeliness(t, today) === Timeliness.Overdue).length,
            dueSoon: inQuery.filter((t) => judgeTimeliness(t, today) === Timeliness.DueSoon).length,
            open: inQuery.filter((t) => (OPEN_STATUSES).includes(t.status)).length,
            done: inQuery.filter((t) => t.status === TaskStatus.Done).length,
            coordinating: null,
          },
        });
      }
    });
  });

  it('should recount the programs when a later migration dropped the triggers with the tasks table (SQLite)', async () => {
    if (ds.options.type === 'postgres') return; // PostgreSQL's ALTER TABLE keeps its triggers
    const runner = ds.createQueryRunner();
    try {
      // TypeORM adds a SQLite column by creating a new table and dropping the old, triggers and all.
      await runner.addColumn('tasks', new TableColumn({ name: 'scratch', type: 'integer', isNullable: true }));
      const triggers = async () =>
        (await q(`SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'task_program_counts%' ORDER BY name`)).map((r) => r.name);
      expect(await triggers()).toEqual([]);
      await f.task({ agency: agencies[0], dueDate: addDays(today, 4), program: programs[0] });
      expect(await actualCounts()).not.toEqual(await expectedCounts());

      expect((await restoreSqliteProgramCounts(ds)).sort()).toEqual(Object.keys(SQLITE_PROGRAM_COUNT_TRIGGERS).sort());
      expect(await triggers()).toEqual(Object.keys(SQLITE_PROGRAM_COUNT_TRIGGERS).sort());
      expect(await restoreSqliteProgramCounts(ds)).toEqual([]); // nothing to do the second time
      await restoreSqliteInvolvements(ds);
      await expectTotalsExact();
    } finally {
      await runner.dropColumn('tasks', 'scratch').catch(() => undefined);
      await restoreSqliteProgramCounts(ds);
      await restoreSqliteInvolvements(ds);
      await restoreSqliteSearchIndex(ds);
      await runner.release();
    }
  });

  describe('involvementScope', () => {
    const agencyUser = { id: 1, email: 'x', fullName: 'x', role: UserRole.Agency, agencyId: 7 } as AuthUser;
    const officeUser = { id: 2, email: 'y', fullName: 'y', role: UserRole.Office, agencyId: null } as AuthUser;

    it('should take the agency of an agency user, or the office\'s involvingAgencyId, when only state filters are given', () => {
      expect(involvementScope({ timeliness: TimelinessFilter.Overdue, page: 2, limit: 50, sort: 'dueDate' }, agencyUser)).toBe(7);
      expect(involvementScope({ involvingAgencyId: 7 }, agencyUser)).toBe(7);
      expect(involvementScope({ involvingAgencyId: 9, status: [TaskStatus.New] }, officeUser)).toBe(9);
      expect(involvementScope({ status: [], q: '' }, agencyUser)).toBe(7);
    });

    it('should refuse any other filter, two different agencies, or the office without an agency', () => {
      expect(involvementScope({ programId: 3 }, agencyUser)).toBeNull();
      expect(involvementScope({ q: 'bao cao' }, agencyUser)).toBeNull();
      expect(involvementScope({ agencyId: 7 }, agencyUser)).toBeNull();
      expect(involvementScope({ coordinatingAgencyId: 7 }, agencyUser)).toBeNull();
      expect(involvementScope({ submitted: false }, agencyUser)).toBeNull();
      expect(involvementScope({ involvingAgencyId: 9 }, agencyUser)).toBeNull();
      expect(involvementScope({ timeliness: TimelinessFilter.Overdue }, officeUser)).toBeNull();
    });

    it('should take the program, or every task, when nothing else filters a list the user sees whole', () => {
      expect(programScope({ programId: 3, page: 100, limit: 50, sort: 'dueDate', asOf: '2026-10-19' }, officeUser)).toBe(3);
      expect(programScope({ sort: '-dueDate', status: [], q: '' }, officeUser)).toBe('all');
      expect(programScope({ programId: 3 }, { ...officeUser, role: UserRole.Leader })).toBe(3);
    });

    it('should refuse a program list with any other filter, and an agency user\'s list (they see only their own)', () => {
      expect(programScope({ programId: 3 }, agencyUser)).toBeNull();
      expect(programScope({}, agencyUser)).toBeNull();
      for (const other of [{ status: [TaskStatus.New] }, { timeliness: TimelinessFilter.Overdue }, { q: 'bao cao' }, { agencyId: 7 }, { involvingAgencyId: 7 }, { submitted: true }, { leaderInCharge: 'Tâm' }, { kind: TaskKind.Task }])
        expect({ other, scope: programScope({ programId: 3, ...other }, officeUser) }).toEqual({ other, scope: null });
    });
  });
});
