import { addDays, diffDays, LocalDate } from 'src/core/time/local-date';
import { ReminderPolicy } from 'src/modules/programs/program.entity';
import { isInAgencyHands } from 'src/modules/calendar/timeliness';
import { TaskStatus } from 'src/modules/tasks/task.enums';

/**
 * The reminder points of a task (DESIGN.md "Reminders"), as offsets in days from its effective due
 * date: −7, −3, −1 before (policy.beforeDays), 0 on the day (policy.onDueDate), then every
 * policy.overdueEveryDays days after it while the task is open (7, 14, 21 …). Pure: no clock, no I/O.
 */
export type PointKind = 'before' | 'due' | 'overdue';

export interface ReminderPoint {
  /** Days from the effective due date: negative before it, 0 on it, positive after it. */
  offsetDays: number;
  /** The day the point falls on. */
  date: LocalDate;
  kind: PointKind;
  /** From policy.escalateAfterDays overdue: copy the leader and the office, draft a công văn. */
  escalate: boolean;
}

export interface PointTask {
  effectiveDueDate: LocalDate;
  assignedAt: LocalDate;
}

export function pointKind(offsetDays: number): PointKind {
  return offsetDays < 0 ? 'before' : offsetDays === 0 ? 'due' : 'overdue';
}

/**
 * The latest point reached when `elapsed` days have passed since the due date (elapsed = asOf − due;
 * negative before it), or null when none has been reached yet.
 */
export function latestReachedOffset(policy: ReminderPolicy, elapsed: number): number | null {
  let best: number | null = null;
  for (const days of policy.beforeDays) {
    const offset = -days;
    if (offset <= elapsed && (best === null || offset > best)) best = offset;
  }
  if (policy.onDueDate && elapsed >= 0 && (best === null || best < 0)) best = 0;
  const every = policy.overdueEveryDays;
  if (every > 0 && elapsed >= every) best = Math.floor(elapsed / every) * every;
  return best;
}

/** Every point of the series up to `elapsed` days after the due date, in order (for documentation and tests). */
export function seriesOffsets(policy: ReminderPolicy, upToElapsed: number): number[] {
  const out = new Set<number>();
  for (const d of policy.beforeDays) if (-d <= upToElapsed) out.add(-d);
  if (policy.onDueDate && upToElapsed >= 0) out.add(0);
  if (policy.overdueEveryDays > 0)
    for (let o = policy.overdueEveryDays; o <= upToElapsed; o += policy.overdueEveryDays) out.add(o);
  return [...out].sort((a, b) => a - b);
}

/**
 * The point to send for `task` as of `asOf`, or null. Of the points reached and not yet recorded
 * only the latest goes out: a point at or before one already recorded for this effective due date
 * (`maxRecordedOffset`) is dominated and never sent, so a first scan, or one after days of
 * downtime, sends one reminder per task. A point falling before the task's assignedAt never goes out.
 * A new effective due date (an extension) starts a new series: the caller passes the maximum
 * recorded for that date only.
 */
export function duePoint(
  policy: ReminderPolicy,
  task: PointTask,
  asOf: LocalDate,
  maxRecordedOffset: number | null,
): ReminderPoint | null {
  if (!policy.enabled) return null;
  const elapsed = diffDays(task.effectiveDueDate, asOf);
  const offset = latestReachedOffset(policy, elapsed);
  if (offset === null) return null;
  if (maxRecordedOffset !== null && offset <= maxRecordedOffset) return null;
  const point = pointAt(policy, task.effectiveDueDate, offset);
  return point.date < task.assignedAt ? null : point;
}

/** The point `offset` days from `effectiveDueDate` under `policy` (a digest job rebuilds the scan's points with it). */
export function pointAt(policy: ReminderPolicy, effectiveDueDate: LocalDate, offset: number): ReminderPoint {
  return {
    offsetDays: offset,
    date: addDays(effectiveDueDate, offset),
    kind: pointKind(offset),
    escalate: offset > 0 && offset >= policy.escalateAfterDays,
  };
}

/** Wording of where a task stands as of `asOf` (digest tables): "còn N ngày", "đến hạn hôm nay", "quá hạn N ngày". */
export function standingText(effectiveDueDate: LocalDate, asOf: LocalDate): string {
  const left = diffDays(asOf, effectiveDueDate);
  if (left > 0) return `còn ${left} ngày`;
  if (left === 0) return 'đến hạn hôm nay';
  return `quá hạn ${-left} ngày`;
}

/**
 * The first day on which duePoint would return a point for `task`, given the highest offset already
 * recorded for its effective due date (null: none), or null when no point of the series can ever go
 * out. It is the first series offset after `maxRecordedOffset` whose day is not before assignedAt:
 * duePoint sends the latest point reached, which is non-null exactly from that day on (reminder-points.spec.ts
 * checks the two against each other on generated tasks). The scan stores it in task_reminder_days.
 */
export function nextPointOn(
  policy: ReminderPolicy,
  task: PointTask,
  maxRecordedOffset: number | null,
): LocalDate | null {
  if (!policy.enabled) return null;
  // The smallest offset that may still go out: after the recorded one, on or after assignedAt.
  const lo = Math.max(maxRecordedOffset === null ? -Infinity : maxRecordedOffset + 1, diffDays(task.effectiveDueDate, task.assignedAt));
  const fixed = [...policy.beforeDays.map((d) => -d), ...(policy.onDueDate ? [0] : [])].filter((o) => o >= lo);
  let best = fixed.length ? Math.min(...fixed) : null;
  const every = policy.overdueEveryDays;
  if (best === null && every > 0) best = Math.max(1, Math.ceil(lo / every)) * every;
  return best === null ? null : addDays(task.effectiveDueDate, best);
}

/**
 * The most days before its due date that any policy can remind a task (ReminderPolicyDto's bound):
 * what makes reminderFloor a lower bound whatever the policy.
 */
export const MAX_REMINDER_LEAD_DAYS = 60;

export interface FloorTask {
  status: TaskStatus;
  effectiveDueDate: LocalDate | null;
  assignedAt: LocalDate;
}

/**
 * The day task_reminder_days holds as its triggers set it (new rows, and changes of due date, status,
 * assignment day or program): a day on or before the task's first possible reminder point under any
 * policy — the later of assignedAt and the due date minus MAX_REMINDER_LEAD_DAYS — or null when the
 * task is not in the agency's hands or has no due date. Policy-free on purpose: the writers need no
 * policy, and the scan, which reads every task whose day has come, replaces it with the exact next
 * point (nextPointOn) once it has judged the task. Its SQL spelling: reminderFloorSql (tasks/task-reminder-days.ts).
 */
export function reminderFloor(task: FloorTask): LocalDate | null {
  if (!isInAgencyHands(task.status) || task.effectiveDueDate === null) return null;
  const floor = addDays(task.effectiveDueDate, -MAX_REMINDER_LEAD_DAYS);
  return floor > task.assignedAt ? floor : task.assignedAt;
}
