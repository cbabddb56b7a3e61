import { likeContains } from 'src/core/database/like';
import { LocalDate } from 'src/core/time/local-date';
import { foldVietnamese } from 'src/core/text/vietnamese';
import { DEFAULT_DUE_SOON_DAYS } from 'src/modules/calendar/timeliness';
import { timelinessSql } from 'src/modules/calendar/timeliness.sql';
import { TimelinessFilter } from './dto/list-tasks.query.dto';
import { ftsMatchExpression, searchWords, tsQueryText } from './task-search';
import { TaskStatus, Timeliness } from './task.enums';

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
 * The tasks whose timeliness as of `asOf` is `which`: judgeTimeliness's conditions from the one
 * timeliness SQL module (calendar/timeliness.sql.ts).
 */
export function timelinessCondition(
  alias: string,
  which: TimelinessFilter,
  asOf: LocalDate,
  dueSoonDays: number = DEFAULT_DUE_SOON_DAYS,
): SqlCondition {
  const tl = timelinessSql(alias, asOf, { dueSoonDays });
  const sql: Record<TimelinessFilter, string> = {
    [TimelinessFilter.OnTime]: tl.is[Timeliness.OnTime],
    [TimelinessFilter.Late]: tl.is[Timeliness.Late],
    [TimelinessFilter.Overdue]: tl.is[Timeliness.Overdue],
    [TimelinessFilter.DueSoon]: tl.is[Timeliness.DueSoon],
    [TimelinessFilter.InTime]: tl.is[Timeliness.InTime],
    [TimelinessFilter.Done]: tl.completed,
    [TimelinessFilter.NotDone]: tl.open,
    [TimelinessFilter.NotOverdue]: tl.notOverdue,
  };
  return { sql: `(${sql[which]})`, params: tl.params };
}

/**
 * The timeliness filters that only work still open as of asOf can meet (isOpenAsOf): true for
 * overdue, due soon, in time, not done and not overdue; false for the completed ones (done, on time,
 * late). An agency's count of open work is split by it (TaskListingService.involvementCount).
 */
export const OPEN_ONLY: Record<TimelinessFilter, boolean> = {
  [TimelinessFilter.Overdue]: true,
  [TimelinessFilter.DueSoon]: true,
  [TimelinessFilter.InTime]: true,
  [TimelinessFilter.NotDone]: true,
  [TimelinessFilter.NotOverdue]: true,
  [TimelinessFilter.Done]: false,
  [TimelinessFilter.OnTime]: false,
  [TimelinessFilter.Late]: false,
};

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

/**
 * `q`, by the search rule of task-search.ts, through each engine's index (task-search-index.ts):
 * the FTS5 table's matching ids on SQLite, the GIN expression index on PostgreSQL. A query without
 * a letter or digit matches no task; a blank one is no filter (null).
 */
export function textSearchCondition(alias: string, q: string, engine: 'sqlite' | 'postgres'): SqlCondition | null {
  if (!foldVietnamese(q)) return null; // blank: no filter
  const words = searchWords(q);
  if (!words.length) return { sql: '1 = 0', params: {} };
  return engine === 'postgres'
    ? { sql: `task_search_vector(${alias}.searchText) @@ CAST(:searchQuery AS tsquery)`, params: { searchQuery: tsQueryText(words) } }
    : {
        sql: `${alias}.id IN (SELECT rowid FROM task_search WHERE task_search MATCH :searchMatch)`,
        params: { searchMatch: ftsMatchExpression(words) },
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

/** Tasks the agency coordinates (is among the coordinating agencies of): the coordinating tab's list. */
export function coordinatingCondition(alias: string, param: string, agencyId: number): SqlCondition {
  return {
    sql: `${alias}.id IN (SELECT "tca"."taskId" FROM "task_coordinating_agencies" "tca" WHERE "tca"."agencyId" = :${param})`,
    params: { [param]: agencyId },
  };
}
