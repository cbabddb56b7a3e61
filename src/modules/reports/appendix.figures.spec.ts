import { overdueList, overdueNote, programItemFigures, rate, taskCounts, sumCounts } from './appendix.figures';

describe(rate.name, () => {
  it('should round to three decimals (one decimal of a percentage)', () => {
    expect(rate(37, 42)).toBe(0.881);
    expect(rate(42, 46)).toBe(0.913);
    expect(rate(2, 3)).toBe(0.667);
    expect(rate(42, 42)).toBe(1);
    expect(rate(0, 5)).toBe(0);
  });

  it('should be null when there is nothing to divide by', () => {
    expect(rate(0, 0)).toBeNull();
  });
});

describe(programItemFigures.name, () => {
  it('should derive (4) = (1) + (2) − (3), (7) = (4) − (5) and (8) = (5) / (4)', () => {
    expect(programItemFigures({ initial: 40, added: 3, withdrawnOrDeferred: 1, submitted: 37, issued: 33 })).toEqual({
      initial: 40,
      added: 3,
      withdrawnOrDeferred: 1,
      total: 42,
      submitted: 37,
      issued: 33,
      notSubmitted: 5,
      submittedRate: 0.881,
    });
  });

  it('should give a null rate for a period without proposals', () => {
    expect(programItemFigures({ initial: 0, added: 0, withdrawnOrDeferred: 0, submitted: 0, issued: 0 })).toMatchObject({ total: 0, notSubmitted: 0, submittedRate: null });
  });

  it('should count a period whose every proposal was withdrawn as total 0', () => {
    expect(programItemFigures({ initial: 2, added: 0, withdrawnOrDeferred: 2, submitted: 0, issued: 0 })).toMatchObject({ total: 0, submittedRate: null });
  });
});

describe(taskCounts.name, () => {
  it('should derive D = B − C, E = A − B, F = E − G and the rates B / A and B / (B + G)', () => {
    expect(taskCounts({ total: 12, done: 7, doneOnTime: 6, openOverdue: 2 })).toEqual({
      total: 12,
      done: 7,
      doneOnTime: 6,
      doneLate: 1,
      open: 5,
      openInTime: 3,
      openOverdue: 2,
      doneRate: 0.583,
      completionRate: 0.778,
    });
  });

  it('should reproduce the seed report: 46 given, 42 done on time, 4 open in time → 91,3% of given, 100% of come due', () => {
    expect(taskCounts({ total: 46, done: 42, doneOnTime: 42, openOverdue: 0 })).toMatchObject({
      doneLate: 0,
      open: 4,
      openInTime: 4,
      doneRate: 0.913,
      completionRate: 1,
    });
  });

  it('should not count in-time open tasks against the rate', () => {
    expect(taskCounts({ total: 3, done: 1, doneOnTime: 1, openOverdue: 0 }).completionRate).toBe(1);
    expect(taskCounts({ total: 3, done: 0, doneOnTime: 0, openOverdue: 0 }).completionRate).toBeNull();
    expect(taskCounts({ total: 3, done: 0, doneOnTime: 0, openOverdue: 1 }).completionRate).toBe(0);
  });

  it('should leave the done rate empty when nothing was given', () => {
    expect(taskCounts({ total: 0, done: 0, doneOnTime: 0, openOverdue: 0 }).doneRate).toBeNull();
  });
});

describe(sumCounts.name, () => {
  it('should add the rows field by field', () => {
    const zero = { initial: 0, added: 0, withdrawnOrDeferred: 0, submitted: 0, issued: 0 };
    const rows = [
      { initial: 30, added: 2, withdrawnOrDeferred: 1, submitted: 28, issued: 25 },
      { initial: 10, added: 1, withdrawnOrDeferred: 0, submitted: 9, issued: 8 },
    ];
    expect(sumCounts(rows, zero)).toEqual({ initial: 40, added: 3, withdrawnOrDeferred: 1, submitted: 37, issued: 33 });
    expect(sumCounts([], zero)).toEqual(zero);
  });
});

describe(overdueList.name, () => {
  const row = (taskId: number, effectiveDueDate: string, agencyName: string) => ({
    taskId,
    code: null,
    sourceDocument: null,
    title: `Nhiệm vụ ${taskId}`,
    dueDate: effectiveDueDate,
    effectiveDueDate,
    agencyName,
  });

  it('should order by due date, then agency in Vietnamese order, then id, and number from 1', () => {
    const list = overdueList(
      [row(5, '2024-06-10', 'Sở Y tế'), row(3, '2024-06-03', 'UBND huyện Bù Đăng'), row(4, '2024-06-10', 'Sở Tài chính'), row(2, '2024-06-10', 'Sở Tài chính'), row(1, '2024-06-10', 'Ban Quản lý Khu kinh tế')],
      '2024-06-20',
    );
    expect(list.map((o) => [o.no, o.taskId])).toEqual([
      [1, 3],
      [2, 1],
      [3, 2],
      [4, 4],
      [5, 5],
    ]);
  });

  it('should count the days overdue as of asOf and write the note', () => {
    const [o] = overdueList([row(1, '2024-06-03', 'Sở Tài chính')], '2024-06-20');
    expect(o).toMatchObject({ daysOverdue: 17, note: 'quá hạn 17 ngày' });
    expect(overdueNote(1)).toBe('quá hạn 1 ngày');
  });
});
