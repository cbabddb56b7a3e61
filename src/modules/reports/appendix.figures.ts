import type { OverdueTaskRow } from 'src/modules/tasks/queries/task-figures.query';
import { LocalDate, diffDays } from 'src/core/time/local-date';
import { OverdueTask, ProgramItemFigures, TaskCounts } from './appendix.types';

/**
 * The formulas of the appendix tables, apart from the SQL that counts: the queries return the
 * independent counts, these functions derive the rest. Pure and unit-tested.
 */

/** num / den as a fraction rounded to three decimals (one decimal of a percentage); null when den is 0. */
export function rate(num: number, den: number): number | null {
  if (!den) return null;
  return Math.round((num / den) * 1000) / 1000;
}

/** The counts Phụ lục I queries: columns (1), (2), (3), (5), (6). */
export interface ProgramItemCounts {
  initial: number;
  added: number;
  withdrawnOrDeferred: number;
  submitted: number;
  issued: number;
}

/** Adds counts of the same shape (the total row of a per-agency table). */
export function sumCounts<T extends object>(rows: T[], zero: T): T {
  return rows.reduce((acc, r) => {
    const next = { ...acc } as Record<string, number>;
    for (const k of Object.keys(zero)) next[k] += (r as Record<string, number>)[k];
    return next as T;
  }, zero);
}

/** (4) = (1) + (2) − (3); (7) = (4) − (5); (8) = (5) / (4). */
export function programItemFigures(c: ProgramItemCounts): ProgramItemFigures {
  const total = c.initial + c.added - c.withdrawnOrDeferred;
  return {
    initial: c.initial,
    added: c.added,
    withdrawnOrDeferred: c.withdrawnOrDeferred,
    total,
    submitted: c.submitted,
    issued: c.issued,
    notSubmitted: total - c.submitted,
    submittedRate: rate(c.submitted, total),
  };
}

/** The counts Phụ lục II queries per group: A, B, C and G. */
export interface TaskRawCounts {
  total: number;
  done: number;
  doneOnTime: number;
  openOverdue: number;
}

/**
 * D = B − C; E = A − B; F = E − G; two rates: done rate = B / A (done over all given, as the
 * provincial reports print it) and completion rate = B / (B + G) (the national reports' formula).
 */
export function taskCounts(c: TaskRawCounts): TaskCounts {
  const open = c.total - c.done;
  return {
    total: c.total,
    done: c.done,
    doneOnTime: c.doneOnTime,
    doneLate: c.done - c.doneOnTime,
    open,
    openInTime: open - c.openOverdue,
    openOverdue: c.openOverdue,
    doneRate: rate(c.done, c.total),
    completionRate: rate(c.done, c.done + c.openOverdue),
  };
}

/** Ghi chú of Phụ lục III. */
export function overdueNote(days: number): string {
  return `quá hạn ${days} ngày`;
}

/** A Phụ lục III row of the tasks module's read model, with its agency named. */
export type OverdueRow = Omit<OverdueTaskRow, 'agencyId'> & { agencyName: string };

const COLLATOR = new Intl.Collator('vi', { sensitivity: 'base', numeric: true });

/** Vietnamese alphabetical order (the databases' own collations differ). */
export function compareVietnamese(a: string, b: string): number {
  return COLLATOR.compare(a, b);
}

/** The order of Phụ lục III: by effective due date, then agency (Vietnamese order), then task id. */
export function sortOverdue<T extends { effectiveDueDate: LocalDate; agencyName: string; taskId: number }>(rows: T[]): T[] {
  // Rank the few distinct agency names once: collating inside the sort is slow on long lists.
  const names = [...new Set(rows.map((r) => r.agencyName))].sort(compareVietnamese);
  const rankOf = new Map(names.map((name, i) => [name, i]));
  return [...rows].sort(
    (a, b) =>
      (a.effectiveDueDate < b.effectiveDueDate ? -1 : a.effectiveDueDate > b.effectiveDueDate ? 1 : 0) ||
      rankOf.get(a.agencyName)! - rankOf.get(b.agencyName)! ||
      a.taskId - b.taskId,
  );
}

/** Rows already in Phụ lục III's order, numbered from `firstNo`, with the days overdue as of `asOf`. */
export function numberOverdue(sorted: OverdueRow[], asOf: LocalDate, firstNo = 1): OverdueTask[] {
  const days = new Map<LocalDate, number>();
  return sorted.map((r, i) => {
    let daysOverdue = days.get(r.effectiveDueDate);
    if (daysOverdue === undefined) days.set(r.effectiveDueDate, (daysOverdue = diffDays(r.effectiveDueDate, asOf)));
    return {
      no: firstNo + i,
      taskId: r.taskId,
      code: r.code,
      sourceDocument: r.sourceDocument,
      title: r.title,
      dueDate: r.dueDate,
      effectiveDueDate: r.effectiveDueDate,
      agencyName: r.agencyName,
      daysOverdue,
      note: overdueNote(daysOverdue),
    };
  });
}

/**
 * Phụ lục III: ordered by effective due date, then agency (Vietnamese order), then task id;
 * numbered from 1, with the days overdue as of `asOf`.
 */
export function overdueList(rows: OverdueRow[], asOf: LocalDate): OverdueTask[] {
  return numberOverdue(sortOverdue(rows), asOf);
}
