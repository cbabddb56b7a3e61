import { TaskStatus, Timeliness } from 'src/modules/tasks/task.enums';
import { LocalDate, diffDays } from 'src/core/time/local-date';

/** What judging a task needs; `effectiveDueDate` is the due date after WorkingCalendar.effectiveDueDate. */
export interface TimelinessInput {
  status: TaskStatus;
  effectiveDueDate: LocalDate | null;
  completedAt: LocalDate | null;
}

export const DEFAULT_DUE_SOON_DAYS = 7;

/**
 * Still in the agency's hands: new or in progress. A submitted task is with the leaders (its
 * document awaits signature), done, withdrawn and deferred ones are finished or out of the counts.
 * What reminders chase and the weekly overdue summary lists (inAgencyHandsSql is the same in SQL).
 */
export const IN_AGENCY_HANDS: readonly TaskStatus[] = [TaskStatus.New, TaskStatus.InProgress];

export function isInAgencyHands(status: TaskStatus): boolean {
  return IN_AGENCY_HANDS.includes(status);
}

function isExcluded(status: TaskStatus): boolean {
  return status === TaskStatus.Withdrawn || status === TaskStatus.Deferred;
}

/**
 * Done on or before `asOf`. A done task without a completion date cannot be placed in time, so it
 * is not counted as completed by any day.
 */
export function isCompletedAsOf(task: TimelinessInput, asOf: LocalDate): boolean {
  return task.status === TaskStatus.Done && task.completedAt !== null && task.completedAt <= asOf;
}

/** Counted as open (chưa hoàn thành) as of `asOf`: not withdrawn or deferred, and not yet done then. */
export function isOpenAsOf(task: TimelinessInput, asOf: LocalDate): boolean {
  return !isExcluded(task.status) && !isCompletedAsOf(task, asOf);
}

/**
 * How a task stands as of `asOf` (DESIGN.md "Time rules"): done by then → on time / late against
 * the effective due date; still open then → overdue, due soon (0…dueSoonDays days left) or in time;
 * no due date or withdrawn/deferred → None.
 */
export function judgeTimeliness(
  task: TimelinessInput,
  asOf: LocalDate,
  dueSoonDays: number = DEFAULT_DUE_SOON_DAYS,
): Timeliness {
  if (isExcluded(task.status)) return Timeliness.None;
  const due = task.effectiveDueDate;
  if (isCompletedAsOf(task, asOf)) {
    return due === null || task.completedAt! <= due ? Timeliness.OnTime : Timeliness.Late;
  }
  if (due === null) return Timeliness.None;
  const left = diffDays(asOf, due);
  if (left < 0) return Timeliness.Overdue;
  return left <= dueSoonDays ? Timeliness.DueSoon : Timeliness.InTime;
}

/** Whole days past the effective due date as of `asOf`; 0 when not overdue or without a due date. */
export function daysOverdue(effectiveDueDate: LocalDate | null, asOf: LocalDate): number {
  return effectiveDueDate === null ? 0 : Math.max(0, diffDays(effectiveDueDate, asOf));
}

/** Whole days from `asOf` to the effective due date (0 on the day and after it); null without a due date. */
export function daysLeft(effectiveDueDate: LocalDate | null, asOf: LocalDate): number | null {
  return effectiveDueDate === null ? null : Math.max(0, diffDays(asOf, effectiveDueDate));
}
