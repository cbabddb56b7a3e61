import { HttpStatus } from '@nestjs/common';
import { LocalDate, formatVietnameseDate } from 'src/core/time/local-date';
import { TaskKind, TaskStatus } from './task.enums';

/**
 * The task lifecycle (DESIGN.md "Task"): pure rules, no I/O, so they are unit-tested on their own
 * and the service only applies what they allow.
 */

/** Vietnamese names of the statuses, as users read them in messages and pages. */
export const TASK_STATUS_LABELS: Record<TaskStatus, string> = {
  [TaskStatus.New]: 'Mới giao',
  [TaskStatus.InProgress]: 'Đang thực hiện',
  [TaskStatus.Submitted]: 'Đã trình',
  [TaskStatus.Done]: 'Đã hoàn thành',
  [TaskStatus.Withdrawn]: 'Đã rút',
  [TaskStatus.Deferred]: 'Đã chuyển kỳ sau',
};

/** Who moves the task: the lead agency's users, or the office (office and admin). */
export type TransitionActor = 'agency' | 'office';

/** The work itself: the lead agency or the office may make these. */
const WORK_TRANSITIONS: Readonly<Partial<Record<TaskStatus, readonly TaskStatus[]>>> = {
  [TaskStatus.New]: [TaskStatus.InProgress, TaskStatus.Submitted, TaskStatus.Done],
  [TaskStatus.InProgress]: [TaskStatus.Submitted, TaskStatus.Done],
  // submitted → in_progress: returned for more work.
  [TaskStatus.Submitted]: [TaskStatus.Done, TaskStatus.InProgress],
};

const OPEN: readonly TaskStatus[] = [TaskStatus.New, TaskStatus.InProgress, TaskStatus.Submitted];
/** Set directly by the office, with a reason, from any open status. */
const OFFICE_CLOSINGS: readonly TaskStatus[] = [TaskStatus.Withdrawn, TaskStatus.Deferred];
/** Closed statuses the office may reopen (→ in_progress), with a reason. */
const REOPENABLE: readonly TaskStatus[] = [TaskStatus.Done, TaskStatus.Withdrawn, TaskStatus.Deferred];

/** A done, withdrawn or deferred task put back to work. */
export function isReopening(from: TaskStatus, to: TaskStatus): boolean {
  return REOPENABLE.includes(from) && isOpenStatus(to);
}

export type TransitionVerdict =
  | { allowed: true }
  | { allowed: false; status: HttpStatus.BAD_REQUEST | HttpStatus.FORBIDDEN; field: string; message: string };

export function isOpenStatus(status: TaskStatus): boolean {
  return OPEN.includes(status);
}

export function transitionLabel(from: TaskStatus, to: TaskStatus): string {
  return `từ "${TASK_STATUS_LABELS[from]}" sang "${TASK_STATUS_LABELS[to]}"`;
}

/**
 * May `actor` move a task from `from` to `to`? A reason (`comment`) is required to withdraw,
 * defer or reopen. Refusals name the transition in Vietnamese: 400 for a transition that does not
 * exist, 403 for one reserved to the office, 400 (field `comment`) for a missing reason.
 */
export function checkTransition(
  from: TaskStatus,
  to: TaskStatus,
  ctx: { actor: TransitionActor; comment?: string | null },
): TransitionVerdict {
  if (from === to) return { allowed: true };
  const hasReason = typeof ctx.comment === 'string' && ctx.comment.trim().length > 0;
  const officeOnly =
    (isOpenStatus(from) && OFFICE_CLOSINGS.includes(to)) || (REOPENABLE.includes(from) && to === TaskStatus.InProgress);
  if (WORK_TRANSITIONS[from]?.includes(to)) return { allowed: true };
  if (!officeOnly) {
    return {
      allowed: false,
      status: HttpStatus.BAD_REQUEST,
      field: 'status',
      message: `Không thể chuyển trạng thái ${transitionLabel(from, to)}`,
    };
  }
  if (ctx.actor !== 'office') {
    const hint =
      to === TaskStatus.Withdrawn
        ? '; hãy gửi yêu cầu xin rút'
        : to === TaskStatus.Deferred
          ? '; hãy gửi yêu cầu xin chuyển sang kỳ sau'
          : '';
    return {
      allowed: false,
      status: HttpStatus.FORBIDDEN,
      field: 'status',
      message: `Chỉ Văn phòng UBND tỉnh mới được chuyển trạng thái ${transitionLabel(from, to)}${hint}`,
    };
  }
  if (!hasReason) {
    return {
      allowed: false,
      status: HttpStatus.BAD_REQUEST,
      field: 'comment',
      message: `Cần nêu lý do khi chuyển trạng thái ${transitionLabel(from, to)}`,
    };
  }
  return { allowed: true };
}

/** Statuses `actor` may move a task in `from` to (for pages that offer the choices). */
export function allowedTargets(from: TaskStatus, actor: TransitionActor): TaskStatus[] {
  return Object.values(TaskStatus).filter(
    (to) => to !== from && checkTransition(from, to, { actor, comment: 'x' }).allowed,
  );
}

export interface CompletionInput {
  kind: TaskKind;
  assignedAt: LocalDate;
  completedAt: LocalDate;
  resultDocument: string | null;
  progress: number;
  today: LocalDate;
}

export interface FieldProblem {
  field: string;
  message: string;
}

/**
 * What a done task must satisfy: completed neither in the future nor before it was assigned,
 * progress 100, and for a proposal the result document (số, ký hiệu, ngày ban hành).
 */
export function completionProblems(c: CompletionInput): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (c.completedAt > c.today) {
    problems.push({
      field: 'completedAt',
      message: `completedAt: ngày hoàn thành (${formatVietnameseDate(c.completedAt)}) không được sau ngày hôm nay (${formatVietnameseDate(c.today)})`,
    });
  }
  if (c.completedAt < c.assignedAt) {
    problems.push({
      field: 'completedAt',
      message: `completedAt: ngày hoàn thành (${formatVietnameseDate(c.completedAt)}) không được trước ngày giao (${formatVietnameseDate(c.assignedAt)})`,
    });
  }
  if (c.progress !== 100) {
    problems.push({ field: 'progress', message: 'progress: nhiệm vụ đã hoàn thành phải có tiến độ 100' });
  }
  if (c.kind === TaskKind.Proposal && !(c.resultDocument ?? '').trim()) {
    problems.push({
      field: 'resultDocument',
      message: 'resultDocument: đề án đã hoàn thành phải có văn bản kết quả (số, ký hiệu, ngày ban hành)',
    });
  }
  return problems;
}

/** A due date may not come before the day the task was given. */
export function dueDateProblem(assignedAt: LocalDate, dueDate: LocalDate | null): FieldProblem | null {
  if (dueDate !== null && dueDate < assignedAt) {
    return { field: 'dueDate', message: `dueDate: thời hạn (${formatVietnameseDate(dueDate)}) không được trước ngày giao (${formatVietnameseDate(assignedAt)})` };
  }
  return null;
}
