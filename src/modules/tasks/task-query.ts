import { likeContains } from 'src/core/database/like';
import { addDays, LocalDate } from 'src/core/time/local-date';
import { DEFAULT_DUE_SOON_DAYS } from 'src/modules/calendar/timeliness';
import { TimelinessFilter } from './dto/list-tasks.query.dto';
import { OPEN_STATUSES, TaskStatus } from './task.enums';

/**
 * SQL fragments of the task listing, for TypeORM query builders over `tasks` aliased `t`.
 * They use only indexed columns (status, effectiveDueDate, leadAgencyId, the coordinating join
 * table) and mirror judgeTimeliness exactly, so a filtered list and the `timeliness` each item
 * carries agree.
 */
export interface SqlCondition {
  sql: string;
  params: Record<string, unknown>;
}

/**
 * Tasks the agency leads or coordinates, in the form each engine's planner turns into index
 * lookups (measured by `npm run bench`): SQLite plans the OR as two index searches, the lead one
 * through IDX_tasks_lead_status_due together with the status and due-date filters; PostgreSQL gets
 * the coordinated ids as an array (an init plan), so that it can OR a lead-index scan with a
 * primary-key scan instead of scanning the table.
 */
export function involvingCondition(
  alias: string,
  param: string,
  agencyId: number,
  engine: 'sqlite' | 'postgres',
): SqlCondition {
  const coordinating = `SELECT "tca"."taskId" FROM "task_coordinating_agencies" "tca" WHERE "tca"."agencyId" = :${param}`;
  return {
    sql:
      engine === 'postgres'
        ? `(${alias}.leadAgencyId = :${param} OR ${alias}.id = ANY(ARRAY(${coordinating})))`
        : `(${alias}.leadAgencyId = :${param} OR ${alias}.id IN (${coordinating}))`,
    params: { [param]: agencyId },
  };
}

/**
 * The tasks whose timeliness as of `asOf` is `which` (see judgeTimeliness): done on or before
 * asOf → on time / late against the effective due date; otherwise, unless withdrawn or deferred,
 * open → overdue, due soon (0…dueSoonDays days left) or in time.
 */
export function timelinessCondition(
  alias: string,
  which: TimelinessFilter,
  asOf: LocalDate,
  dueSoonDays: number = DEFAULT_DUE_SOON_DAYS,
): SqlCondition {
  const t = alias;
  const params = {
    tlAsOf: asOf,
    tlSoon: addDays(asOf, dueSoonDays),
    tlDone: TaskStatus.Done,
    tlOpen: [...OPEN_STATUSES],
  };
  const completed = `(${t}.status = :tlDone AND ${t}.completedAt IS NOT NULL AND ${t}.completedAt <= :tlAsOf)`;
  const open = `(${t}.status IN (:...tlOpen) OR (${t}.status = :tlDone AND (${t}.completedAt IS NULL OR ${t}.completedAt > :tlAsOf)))`;
  const due = `${t}.effectiveDueDate`;
  const sql: Record<TimelinessFilter, string> = {
    [TimelinessFilter.OnTime]: `${completed} AND (${due} IS NULL OR ${t}.completedAt <= ${due})`,
    [TimelinessFilter.Late]: `${completed} AND ${due} IS NOT NULL AND ${t}.completedAt > ${due}`,
    [TimelinessFilter.Overdue]: `${open} AND ${due} < :tlAsOf`,
    [TimelinessFilter.DueSoon]: `${open} AND ${due} >= :tlAsOf AND ${due} <= :tlSoon`,
    [TimelinessFilter.InTime]: `${open} AND ${due} > :tlSoon`,
    [TimelinessFilter.Done]: completed,
    [TimelinessFilter.NotDone]: open,
    [TimelinessFilter.NotOverdue]: `${open} AND (${due} IS NULL OR ${due} >= :tlAsOf)`,
  };
  return { sql: `(${sql[which]})`, params };
}

/**
 * The window of Phụ lục II as list filters, so that a figure and the list behind it count alike
 * (AppendixService uses the same fragments): assigned on or before the window's end …
 */
export function assignedByCondition(alias: string, day: LocalDate): SqlCondition {
  return { sql: `${alias}.assignedAt <= :abDay`, params: { abDay: day } };
}

/** … and not done before its start (a done task without a completion date cannot be placed: kept). */
export function notDoneBeforeCondition(alias: string, day: LocalDate): SqlCondition {
  return {
    sql: `(${alias}.status <> :ndbDone OR ${alias}.completedAt IS NULL OR ${alias}.completedAt >= :ndbDay)`,
    params: { ndbDone: TaskStatus.Done, ndbDay: day },
  };
}

/** Lãnh đạo phụ trách contains `leader` (the task list's filter and the per-leader dashboard alike). */
export function leaderCondition(alias: string, leader: string): SqlCondition {
  return { sql: `${alias}.leaderInCharge LIKE :leader ESCAPE '\\'`, params: { leader: likeContains(leader.trim()) } };
}

/**
 * Phụ lục I (5) đã trình, by the submission date: submitted or done on or before asOf (a done item
 * without a submission date by its completion date; a submitted one without a date, written before
 * dates were kept, counts as submitted).
 */
export function submittedCondition(alias: string, asOf: LocalDate): SqlCondition {
  const t = alias;
  return {
    sql:
      `((${t}.status = :subSubmitted AND (${t}.submittedAt IS NULL OR ${t}.submittedAt <= :subAsOf)) OR ` +
      `(${t}.status = :subDone AND COALESCE(${t}.submittedAt, ${t}.completedAt) <= :subAsOf))`,
    params: { subSubmitted: TaskStatus.Submitted, subDone: TaskStatus.Done, subAsOf: asOf },
  };
}
