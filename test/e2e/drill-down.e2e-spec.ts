import { addDays, LocalDate } from 'src/core/time/local-date';
import { Task } from 'src/modules/tasks/task.entity';
import { TaskKind, TaskOrigin, TaskStatus } from 'src/modules/tasks/task.enums';
import { taskSearchText } from 'src/modules/tasks/task-search';
import { Agency } from 'src/modules/agencies/agency.entity';
import { ReminderFixtures } from 'test/fixtures/reminder-tasks.fixture';
import { TestApp } from 'test/utils/create-test-app';

jest.setTimeout(180_000);

// The web's own code: the link behind each figure (drill-down.js) and how the list reads its URL
// (task-filters.js), so this test checks exactly what the dashboard and the report preview link to.
type Period = { from: string; to: string; asOf: string };
type FigureHref = (period: Period, figure: string, scope?: Record<string, unknown>) => string | null;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const drill = require('../../web/js/drill-down.js') as { taskFigureHref: FigureHref; programItemFigureHref: FigureHref };
// eslint-disable-next-line @typescript-eslint/no-require-imports
const filters = require('../../web/js/task-filters.js') as { apiQueryOf: (p: URLSearchParams) => Record<string, unknown> };

const LEADERS = ['Chủ tịch Nguyễn Văn An', 'Phó Chủ tịch Trần Thị Bình', 'Phó Chủ tịch Lê Văn Cường'];
const TASK_FIGURES = ['total', 'carriedOver', 'assignedInPeriod', 'done', 'doneOnTime', 'doneLate', 'open', 'openInTime', 'openOverdue'];
const AGENCY_TASK_FIGURES = ['total', 'done', 'doneOnTime', 'doneLate', 'open', 'openInTime', 'openOverdue'];
const ITEM_FIGURES = ['initial', 'added', 'withdrawnOrDeferred', 'total', 'submitted', 'issued', 'notSubmitted'];

/** A small deterministic generator (the same data every run). */
function prng(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
}

/**
 * Every figure of the dashboard and the report preview leads to the task list behind it, and that
 * list's total is the figure: Phụ lục I and II (total and per lead agency), the months of the trend,
 * for the whole province and per leader in charge.
 */
describe('drill-down: each figure equals the total of the list it links to (e2e)', () => {
  let t: TestApp;
  let office: string;
  let agencies: Agency[];
  const auth = () => ({ Authorization: `Bearer ${office}` });

  /** The total of the list behind `href` (an /app/tasks?… link), as the list page asks for it. */
  async function listTotal(href: string): Promise<number> {
    const query = filters.apiQueryOf(new URL(href, 'http://x').searchParams);
    const res = await t.http.get('/api/tasks').query({ ...query, limit: 1 }).set(auth());
    if (res.status !== 200) throw new Error(`${href}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.total as number;
  }

  async function expectFigures(period: Period, values: Record<string, number>, keys: string[], hrefOf: FigureHref, scope: Record<string, unknown>, what: string) {
    const got: Record<string, number> = {};
    const want: Record<string, number> = {};
    for (const k of keys) {
      const href = hrefOf(period, k, scope);
      expect(href).toBeTruthy();
      got[k] = await listTotal(href!);
      want[k] = values[k];
    }
    expect({ what, ...got }).toEqual({ what, ...want });
  }

  async function checkReport(period: Period, leader?: string): Promise<Record<string, any>> {
    const scope = leader ? { leaderInCharge: leader } : {};
    const r = (await t.http.get('/api/reports/appendix').query({ ...period, ...scope }).set(auth()).expect(200)).body;
    const label = `${period.from}…${period.to} as of ${period.asOf}${leader ? `, ${leader}` : ''}`;
    await expectFigures(period, r.tasks, TASK_FIGURES, drill.taskFigureHref, scope, `Phụ lục II ${label}`);
    await expectFigures(period, r.programItems, ITEM_FIGURES, drill.programItemFigureHref, scope, `Phụ lục I ${label}`);
    for (const a of r.byAgency) await expectFigures(period, a, AGENCY_TASK_FIGURES, drill.taskFigureHref, { ...scope, agencyId: a.agencyId }, `Phụ lục II ${a.agencyName} ${label}`);
    for (const a of r.programItemsByAgency) await expectFigures(period, a, ITEM_FIGURES, drill.programItemFigureHref, { ...scope, agencyId: a.agencyId }, `Phụ lục I ${a.agencyName} ${label}`);
    return r;
  }

  beforeAll(async () => {
    t = await TestApp.start({ workers: false });
    office = await t.login();
    const f = new ReminderFixtures(t);
    agencies = [await f.agency({ name: 'Sở Kiểm tra số liệu' }), await f.agency({ name: 'Sở Đối chiếu danh sách' }), await f.agency({ name: 'UBND huyện Thử' })];
    // 240 tasks across 2023–2024: every status, done before, inside and after the windows, done
    // without a completion date, submitted with and without a date, recurring ones without a due date.
    const rnd = prng(14);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
    const day = (from: LocalDate, span: number) => addDays(from, Math.floor(rnd() * span));
    const rows: Partial<Task>[] = [];
    for (let i = 0; i < 240; i++) {
      const assignedAt = day('2023-10-01', 400);
      const dueDate = rnd() < 0.08 ? null : day(assignedAt, 200);
      const status = pick([TaskStatus.New, TaskStatus.InProgress, TaskStatus.Submitted, TaskStatus.Done, TaskStatus.Done, TaskStatus.Done, TaskStatus.Withdrawn, TaskStatus.Deferred]);
      const completedAt = status === TaskStatus.Done && rnd() > 0.05 ? day(assignedAt, 260) : null;
      const submittedAt = status === TaskStatus.Submitted ? (rnd() < 0.2 ? null : day(assignedAt, 200)) : status === TaskStatus.Done && rnd() < 0.6 && completedAt ? addDays(completedAt, -Math.floor(rnd() * 20)) : null;
      const code = `DD.${i + 1}`;
      const title = `Nhiệm vụ đối chiếu số ${i + 1}`;
      rows.push({
        programId: null,
        code,
        title,
        description: null,
        kind: rnd() < 0.35 ? TaskKind.Proposal : TaskKind.Task,
        sourceDocument: `Văn bản số ${i + 1}/UBND-TH`,
        outputForm: null,
        submitTo: null,
        leaderInCharge: rnd() < 0.15 ? null : pick(LEADERS),
        leadAgencyId: pick(agencies).id,
        assignedAt,
        dueDate,
        effectiveDueDate: dueDate ? await f.calendar.effectiveDueDate(dueDate) : null,
        dueText: null,
        origin: rnd() < 0.7 ? TaskOrigin.Initial : TaskOrigin.Added,
        status,
        progress: 0,
        completedAt,
        submittedAt,
        resultDocument: null,
        note: null,
        searchText: taskSearchText({ code, title }),
        createdById: null,
      });
    }
    const repo = f.ds.getRepository(Task);
    await repo.save(rows.map((r) => repo.create(r)));
  });

  afterAll(async () => {
    await t?.close();
  });

  it('should match every figure of Phụ lục I and II, total and per agency, to its list, for several windows', async () => {
    const year = await checkReport({ from: '2024-01-01', to: '2024-12-31', asOf: '2024-12-31' });
    // The data reaches every kind of figure (a check on the generator, so that the test means something).
    for (const k of TASK_FIGURES) expect(year.tasks[k]).toBeGreaterThan(0);
    for (const k of ITEM_FIGURES) expect(year.programItems[k]).toBeGreaterThan(0);
    await checkReport({ from: '2024-04-01', to: '2024-06-30', asOf: '2024-05-20' });
    await checkReport({ from: '2023-12-15', to: '2024-06-14', asOf: '2024-06-14' });
  });

  it('should match each month of the trend (done on time, late, overdue) to its list', async () => {
    const months = (await t.http.get('/api/reports/trend').query({ year: 2024 }).set(auth()).expect(200)).body as (Period & Record<string, number>)[];
    expect(months).toHaveLength(12);
    for (const m of months) await expectFigures(m, m, ['doneOnTime', 'doneLate', 'openOverdue'], drill.taskFigureHref, {}, `tháng ${m.month}`);
    expect(months.some((m) => m.doneLate > 0 && m.openOverdue > 0)).toBe(true);
  });

  it('should scope every figure to a leader in charge: the figures differ by leader and match the list filtered by that leader', async () => {
    const period = { from: '2024-01-01', to: '2024-12-31', asOf: '2024-12-31' };
    const all = (await t.http.get('/api/reports/appendix').query(period).set(auth()).expect(200)).body;
    const byLeader: Record<string, any>[] = [];
    for (const leader of LEADERS) byLeader.push(await checkReport(period, leader));
    // Different figures per leader, each part of the province's; the tasks without a leader make up the rest.
    expect(new Set(byLeader.map((r) => r.tasks.total)).size).toBe(LEADERS.length);
    expect(new Set(byLeader.map((r) => r.programItems.total)).size).toBeGreaterThan(1);
    const sum = byLeader.reduce((s, r) => s + r.tasks.total, 0);
    expect(sum).toBeLessThan(all.tasks.total);
    expect(sum).toBeGreaterThan(all.tasks.total / 2);
    for (const r of byLeader) {
      expect(r.overduePage.total).toBe(r.tasks.openOverdue);
      expect(r.overdue.length).toBe(Math.min(100, r.tasks.openOverdue));
    }

    // The trend per leader, month by month, against the lists filtered by that leader.
    for (const leader of LEADERS.slice(0, 2)) {
      const months = (await t.http.get('/api/reports/trend').query({ year: 2024, leaderInCharge: leader }).set(auth()).expect(200)).body as (Period & Record<string, number>)[];
      for (const m of months) await expectFigures(m, m, ['doneOnTime', 'doneLate', 'openOverdue'], drill.taskFigureHref, { leaderInCharge: leader }, `${leader}, tháng ${m.month}`);
    }
    const whole = (await t.http.get('/api/reports/trend').query({ year: 2024 }).set(auth()).expect(200)).body as Record<string, number>[];
    const first = (await t.http.get('/api/reports/trend').query({ year: 2024, leaderInCharge: LEADERS[0] }).set(auth()).expect(200)).body as Record<string, number>[];
    expect(first.map((m) => m.openOverdue)).not.toEqual(whole.map((m) => m.openOverdue));
  });

  it.each([
    ['/api/tasks', { assignedTo: '2024-02-30' }, 'assignedTo'],
    ['/api/tasks', { notDoneBefore: 'hôm qua' }, 'notDoneBefore'],
    ['/api/tasks', { assignedFrom: '1999-12-31' }, 'assignedFrom'],
    ['/api/tasks', { submitted: 'có' }, 'submitted'],
    ['/api/tasks', { timeliness: 'finished' }, 'timeliness'],
    ['/api/reports/appendix', { period: '2024', leaderInCharge: 'x'.repeat(256) }, 'leaderInCharge'],
    ['/api/reports/trend', { year: 2024, leaderInCharge: ['A', 'B'] }, 'leaderInCharge'],
  ])('should refuse %s %j with a Vietnamese 400 naming the field', async (path, query, field) => {
    const res = await t.http.get(path).query(query).set(auth()).expect(400);
    expect(res.body.details.map((d: { field: string }) => d.field)).toContain(field);
    expect(res.body.message).toMatch(/[àáảãạăâđêôơư]/i);
  });
});
