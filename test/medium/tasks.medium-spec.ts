import { ConflictException, HttpStatus, NotFoundException } from '@nestjs/common';
import { DomainError } from 'src/core/http/domain-error';
import { DataSource } from 'typeorm';
import { addDays, LocalDate } from 'src/core/time/local-date';
import { AuthUser } from 'src/modules/auth/auth.decorators';
import { TimelinessFilter } from 'src/modules/tasks/dto/list-tasks.query.dto';
import { TaskHistory, TaskHistoryAction } from 'src/modules/tasks/task-history.entity';
import { TaskKind, TaskOrigin, TaskStatus } from 'src/modules/tasks/task.enums';
import { Task } from 'src/modules/tasks/task.entity';
import { TasksModule } from 'src/modules/tasks/tasks.module';
import { TaskChangesService } from 'src/modules/tasks/task-changes.service';
import { TasksService } from 'src/modules/tasks/tasks.service';
import { TaskListingService } from 'src/modules/tasks/task-listing.service';
import { User } from 'src/modules/users/user.entity';
import { UserRole } from 'src/modules/users/user-role.enum';
import { ReminderFixtures } from 'test/fixtures/reminder-tasks.fixture';
import { MediumApp, startMedium } from './medium-app';

/** TasksService on a real database: the rules of creating, changing and listing tasks (no HTTP). */
describe('TasksService and TaskChangesService (medium)', () => {
  let m: MediumApp;
  let f: ReminderFixtures;
  let sut: TasksService;
  let changes: TaskChangesService;
  let listing: TaskListingService;
  let office: AuthUser;
  let today: LocalDate;

  const authOf = (u: User): AuthUser => ({ id: u.id, email: u.email, fullName: u.fullName, role: u.role, agencyId: u.agencyId });
  const rows = () => m.get(DataSource).getRepository(Task).count();
  const historyOf = (taskId: number) => m.get(DataSource).getRepository(TaskHistory).find({ where: { taskId }, order: { id: 'ASC' } });
  const refusal = (p: Promise<unknown>) => p.then(() => Promise.reject(new Error('accepted')), (err: Error) => err);

  beforeAll(async () => {
    m = await startMedium([TasksModule]);
    f = new ReminderFixtures(m);
    sut = m.get(TasksService);
    changes = m.get(TaskChangesService);
    listing = m.get(TaskListingService);
    office = authOf(await f.user({ role: UserRole.Office }));
    today = sut.today();
  });
  afterAll(() => m?.close());

  it('should write the effective due date, the folded search text and one history row', async () => {
    const agency = await f.agency();
    // The first Sunday at least ten days ahead: a due date on a day off moves to the next working day.
    let sunday = addDays(today, 10);
    while (new Date(`${sunday}T00:00:00Z`).getUTCDay() !== 0) sunday = addDays(sunday, 1);
    const task = await sut.create({ title: 'Xây dựng Đề án Phát triển DU LỊCH', kind: TaskKind.Proposal, origin: TaskOrigin.Initial, leadAgencyId: agency.id, dueDate: sunday }, office);

    expect(task.dueDate).toBe(sunday);
    expect(task.effectiveDueDate).toBe(addDays(sunday, 1));
    expect(task.searchText).toContain('xay dung de an phat trien du lich');
    expect((await historyOf(task.id)).map((h) => [h.action, h.userId])).toEqual([['create', office.id]]);
  });

  it('should refuse an agency that no longer exists on the day of assignment, a due date before it, and write nothing', async () => {
    const gone = await f.agency({ active: false, validTo: addDays(today, -30) });
    const live = await f.agency();
    const before = await rows();

    const inactive = await refusal(sut.create({ title: 'Việc của cơ quan đã giải thể', kind: TaskKind.Task, origin: TaskOrigin.Added, leadAgencyId: gone.id, dueDate: addDays(today, 5) }, office));
    const early = await refusal(sut.create({ title: 'Việc hạn trước ngày giao', kind: TaskKind.Task, origin: TaskOrigin.Added, leadAgencyId: live.id, assignedAt: today, dueDate: addDays(today, -1) }, office));

    const fields = (err: Error) => (err instanceof DomainError && err.status === HttpStatus.BAD_REQUEST ? err.details.map((d) => d.field) : err);
    expect(fields(inactive)).toEqual(['leadAgencyId']);
    expect(fields(early)).toEqual(['dueDate']);
    expect(await rows()).toBe(before);
  });

  it('should let an agency change only its own tasks, keep the version, and record the change', async () => {
    const own = await f.agency();
    const other = await f.agency();
    const staff = authOf(await f.user({ role: UserRole.Agency, agencyId: own.id }));
    const mine = await sut.create({ title: 'Việc của sở mình', kind: TaskKind.Task, origin: TaskOrigin.Added, leadAgencyId: own.id, dueDate: addDays(today, 20) }, office);
    const theirs = await sut.create({ title: 'Việc của sở khác', kind: TaskKind.Task, origin: TaskOrigin.Added, leadAgencyId: other.id, dueDate: addDays(today, 20) }, office);

    const denied = await refusal(changes.update(theirs.id, { version: theirs.version, status: TaskStatus.InProgress, progress: 50 }, staff));
    // Not its task: as if it did not exist (an agency learns nothing of other agencies' work).
    expect(denied).toBeInstanceOf(NotFoundException);
    expect(await m.get(DataSource).getRepository(Task).findOneByOrFail({ id: theirs.id })).toMatchObject({ status: TaskStatus.New, version: theirs.version });

    const changed = await changes.update(mine.id, { version: mine.version, status: TaskStatus.InProgress, progress: 50 }, staff);
    expect(changed).toMatchObject({ status: TaskStatus.InProgress, progress: 50, version: mine.version + 1 });
    // One history row per changed field, by the agency's user.
    expect((await historyOf(mine.id)).map((h) => [h.action, h.field, h.fromValue, h.toValue, h.userId])).toEqual([
      ['create', null, null, null, office.id],
      ['update', 'status', TaskStatus.New, TaskStatus.InProgress, staff.id],
      ['update', 'progress', '0', '50', staff.id],
    ]);
    // A second change from the version the first one started from is refused: nothing is overwritten.
    await expect(changes.update(mine.id, { version: mine.version, progress: 10 }, staff)).rejects.toThrow();
    expect((await m.get(DataSource).getRepository(Task).findOneByOrFail({ id: mine.id })).progress).toBe(50);
  });

  it('should write neither the change nor its history when the version moved between the read and the write', async () => {
    const ds = m.get(DataSource);
    const lead = await f.agency();
    const task = await sut.create({ title: 'Việc bị sửa chồng', kind: TaskKind.Task, origin: TaskOrigin.Added, leadAgencyId: lead.id, dueDate: addDays(today, 20) }, office);
    const stale = await ds.transaction((tm) => changes.loadForChange(tm, task.id));
    await changes.update(task.id, { version: task.version, progress: 30 }, office);
    // A caller that catches the refusal and commits its own transaction keeps no trace of the refused change.
    const refused = await ds.transaction((tm) =>
      refusal(changes.applyChanges(tm, stale, { progress: 70, note: 'ghi đè' }, { id: office.id, name: office.fullName }, { action: TaskHistoryAction.Update, comment: 'lý do' })),
    );
    expect(refused).toBeInstanceOf(ConflictException);
    expect(await ds.getRepository(Task).findOneByOrFail({ id: task.id })).toMatchObject({ progress: 30, note: null, version: task.version + 1 });
    expect((await historyOf(task.id)).map((h) => [h.action, h.field, h.fromValue, h.toValue, h.comment])).toEqual([
      ['create', null, null, null, null],
      ['update', 'progress', '0', '30', null],
    ]);
  });

  it('should list for an agency only what it leads or coordinates, and overdue as the timeliness rule says', async () => {
    const lead = await f.agency();
    const helper = await f.agency();
    const staff = authOf(await f.user({ role: UserRole.Agency, agencyId: helper.id }));
    const assignedAt = addDays(today, -60);
    const overdue = await sut.create({ title: 'Quá hạn', kind: TaskKind.Task, origin: TaskOrigin.Added, leadAgencyId: lead.id, coordinatingAgencyIds: [helper.id], assignedAt, dueDate: addDays(today, -10) }, office);
    const later = await sut.create({ title: 'Còn hạn', kind: TaskKind.Task, origin: TaskOrigin.Added, leadAgencyId: lead.id, assignedAt, dueDate: addDays(today, 40) }, office);
    const own = await sut.create({ title: 'Của sở phối hợp', kind: TaskKind.Task, origin: TaskOrigin.Added, leadAgencyId: helper.id, assignedAt, dueDate: addDays(today, -10) }, office);

    const seenByHelper = await listing.list({ page: 1, limit: 100 }, staff);
    expect(seenByHelper.items.map((t) => t.id).sort()).toEqual([overdue.id, own.id].sort());
    const overdueOfLead = await listing.list({ page: 1, limit: 100, agencyId: lead.id, timeliness: TimelinessFilter.Overdue }, office);
    expect(overdueOfLead.items.map((t) => t.id)).toEqual([overdue.id]);
    expect(overdueOfLead.total).toBe(1);
    expect((await listing.list({ page: 1, limit: 100, agencyId: lead.id }, office)).items.map((t) => t.id).sort()).toEqual([overdue.id, later.id].sort());
  });
});
