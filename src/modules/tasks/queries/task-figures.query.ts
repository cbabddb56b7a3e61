import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository, SelectQueryBuilder } from 'typeorm';
import { LocalDate } from 'src/core/time/local-date';
import { timelinessSql } from 'src/modules/calendar/timeliness.sql';
import { Task } from '../task.entity';
import { assignedByCondition, leaderCondition, notDoneBeforeCondition, submittedCondition } from '../task-query';
import { EXCLUDED_STATUSES, TaskKind, TaskOrigin, Timeliness } from '../task.enums';

/** The window the appendix tables count (DESIGN.md "Reports"). */
export interface TaskFiguresScope {
  from: LocalDate;
  to: LocalDate;
  asOf: LocalDate;
  programId?: number | null;
  agencyId?: number | null;
  /** The per-leader view: tasks whose lãnh đạo phụ trách contains this (as the task list filters). */
  leaderInCharge?: string | null;
}

/** Phụ lục I counts of one lead agency. */
export interface ProgramItemCountsRow {
  agencyId: number;
  initial: number;
  added: number;
  withdrawnOrDeferred: number;
  submitted: number;
  issued: number;
}

/** Phụ lục II counts of one lead agency. */
export interface TaskCountsRow {
  agencyId: number;
  total: number;
  carriedOver: number;
  done: number;
  doneOnTime: number;
  openOverdue: number;
}

/** A Phụ lục III row: an unfinished overdue task. */
export interface OverdueTaskRow {
  taskId: number;
  code: string | null;
  sourceDocument: string | null;
  title: string;
  dueDate: LocalDate | null;
  effectiveDueDate: LocalDate;
  agencyId: number;
}

/** What Phụ lục III is ordered by. */
export type OverdueTaskKey = Pick<OverdueTaskRow, 'taskId' | 'effectiveDueDate' | 'agencyId'>;

type RawOverdueRow = Omit<OverdueTaskRow, 'taskId' | 'agencyId'> & { taskId: number | string; agencyId: number | string };

const sumOf = (condition: string) => `SUM(CASE WHEN ${condition} THEN 1 ELSE 0 END)`;

/** SUM/COUNT come back as numbers from SQLite and as strings (bigint) from PostgreSQL; SUM of no rows is null. */
const n = (v: number | string | null | undefined): number => (v === null || v === undefined ? 0 : Number(v));

/**
 * The read model of the appendix tables, owned by the tasks module (reports call it): aggregates
 * the tasks table (SUM(CASE …) … GROUP BY over the indexed kind/status/due-date columns), never
 * loads every task and never writes. Only the overdue list (Phụ lục III) is read row by row.
 * Timeliness conditions come from calendar/timeliness.sql.ts.
 */
@Injectable()
export class TaskFiguresQuery {
  constructor(@InjectRepository(Task) private readonly tasks: Repository<Task>) {}

  private scoped(qb: SelectQueryBuilder<Task>, scope: TaskFiguresScope): SelectQueryBuilder<Task> {
    if (scope.programId) qb.andWhere('t.programId = :programId', { programId: scope.programId });
    if (scope.agencyId) qb.andWhere('t.leadAgencyId = :agencyId', { agencyId: scope.agencyId });
    if (scope.leaderInCharge?.trim()) {
      const c = leaderCondition('t', scope.leaderInCharge);
      qb.andWhere(c.sql, c.params);
    }
    return qb;
  }

  /** Phụ lục I per lead agency: proposals whose effective due date is in [from, to]. */
  async programItemCountsByAgency(scope: TaskFiguresScope): Promise<ProgramItemCountsRow[]> {
    const lead = this.groupColumn(scope);
    const tl = timelinessSql('t', scope.asOf);
    const submitted = submittedCondition('t', scope.asOf);
    const qb = this.tasks
      .createQueryBuilder('t')
      .select(lead, 'agencyId')
      .addSelect(sumOf('t.origin = :initial'), 'initial')
      .addSelect(sumOf('t.origin = :added'), 'added')
      .addSelect(sumOf('t.status IN (:...excluded)'), 'withdrawnOrDeferred')
      .addSelect(sumOf(submitted.sql), 'submitted')
      .addSelect(sumOf(tl.completed), 'issued')
      .where('t.kind = :proposal', { proposal: TaskKind.Proposal })
      .andWhere('t.effectiveDueDate >= :from AND t.effectiveDueDate <= :to', { from: scope.from, to: scope.to })
      .setParameters({
        ...tl.params,
        initial: TaskOrigin.Initial,
        added: TaskOrigin.Added,
        excluded: [...EXCLUDED_STATUSES],
        ...submitted.params,
      })
      .groupBy(lead);
    const rows = await this.scoped(qb, scope).getRawMany<Record<string, string | number | null>>();
    return rows.map((raw) => ({
      agencyId: n(raw.agencyId),
      initial: n(raw.initial),
      added: n(raw.added),
      withdrawnOrDeferred: n(raw.withdrawnOrDeferred),
      submitted: n(raw.submitted),
      issued: n(raw.issued),
    }));
  }

  /** The tasks Phụ lục II counts: kind task, assigned by `to`, not done before `from`, not withdrawn or deferred. */
  private taskBase(scope: TaskFiguresScope): SelectQueryBuilder<Task> {
    // The same fragments as the task list's assignedTo and notDoneBefore filters (drill-down).
    const assigned = assignedByCondition('t', scope.to);
    const notDoneBefore = notDoneBeforeCondition('t', scope.from);
    const qb = this.tasks
      .createQueryBuilder('t')
      .where('t.kind = :taskKind', { taskKind: TaskKind.Task })
      .andWhere(assigned.sql, assigned.params)
      .andWhere('t.status NOT IN (:...excluded)', { excluded: [...EXCLUDED_STATUSES] })
      .andWhere(notDoneBefore.sql, notDoneBefore.params)
      .setParameters({ from: scope.from });
    return this.scoped(qb, scope);
  }

  /**
   * SQLite walks IDX_tasks_lead_status_due or IDX_tasks_due over most of the table when it may
   * (five times slower than reading the table once); a unary plus hides the column from its planner.
   * PostgreSQL plans from statistics and gets the plain column.
   */
  private unindexed(column: string): string {
    return this.tasks.manager.dataSource.options.type === 'better-sqlite3' ? `+${column}` : column;
  }

  /**
   * The per-agency grouping: IDX_tasks_report (kind, leadAgencyId, …, every column the counts read)
   * yields the groups in order from the index alone. A program or leader scope reads columns it does
   * not hold, and the plain column would have SQLite walk an agency index over the table: hidden then.
   */
  private groupColumn(scope: TaskFiguresScope): string {
    return scope.programId || scope.leaderInCharge?.trim() ? this.unindexed('t.leadAgencyId') : 't.leadAgencyId';
  }

  /** Phụ lục II per lead agency (aggregated without a join; the reports module adds names). */
  async taskCountsByAgency(scope: TaskFiguresScope): Promise<TaskCountsRow[]> {
    const lead = this.groupColumn(scope);
    const tl = timelinessSql('t', scope.asOf);
    const rows = await this.taskBase(scope)
      .select(lead, 'agencyId')
      .addSelect('COUNT(*)', 'total')
      .addSelect(sumOf('t.assignedAt < :from'), 'carriedOver')
      .addSelect(sumOf(tl.completed), 'done')
      .addSelect(sumOf(tl.is[Timeliness.OnTime]), 'doneOnTime')
      .addSelect(sumOf(tl.is[Timeliness.Overdue]), 'openOverdue')
      .setParameters(tl.params)
      .groupBy(lead)
      .getRawMany<Record<keyof TaskCountsRow, number | string | null>>();
    return rows.map((r) => ({
      agencyId: n(r.agencyId),
      total: n(r.total),
      carriedOver: n(r.carriedOver),
      done: n(r.done),
      doneOnTime: n(r.doneOnTime),
      openOverdue: n(r.openOverdue),
    }));
  }

  private overdueBase(scope: TaskFiguresScope): SelectQueryBuilder<Task> {
    const tl = timelinessSql('t', scope.asOf, { due: this.unindexed('t.effectiveDueDate') });
    return this.taskBase(scope).andWhere(tl.is[Timeliness.Overdue], tl.params);
  }

  /**
   * What Phụ lục III is ordered by, for every row: a page of it is then read with overdueRowsOf. At
   * national scale the list is 84,000 rows whose titles and source documents nobody reads on a screen.
   */
  async overdueKeys(scope: TaskFiguresScope, dueThrough: LocalDate | null = null): Promise<OverdueTaskKey[]> {
    const qb = this.overdueBase(scope);
    if (dueThrough) qb.andWhere('t.effectiveDueDate <= :dueThrough', { dueThrough });
    const rows = await qb
      .select('t.id', 'taskId')
      .addSelect('CAST(t.effectiveDueDate AS VARCHAR(10))', 'effectiveDueDate')
      .addSelect('t.leadAgencyId', 'agencyId')
      .getRawMany<{ taskId: number | string; effectiveDueDate: string; agencyId: number | string }>();
    return rows.map((r) => ({ taskId: n(r.taskId), effectiveDueDate: r.effectiveDueDate, agencyId: n(r.agencyId) }));
  }

  /**
   * The effective due date of the `n`-th overdue task in due-date order (1-based), or null when there
   * are fewer. Phụ lục III is ordered by that date first, so a page ending at row `n` needs only the
   * keys due by then: an early page reads the first overdue rows along IDX_tasks_due instead of all of
   * them (84,000 at a million tasks, a scan of the table on PostgreSQL).
   */
  async overdueDueAt(scope: TaskFiguresScope, n: number): Promise<LocalDate | null> {
    const row = await this.overdueBase(scope)
      .select('CAST(t.effectiveDueDate AS VARCHAR(10))', 'effectiveDueDate')
      .orderBy('t.effectiveDueDate', 'ASC')
      .offset(n - 1)
      .limit(1)
      .getRawOne<{ effectiveDueDate: LocalDate }>();
    return row?.effectiveDueDate ?? null;
  }

  /** The Phụ lục III rows of these tasks (at most a page: they go into one IN list), in no order. */
  async overdueRowsOf(ids: number[]): Promise<OverdueTaskRow[]> {
    if (!ids.length) return [];
    const rows = await this.overdueColumns(this.tasks.createQueryBuilder('t').where('t.id IN (:...ids)', { ids })).getRawMany<RawOverdueRow>();
    return rows.map((r) => ({ ...r, taskId: n(r.taskId), agencyId: n(r.agencyId) }));
  }

  private overdueColumns(qb: SelectQueryBuilder<Task>): SelectQueryBuilder<Task> {
    return qb
      .select('t.id', 'taskId')
      .addSelect('t.code', 'code')
      .addSelect('t.sourceDocument', 'sourceDocument')
      .addSelect('t.title', 'title')
      // As text: the pg driver would turn a DATE into a JS Date at local midnight.
      .addSelect('CAST(t.dueDate AS VARCHAR(10))', 'dueDate')
      .addSelect('CAST(t.effectiveDueDate AS VARCHAR(10))', 'effectiveDueDate')
      .addSelect('t.leadAgencyId', 'agencyId');
  }

  /** Phụ lục III rows: the unfinished overdue tasks of Phụ lục II (unordered; the reports module orders them). */
  async overdueRows(scope: TaskFiguresScope): Promise<OverdueTaskRow[]> {
    const rows = await this.overdueColumns(this.overdueBase(scope)).getRawMany<RawOverdueRow>();
    return rows.map((r) => ({ ...r, taskId: n(r.taskId), agencyId: n(r.agencyId) }));
  }
}
