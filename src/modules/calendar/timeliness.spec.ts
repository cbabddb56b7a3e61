import { loadHolidayCalendar } from 'src/modules/calendar/holidays.config';
import {
  TimelinessInput,
  daysLeft,
  daysOverdue,
  isCompletedAsOf,
  isOpenAsOf,
  judgeTimeliness,
} from 'src/modules/calendar/timeliness';
import { WorkingCalendar } from 'src/modules/calendar/working-calendar';
import { TaskStatus, Timeliness } from 'src/modules/tasks/task.enums';

const makeTask = (overrides: Partial<TimelinessInput> = {}): TimelinessInput => ({
  status: TaskStatus.InProgress,
  effectiveDueDate: '2024-06-28',
  completedAt: null,
  ...overrides,
});

const done = (completedAt: string, effectiveDueDate: string | null = '2024-06-28') =>
  makeTask({ status: TaskStatus.Done, completedAt, effectiveDueDate });

describe(judgeTimeliness.name, () => {
  describe('a task done by the day judged', () => {
    it('should be on time when done on the effective due date', () => {
      expect(judgeTimeliness(done('2024-06-28'), '2024-06-30')).toBe(Timeliness.OnTime);
    });

    it('should be on time when done before the due date', () => {
      expect(judgeTimeliness(done('2024-01-02'), '2024-06-30')).toBe(Timeliness.OnTime);
    });

    it('should be late when done the day after the due date', () => {
      expect(judgeTimeliness(done('2024-06-29'), '2024-06-30')).toBe(Timeliness.Late);
    });

    it('should be on time when done on the day judged itself', () => {
      expect(judgeTimeliness(done('2024-06-28'), '2024-06-28')).toBe(Timeliness.OnTime);
    });

    it('should be on time without a due date', () => {
      expect(judgeTimeliness(done('2024-06-29', null), '2024-06-30')).toBe(Timeliness.OnTime);
    });

    it('should be on time when due on a Saturday and done the following Monday', () => {
      const calendar = new WorkingCalendar(loadHolidayCalendar().days);
      const effectiveDueDate = calendar.effectiveDueDate('2024-06-29'); // Saturday
      expect(effectiveDueDate).toBe('2024-07-01');
      expect(judgeTimeliness(done('2024-07-01', effectiveDueDate), '2024-07-15')).toBe(Timeliness.OnTime);
      expect(judgeTimeliness(done('2024-07-02', effectiveDueDate), '2024-07-15')).toBe(Timeliness.Late);
    });

    it('should be on time when due during Tết and done on the first working day after it', () => {
      const calendar = new WorkingCalendar(loadHolidayCalendar().days);
      const effectiveDueDate = calendar.effectiveDueDate('2024-02-10');
      expect(judgeTimeliness(done('2024-02-15', effectiveDueDate), '2024-03-14')).toBe(Timeliness.OnTime);
    });
  });

  describe('a task not done by the day judged', () => {
    it('should be in time more than the due-soon window before the deadline', () => {
      expect(judgeTimeliness(makeTask(), '2024-06-20')).toBe(Timeliness.InTime);
    });

    it('should be due soon from 7 days before the deadline through the deadline itself', () => {
      expect(judgeTimeliness(makeTask(), '2024-06-21')).toBe(Timeliness.DueSoon);
      expect(judgeTimeliness(makeTask(), '2024-06-28')).toBe(Timeliness.DueSoon);
    });

    it('should be overdue the day after the effective due date', () => {
      expect(judgeTimeliness(makeTask(), '2024-06-29')).toBe(Timeliness.Overdue);
    });

    it('should use the given due-soon window', () => {
      expect(judgeTimeliness(makeTask(), '2024-06-25', 3)).toBe(Timeliness.DueSoon);
      expect(judgeTimeliness(makeTask(), '2024-06-24', 3)).toBe(Timeliness.InTime);
      expect(judgeTimeliness(makeTask(), '2024-06-28', 0)).toBe(Timeliness.DueSoon);
      expect(judgeTimeliness(makeTask(), '2024-06-27', 0)).toBe(Timeliness.InTime);
    });

    it('should judge a task done after the day judged as still open then', () => {
      expect(judgeTimeliness(done('2024-07-05'), '2024-06-30')).toBe(Timeliness.Overdue);
      expect(judgeTimeliness(done('2024-07-05'), '2024-06-10')).toBe(Timeliness.InTime);
    });

    it('should treat submitted and new tasks as open', () => {
      expect(judgeTimeliness(makeTask({ status: TaskStatus.Submitted }), '2024-07-01')).toBe(Timeliness.Overdue);
      expect(judgeTimeliness(makeTask({ status: TaskStatus.New }), '2024-06-01')).toBe(Timeliness.InTime);
    });

    it('should never be overdue without a due date', () => {
      expect(judgeTimeliness(makeTask({ effectiveDueDate: null }), '2030-01-01')).toBe(Timeliness.None);
    });

    it('should treat a done task without a completion date as not completed', () => {
      expect(judgeTimeliness(makeTask({ status: TaskStatus.Done }), '2024-07-01')).toBe(Timeliness.Overdue);
    });
  });

  it('should leave withdrawn and deferred tasks outside the counts', () => {
    for (const status of [TaskStatus.Withdrawn, TaskStatus.Deferred]) {
      expect(judgeTimeliness(makeTask({ status }), '2024-07-30')).toBe(Timeliness.None);
      expect(judgeTimeliness(makeTask({ status, completedAt: '2024-06-01' }), '2024-07-30')).toBe(Timeliness.None);
    }
  });
});

describe(isOpenAsOf.name, () => {
  it('should count a task open until the day it is done', () => {
    const task = done('2024-06-20');
    expect(isOpenAsOf(task, '2024-06-19')).toBe(true);
    expect(isOpenAsOf(task, '2024-06-20')).toBe(false);
    expect(isCompletedAsOf(task, '2024-06-20')).toBe(true);
  });

  it('should count new, in-progress and submitted tasks as open', () => {
    for (const status of [TaskStatus.New, TaskStatus.InProgress, TaskStatus.Submitted]) {
      expect(isOpenAsOf(makeTask({ status }), '2024-06-30')).toBe(true);
    }
  });

  it('should not count withdrawn or deferred tasks as open', () => {
    expect(isOpenAsOf(makeTask({ status: TaskStatus.Withdrawn }), '2024-06-30')).toBe(false);
    expect(isOpenAsOf(makeTask({ status: TaskStatus.Deferred }), '2024-06-30')).toBe(false);
  });
});

describe(daysOverdue.name, () => {
  it('should count days past the effective due date', () => {
    expect(daysOverdue('2024-06-28', '2024-07-05')).toBe(7);
    expect(daysOverdue('2024-06-28', '2024-06-29')).toBe(1);
  });

  it('should be 0 on or before the due date and without one', () => {
    expect(daysOverdue('2024-06-28', '2024-06-28')).toBe(0);
    expect(daysOverdue('2024-06-28', '2024-06-01')).toBe(0);
    expect(daysOverdue(null, '2024-06-01')).toBe(0);
  });
});

describe(daysLeft.name, () => {
  it('should count days until the effective due date', () => {
    expect(daysLeft('2024-06-28', '2024-06-21')).toBe(7);
    expect(daysLeft('2024-06-28', '2024-06-28')).toBe(0);
  });

  it('should be 0 once overdue and null without a due date', () => {
    expect(daysLeft('2024-06-28', '2024-07-01')).toBe(0);
    expect(daysLeft(null, '2024-07-01')).toBeNull();
  });
});
