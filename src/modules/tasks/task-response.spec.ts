import { Task } from './task.entity';
import { TaskKind, TaskOrigin, TaskStatus, Timeliness } from './task.enums';
import { toTaskResponse } from './dto/task-response.dto';
import { historyValue } from './task-history.service';

const makeTask = (overrides: Partial<Task> = {}): Task =>
  ({
    id: 1,
    programId: null,
    code: 'A.1',
    title: 'Báo cáo tình hình kinh tế - xã hội',
    description: null,
    kind: TaskKind.Task,
    sourceDocument: null,
    outputForm: null,
    submitTo: null,
    leaderInCharge: null,
    leadAgencyId: 3,
    leadAgency: { id: 3, code: 'STC', name: 'Sở Tài chính' },
    coordinatingAgencies: [
      { id: 9, code: 'SYT', name: 'Sở Y tế' },
      { id: 5, code: 'SXD', name: 'Sở Xây dựng' },
    ],
    assignedAt: '2024-01-15',
    dueDate: '2024-06-29',
    effectiveDueDate: '2024-07-01',
    dueText: null,
    origin: TaskOrigin.Initial,
    status: TaskStatus.InProgress,
    progress: 40,
    completedAt: null,
    resultDocument: null,
    note: null,
    searchText: 'secret',
    createdById: 1,
    version: 2,
    createdAt: new Date('2024-01-15T02:00:00Z'),
    updatedAt: new Date('2024-02-01T02:00:00Z'),
    ...overrides,
  }) as Task;

describe(toTaskResponse.name, () => {
  it('should judge an open task overdue with the days past the effective due date', () => {
    const sut = toTaskResponse(makeTask(), '2024-07-11');
    expect(sut).toMatchObject({ timeliness: Timeliness.Overdue, daysOverdue: 10, effectiveDueDate: '2024-07-01' });
  });

  it('should judge a task done the day after its effective due date late by one day', () => {
    const sut = toTaskResponse(
      makeTask({ status: TaskStatus.Done, completedAt: '2024-07-02', progress: 100 }),
      '2024-07-31',
    );
    expect(sut).toMatchObject({ timeliness: Timeliness.Late, daysOverdue: 1 });
  });

  it('should give no daysOverdue to a task on time, in time or due soon', () => {
    expect(
      toTaskResponse(makeTask({ status: TaskStatus.Done, completedAt: '2024-07-01' }), '2024-07-31'),
    ).toMatchObject({
      timeliness: Timeliness.OnTime,
      daysOverdue: null,
    });
    expect(toTaskResponse(makeTask(), '2024-06-24')).toMatchObject({
      timeliness: Timeliness.DueSoon,
      daysOverdue: null,
    });
    expect(toTaskResponse(makeTask(), '2024-06-23')).toMatchObject({
      timeliness: Timeliness.InTime,
      daysOverdue: null,
    });
  });

  it('should not leak internal columns and should sort the coordinating agencies by code', () => {
    const sut = toTaskResponse(makeTask(), '2024-06-01');
    expect(sut).not.toHaveProperty('searchText');
    expect(sut).not.toHaveProperty('createdById');
    expect(sut.coordinatingAgencies.map((a) => a.code)).toEqual(['SXD', 'SYT']);
    expect(sut.createdAt).toBe('2024-01-15T02:00:00.000Z');
  });
});

describe(historyValue.name, () => {
  it('should keep values as text', () => {
    expect(historyValue(null)).toBeNull();
    expect(historyValue(undefined)).toBeNull();
    expect(historyValue('2024-06-30')).toBe('2024-06-30');
    expect(historyValue(60)).toBe('60');
    expect(historyValue([3, 5, 8])).toBe('3,5,8');
    expect(historyValue([])).toBe('');
  });
});
