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
