import { addDays, LocalDate } from 'src/core/time/local-date';
import { OPEN_STATUSES, TaskStatus, Timeliness } from 'src/modules/tasks/task.enums';
import { DEFAULT_DUE_SOON_DAYS, IN_AGENCY_HANDS } from './timeliness';

/**
 * judgeTimeliness (timeliness.ts) as SQL: the one place the task list filter, the appendix figures
 * and the overdue list take their conditions from. test/integration/timeliness-sql.int-spec.ts runs
 * every fragment on SQLite and PostgreSQL against the TypeScript rule on the same rows.
 *
 * Fragments are for query builders over `tasks` aliased `alias`; values are bound parameters
 * (`params`, every name starting with `tl`), never SQL text.
 */
export interface TimelinessSql {
  /** Done on or before asOf (isCompletedAsOf). */
  completed: string;
  /** Not withdrawn or deferred, and not done by asOf (isOpenAsOf), in the form the status indexes serve. */
  open: string;
  /** Open and not overdue (due soon, in time, or no due date). */
  notOverdue: string;
  /** One condition per judged value: exactly the rows judgeTimeliness gives that value. */
  is: Record<Exclude<Timeliness, Timeliness.None>, string>;
  params: Record<string, unknown>;
}

export interface TimelinessSqlOptions {
  dueSoonDays?: number;
  /**
   * The effective due date as an expression, when the caller must write it differently (the appendix
   * hides the column from SQLite's planner with a unary plus); `${alias}.effectiveDueDate` otherwise.
   */
  due?: string;
}

export function timelinessSql(alias: string, asOf: LocalDate, opts: TimelinessSqlOptions = {}): TimelinessSql {
  const t = alias;
  const due = opts.due ?? `${t}.effectiveDueDate`;
  const completed = `(${t}.status = :tlDone AND ${t}.completedAt IS NOT NULL AND ${t}.completedAt <= :tlAsOf)`;
  const open = `(${t}.status IN (:...tlOpen) OR (${t}.status = :tlDone AND (${t}.completedAt IS NULL OR ${t}.completedAt > :tlAsOf)))`;
  return {
    completed,
    open,
    notOverdue: `(${open} AND (${due} IS NULL OR ${due} >= :tlAsOf))`,
    is: {
      [Timeliness.OnTime]: `(${completed} AND (${due} IS NULL OR ${t}.completedAt <= ${due}))`,
      [Timeliness.Late]: `(${completed} AND ${due} IS NOT NULL AND ${t}.completedAt > ${due})`,
      [Timeliness.Overdue]: `(${open} AND ${due} < :tlAsOf)`,
      [Timeliness.DueSoon]: `(${open} AND ${due} >= :tlAsOf AND ${due} <= :tlSoon)`,
      [Timeliness.InTime]: `(${open} AND ${due} > :tlSoon)`,
    },
    params: {
      tlAsOf: asOf,
      tlSoon: addDays(asOf, opts.dueSoonDays ?? DEFAULT_DUE_SOON_DAYS),
      tlDone: TaskStatus.Done,
      tlOpen: [...OPEN_STATUSES],
    },
  };
}

/** isInAgencyHands (timeliness.ts) as SQL over `tasks` aliased `alias`: new or in progress. */
export function inAgencyHandsSql(alias: string): { sql: string; params: Record<string, unknown> } {
  return { sql: `${alias}.status IN (:...tlHands)`, params: { tlHands: [...IN_AGENCY_HANDS] } };
}
