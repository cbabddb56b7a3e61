import { loadHolidayCalendar } from 'src/modules/calendar/holidays.config';
import { WorkingCalendar } from 'src/modules/calendar/working-calendar';
import { buildTaskRow, NewTaskFields } from './task-row';
import { TaskKind, TaskOrigin, TaskStatus } from './task.enums';

describe(buildTaskRow.name, () => {
  const calendar = new WorkingCalendar(loadHolidayCalendar().days);
  const base: NewTaskFields = {
    programId: null,
    code: 'A.1',
    title: 'Xây dựng Đề án phát triển đô thị',
    kind: TaskKind.Proposal,
    leadAgencyId: 3,
    assignedAt: '2024-01-05',
    dueDate: '2024-07-06', // a Saturday
    dueText: 'Tháng 7/2024',
    origin: TaskOrigin.Initial,
  };

  it('should move the due date to the next working day and fold the search text', () => {
    const sut = buildTaskRow(base, calendar);
    expect(sut.effectiveDueDate).toBe('2024-07-08');
    expect(sut.dueDate).toBe('2024-07-06');
    expect(sut.searchText).toBe('a.1 • xay dung de an phat trien do thi • thang 7/2024');
  });

  it('should set the day the reminder scan starts reading the task from its effective due date, only while the agency holds it', () => {
    expect(buildTaskRow(base, calendar).nextReminderOn).toBe('2024-05-09'); // 08/07 − 60 days
    expect(buildTaskRow({ ...base, assignedAt: '2024-06-20' }, calendar).nextReminderOn).toBe('2024-06-20');
    expect(buildTaskRow({ ...base, status: TaskStatus.InProgress }, calendar).nextReminderOn).toBe('2024-05-09');
    expect(buildTaskRow({ ...base, dueDate: null }, calendar).nextReminderOn).toBeNull();
    for (const status of [TaskStatus.Submitted, TaskStatus.Withdrawn, TaskStatus.Deferred])
      expect(buildTaskRow({ ...base, status }, calendar).nextReminderOn).toBeNull();
    expect(buildTaskRow({ ...base, status: TaskStatus.Done, completedAt: '2024-07-01', resultDocument: 'QĐ 1' }, calendar).nextReminderOn).toBeNull();
  });

  it('should make a new, empty task when the writer says nothing more', () => {
    expect(buildTaskRow({ ...base, dueDate: null }, calendar)).toMatchObject({
      status: TaskStatus.New,
      progress: 0,
      effectiveDueDate: null,
      completedAt: null,
      submittedAt: null,
      description: null,
      note: null,
      createdById: null,
    });
  });

  it('should keep completion dates only on done tasks, with progress 100 and the completion date as submission date', () => {
    expect(buildTaskRow({ ...base, status: TaskStatus.Done, progress: 40, completedAt: '2024-07-01' }, calendar)).toMatchObject({
      progress: 100,
      completedAt: '2024-07-01',
      submittedAt: '2024-07-01',
    });
    expect(buildTaskRow({ ...base, status: TaskStatus.InProgress, progress: 40, completedAt: '2024-07-01' }, calendar)).toMatchObject({
      progress: 40,
      completedAt: null,
      submittedAt: null,
    });
    expect(buildTaskRow({ ...base, status: TaskStatus.Submitted, submittedAt: '2024-06-20' }, calendar).submittedAt).toBe('2024-06-20');
  });
});
