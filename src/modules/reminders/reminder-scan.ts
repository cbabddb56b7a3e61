import { LocalDate } from 'src/core/time/local-date';
import { ReminderPolicy } from 'src/modules/programs/program.entity';
import { duePoint, ReminderPoint } from './reminder-points';

/** What the scan reads of a task (one SQL query; see RemindersService.loadCandidates). */
export interface ScanTaskRow {
  id: number;
  code: string | null;
  title: string;
  leadAgencyId: number;
  programId: number | null;
  assignedAt: LocalDate;
  effectiveDueDate: LocalDate;
  sourceDocument: string | null;
  leaderInCharge: string | null;
}

export interface PlannedReminder {
  task: ScanTaskRow;
  point: ReminderPoint;
}

/** The points one lead agency reached in one scan: one digest. */
export interface AgencyPlan {
  agencyId: number;
  reminders: PlannedReminder[];
  /** Every overdue task of the agency in this scan's scope (the draft công văn lists them all). */
  overdue: ScanTaskRow[];
}

export interface PlanInput {
  asOf: LocalDate;
  tasks: readonly ScanTaskRow[];
  /** The highest offset already recorded per task for its current effective due date. */
  recorded: ReadonlyMap<number, number>;
  /** The policy of a task, or null when the task is outside this run (send time not reached, day off, disabled). */
  policyFor: (task: ScanTaskRow) => ReminderPolicy | null;
}

/** Pure: which point each task sends as of `asOf`, grouped by lead agency (ordered by agency id). */
export function planScan(input: PlanInput): AgencyPlan[] {
  const byAgency = new Map<number, AgencyPlan>();
  const plan = (agencyId: number) => {
    let p = byAgency.get(agencyId);
    if (!p) byAgency.set(agencyId, (p = { agencyId, reminders: [], overdue: [] }));
    return p;
  };
  for (const task of input.tasks) {
    const policy = input.policyFor(task);
    if (!policy?.enabled) continue;
    const point = duePoint(policy, task, input.asOf, input.recorded.get(task.id) ?? null);
    if (point) plan(task.leadAgencyId).reminders.push({ task, point });
  }
  // The letter lists all the agency's overdue tasks, not only those reaching a point today.
  for (const task of input.tasks) {
    const p = byAgency.get(task.leadAgencyId);
    if (p && task.effectiveDueDate < input.asOf && input.policyFor(task)?.enabled) p.overdue.push(task);
  }
  return [...byAgency.values()].filter((p) => p.reminders.length > 0).sort((a, b) => a.agencyId - b.agencyId);
}

/**
 * Which policies a scan applies. A run of the job scheduler at local time `time` (HH:mm) applies a
 * policy once its send time has come, and a workingDaysOnly policy on working days only; null is a
 * manual scan (API, CLI, a scan job given its day), which applies every enabled policy.
 */
export type ScanScope = { time: string; workingDay: boolean } | null;

export function appliesInScope(policy: ReminderPolicy, scope: ScanScope): boolean {
  return policy.enabled && (!scope || ((!policy.workingDaysOnly || scope.workingDay) && policy.sendTime <= scope.time));
}

/**
 * The scan time a digest job judges its batch by (reminder_log.scanTime of its points): null when any
 * point came from a manual scan (every policy), else the latest — a batch that waited for its digest
 * while a later scheduled scan of the day added points is as wide as that later scan.
 */
export function batchScanTime(times: readonly (string | null)[]): string | null {
  let latest = '';
  for (const t of times) {
    if (t === null) return null;
    if (t > latest) latest = t;
  }
  return times.length ? latest : null;
}
