import { HttpStatus } from '@nestjs/common';
import { TaskKind, TaskStatus } from './task.enums';
import {
  allowedTargets,
  checkTransition,
  completionProblems,
  CompletionInput,
  dueDateProblem,
  isOpenStatus,
  TASK_STATUS_LABELS,
  TransitionActor,
} from './task-transitions';

const { New, InProgress, Submitted, Done, Withdrawn, Deferred } = TaskStatus;
const ALL = Object.values(TaskStatus);

/** DESIGN.md: the work transitions, open to the lead agency and the office alike. */
const WORK: [TaskStatus, TaskStatus][] = [
  [New, InProgress],
  [New, Submitted],
  [New, Done],
  [InProgress, Submitted],
  [InProgress, Done],
  [Submitted, Done],
  [Submitted, InProgress],
];
/** The office's own, each needing a reason. */
const OFFICE_ONLY: [TaskStatus, TaskStatus][] = [
  [New, Withdrawn],
  [InProgress, Withdrawn],
  [Submitted, Withdrawn],
  [New, Deferred],
  [InProgress, Deferred],
  [Submitted, Deferred],
  [Done, InProgress],
  // Reopening a withdrawn or deferred task (issue #13).
  [Withdrawn, InProgress],
  [Deferred, InProgress],
];
const isIn = (list: [TaskStatus, TaskStatus][], from: TaskStatus, to: TaskStatus) =>
  list.some(([a, b]) => a === from && b === to);

describe(checkTransition.name, () => {
  describe.each<TransitionActor>(['agency', 'office'])('as %s', (actor) => {
    it.each(WORK)('should allow %s → %s without a reason', (from, to) => {
      expect(checkTransition(from, to, { actor })).toEqual({ allowed: true });
    });

    it('should treat staying in the same status as no transition', () => {
      for (const s of ALL) expect(checkTransition(s, s, { actor }).allowed).toBe(true);
    });
  });

  it.each(OFFICE_ONLY)('should allow the office %s → %s with a reason', (from, to) => {
    expect(checkTransition(from, to, { actor: 'office', comment: 'Theo Thông báo số 12/TB-UBND' })).toEqual({
      allowed: true,
    });
  });

  it.each(OFFICE_ONLY)('should require a reason from the office for %s → %s', (from, to) => {
    for (const comment of [undefined, null, '', '   ']) {
      const verdict = checkTransition(from, to, { actor: 'office', comment });
      expect(verdict).toMatchObject({ allowed: false, status: HttpStatus.BAD_REQUEST, field: 'comment' });
    }
  });

  it.each(OFFICE_ONLY)('should refuse the agency %s → %s with 403, even with a reason', (from, to) => {
    const verdict = checkTransition(from, to, { actor: 'agency', comment: 'lý do' });
    expect(verdict).toMatchObject({ allowed: false, status: HttpStatus.FORBIDDEN, field: 'status' });
  });

  it('should point the agency to a request instead of withdrawing or deferring', () => {
    const withdraw = checkTransition(InProgress, Withdrawn, { actor: 'agency' });
    const defer = checkTransition(New, Deferred, { actor: 'agency' });
    expect(withdraw.allowed || withdraw.message).toMatch(/gửi yêu cầu xin rút/);
    expect(defer.allowed || defer.message).toMatch(/xin chuyển sang kỳ sau/);
  });

  it('should refuse every other transition with 400 naming it in Vietnamese', () => {
    let refused = 0;
    for (const from of ALL) {
      for (const to of ALL) {
        if (from === to || isIn(WORK, from, to) || isIn(OFFICE_ONLY, from, to)) continue;
        for (const actor of ['agency', 'office'] as const) {
          const verdict = checkTransition(from, to, { actor, comment: 'lý do' });
          expect(verdict).toEqual({
            allowed: false,
            status: HttpStatus.BAD_REQUEST,
            field: 'status',
            message: `Không thể chuyển trạng thái từ "${TASK_STATUS_LABELS[from]}" sang "${TASK_STATUS_LABELS[to]}"`,
          });
          refused++;
        }
      }
    }
    // 30 ordered pairs of distinct statuses, 16 of them allowed to someone.
    expect(refused).toBe(2 * (30 - WORK.length - OFFICE_ONLY.length));
  });

  it('should name done → new as the design example does', () => {
    const verdict = checkTransition(Done, New, { actor: 'office', comment: 'x' });
    expect(verdict.allowed || verdict.message).toBe('Không thể chuyển trạng thái từ "Đã hoàn thành" sang "Mới giao"');
  });

  it('should leave withdrawn or deferred only when the office reopens it (→ in progress)', () => {
    for (const from of [Withdrawn, Deferred]) {
      for (const to of ALL.filter((s) => s !== from && s !== InProgress)) {
        expect(checkTransition(from, to, { actor: 'office', comment: 'x' }).allowed).toBe(false);
      }
      expect(checkTransition(from, InProgress, { actor: 'office', comment: 'x' }).allowed).toBe(true);
      expect(checkTransition(from, InProgress, { actor: 'agency', comment: 'x' }).allowed).toBe(false);
    }
  });
});

describe(allowedTargets.name, () => {
  it('should list what each actor may choose', () => {
    expect(allowedTargets(New, 'agency').sort()).toEqual([Done, InProgress, Submitted].sort());
    expect(allowedTargets(New, 'office').sort()).toEqual([Deferred, Done, InProgress, Submitted, Withdrawn].sort());
    expect(allowedTargets(Done, 'agency')).toEqual([]);
    expect(allowedTargets(Done, 'office')).toEqual([InProgress]);
    expect(allowedTargets(Withdrawn, 'office')).toEqual([InProgress]);
    expect(allowedTargets(Withdrawn, 'agency')).toEqual([]);
  });
});

describe(isOpenStatus.name, () => {
  it('should call new, in_progress and submitted open', () => {
    expect(ALL.filter(isOpenStatus).sort()).toEqual([InProgress, New, Submitted].sort());
  });
});

describe(completionProblems.name, () => {
  const ok: CompletionInput = {
    kind: TaskKind.Task,
    assignedAt: '2024-01-15',
    completedAt: '2024-06-20',
    resultDocument: null,
    progress: 100,
    today: '2024-07-01',
  };

  it('should accept a task done between assignment and today', () => {
    expect(completionProblems(ok)).toEqual([]);
    expect(completionProblems({ ...ok, completedAt: ok.assignedAt })).toEqual([]);
    expect(completionProblems({ ...ok, completedAt: ok.today })).toEqual([]);
  });

  it('should refuse a completion date in the future', () => {
    expect(completionProblems({ ...ok, completedAt: '2024-07-02' })).toEqual([
      {
        field: 'completedAt',
        message: 'completedAt: ngày hoàn thành (02/07/2024) không được sau ngày hôm nay (01/07/2024)',
      },
    ]);
  });

  it('should refuse a completion date before the assignment', () => {
    expect(completionProblems({ ...ok, completedAt: '2024-01-14' })).toEqual([
      {
        field: 'completedAt',
        message: 'completedAt: ngày hoàn thành (14/01/2024) không được trước ngày giao (15/01/2024)',
      },
    ]);
  });

  it('should require progress 100', () => {
    expect(completionProblems({ ...ok, progress: 90 }).map((p) => p.field)).toEqual(['progress']);
  });

  it('should require the result document of a proposal, not of a task', () => {
    expect(completionProblems({ ...ok, kind: TaskKind.Proposal }).map((p) => p.field)).toEqual(['resultDocument']);
    expect(completionProblems({ ...ok, kind: TaskKind.Proposal, resultDocument: '  ' }).map((p) => p.field)).toEqual([
      'resultDocument',
    ]);
    expect(
      completionProblems({ ...ok, kind: TaskKind.Proposal, resultDocument: 'Quyết định số 12/QĐ-UBND ngày 20/6/2024' }),
    ).toEqual([]);
  });
});

describe(dueDateProblem.name, () => {
  it('should allow a due date on or after the assignment, or none', () => {
    expect(dueDateProblem('2024-03-01', '2024-03-01')).toBeNull();
    expect(dueDateProblem('2024-03-01', '2024-12-31')).toBeNull();
    expect(dueDateProblem('2024-03-01', null)).toBeNull();
  });

  it('should refuse a due date before the assignment', () => {
    expect(dueDateProblem('2024-03-01', '2024-02-29')).toEqual({
      field: 'dueDate',
      message: 'dueDate: thời hạn (29/02/2024) không được trước ngày giao (01/03/2024)',
    });
  });
});
