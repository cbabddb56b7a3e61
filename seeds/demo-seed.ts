import { DataSource, EntityManager } from 'typeorm';
import { agencySearchText } from '../src/modules/agencies/agency-search';
import { Agency } from '../src/modules/agencies/agency.entity';
import { WorkingCalendar } from '../src/modules/calendar/working-calendar';
import { Program } from '../src/modules/programs/program.entity';
import { ProgramPeriod } from '../src/modules/programs/program.enums';
import { TaskHistory, TaskHistoryAction } from '../src/modules/tasks/task-history.entity';
import { Task } from '../src/modules/tasks/task.entity';
import { TaskStatus } from '../src/modules/tasks/task.enums';
import { buildTaskRow } from '../src/modules/tasks/task-row';
import { hashPassword } from '../src/modules/users/password';
import { User } from '../src/modules/users/user.entity';
import { UserRole } from '../src/modules/users/user-role.enum';
import { AGENCIES } from './data/agencies.data';
import { TaskRequest, TaskRequestStatus, TaskRequestType } from '../src/modules/tasks/task-request.entity';
import { Demo, DemoProgram, buildDemo } from './data/demo-tasks.data';
import { DEMO_USERS } from './data/users.data';

export interface SeedOptions {
  calendar: WorkingCalendar;
  /**
   * The day the demo is seeded: the program is this day's year's and every task is dated around it.
   * The app and `npm run seed` pass the real today; tests that pin figures pass a fixed day.
   */
  today: string;
  /** Password of every demo account. */
  password: string;
  /** At start: seed only an empty database. `npm run seed` fills in whatever is missing. */
  onlyIfEmpty: boolean;
}

export interface SeedResult {
  created: boolean;
  counts: { agencies: number; users: number; programs: number; tasks: number; requests: number };
}

/** Idempotent: rows are found by their natural keys (agency code, email, program code, program + task code). */
export async function seedDemoData(ds: DataSource, opts: SeedOptions): Promise<SeedResult> {
  const counts = { agencies: 0, users: 0, programs: 0, tasks: 0, requests: 0 };
  if (opts.onlyIfEmpty && (await ds.getRepository(Agency).count()) > 0) return { created: false, counts };
  const passwordHash = await hashPassword(opts.password);
  const demo = buildDemo(opts.today);
  await ds.transaction(async (m) => {
    const agencies = await seedAgencies(m, counts);
    await seedUsers(m, agencies, passwordHash, counts);
    const programs = await seedPrograms(m, demo.program, counts);
    const tasks = await seedTasks(m, agencies, programs, demo, opts, counts);
    await seedRequests(m, tasks, demo, counts);
  });
  return { created: Object.values(counts).some((n) => n > 0), counts };
}

async function seedAgencies(m: EntityManager, counts: SeedResult['counts']): Promise<Map<string, Agency>> {
  const byCode = new Map((await m.find(Agency)).map((a) => [a.code, a]));
  for (const s of AGENCIES) {
    if (byCode.has(s.code)) continue;
    const row = await m.save(
      m.create(Agency, {
        code: s.code,
        name: s.name,
        kind: s.kind,
        aliases: s.aliases,
        emails: s.emails,
        active: !s.validTo,
        validFrom: s.validFrom ?? null,
        validTo: s.validTo ?? null,
        successorId: null,
        searchText: agencySearchText(s),
        calendarToken: null,
      }),
    );
    byCode.set(s.code, row);
    counts.agencies++;
  }
  for (const s of AGENCIES) {
    const row = byCode.get(s.code)!;
    const successorId = s.successorCode ? byCode.get(s.successorCode)!.id : null;
    if (row.successorId !== successorId) await m.update(Agency, { id: row.id }, { successorId });
  }
  return byCode;
}

async function seedUsers(m: EntityManager, agencies: Map<string, Agency>, passwordHash: string, counts: SeedResult['counts']): Promise<void> {
  for (const u of DEMO_USERS) {
    if (await m.existsBy(User, { email: u.email })) continue;
    await m.insert(User, {
      email: u.email,
      fullName: u.fullName,
      role: u.role,
      // Only agency users belong to an agency (the office, leaders and admins see every agency).
      agencyId: u.role === UserRole.Agency && u.agencyCode ? agencies.get(u.agencyCode)!.id : null,
      passwordHash,
      active: true,
    });
    counts.users++;
  }
}

async function seedPrograms(m: EntityManager, seed: DemoProgram, counts: SeedResult['counts']): Promise<Map<string, Program>> {
  let program = await m.findOneBy(Program, { code: seed.code });
  if (!program) {
    program = await m.save(
      m.create(Program, {
        code: seed.code,
        title: seed.title,
        year: seed.year,
        period: seed.period as ProgramPeriod,
        issuingDocument: seed.issuingDocument,
        issuedAt: seed.issuedAt,
        reminderPolicy: null,
      }),
    );
    counts.programs++;
  }
  return new Map([[program.code, program]]);
}

async function seedTasks(
  m: EntityManager,
  agencies: Map<string, Agency>,
  programs: Map<string, Program>,
  demo: Demo,
  opts: SeedOptions,
  counts: SeedResult['counts'],
): Promise<Map<string, Task>> {
  const existing = new Set(
    (await m.find(Task, { select: { programId: true, code: true } })).map((t) => `${t.programId ?? ''}|${t.code ?? ''}`),
  );
  /** The tasks created now, by code (requests are seeded only on those). */
  const created = new Map<string, Task>();
  for (const d of demo.tasks) {
    const programId = d.programCode ? programs.get(d.programCode)!.id : null;
    if (existing.has(`${programId ?? ''}|${d.code}`)) continue;
    const task = await m.save(
      m.create(Task, {
        ...buildTaskRow({ ...d, programId, leadAgencyId: agencies.get(d.leadAgencyCode)!.id, note: null }, opts.calendar),
        coordinatingAgencies: d.coordinatingAgencyCodes.map((c) => agencies.get(c)!),
      }),
    );
    const history: Partial<TaskHistory>[] = [
      { taskId: task.id, userId: null, userName: 'Dữ liệu mẫu', action: TaskHistoryAction.Create, comment: 'Tạo từ dữ liệu mẫu' },
    ];
    if (d.status !== TaskStatus.New) {
      history.push({ taskId: task.id, userId: null, userName: 'Dữ liệu mẫu', action: TaskHistoryAction.Update, field: 'status', fromValue: TaskStatus.New, toValue: d.status });
    }
    await m.insert(TaskHistory, history);
    if (d.programCode === null) created.set(d.code, task);
    counts.tasks++;
  }
  return created;
}

/** Pending requests of agencies, on tasks this run created (a re-run adds none twice). */
async function seedRequests(m: EntityManager, tasks: Map<string, Task>, demo: Demo, counts: SeedResult['counts']): Promise<void> {
  for (const r of demo.requests) {
    const task = tasks.get(r.taskCode);
    const requester = await m.findOneBy(User, { email: r.requesterEmail });
    if (!task || !requester) continue;
    await m.insert(TaskRequest, {
      taskId: task.id,
      type: r.type,
      reason: r.reason,
      proposedDueDate: r.proposedDueDate,
      status: TaskRequestStatus.Pending,
      requestedById: requester.id,
      decidedById: null,
      decidedAt: null,
      decisionComment: null,
    });
    const change =
      r.type === TaskRequestType.Extension
        ? { field: 'dueDate', fromValue: task.dueDate, toValue: r.proposedDueDate }
        : { field: 'status', fromValue: task.status, toValue: r.type === TaskRequestType.Deferral ? TaskStatus.Deferred : TaskStatus.Withdrawn };
    await m.insert(TaskHistory, {
      taskId: task.id,
      userId: requester.id,
      userName: requester.fullName,
      action: TaskHistoryAction.Request,
      ...change,
      comment: r.reason,
    });
    counts.requests++;
  }
}
