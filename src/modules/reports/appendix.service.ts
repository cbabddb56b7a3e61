import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository, SelectQueryBuilder } from 'typeorm';
import { Agency } from 'src/modules/agencies/agency.entity';
import { AgencyKind } from 'src/modules/agencies/agency.enums';
import { LocalDate } from 'src/core/time/local-date';
import { Task } from 'src/modules/tasks/task.entity';
import { EXCLUDED_STATUSES, TaskKind, TaskOrigin, TaskStatus } from 'src/modules/tasks/task.enums';
import { assignedByCondition, leaderCondition, notDoneBeforeCondition, submittedCondition } from 'src/modules/tasks/task-query';
import {
  compareVietnamese,
  OverdueRow,
  overdueList,
  ProgramItemCounts,
  programItemFigures,
  sumCounts,
  TaskRawCounts,
  taskCounts,
} from './appendix.figures';
import { AgencyProgramItemFigures, AgencyTaskFigures, AppendixReport, TaskFigures } from './appendix.types';

export interface AppendixScope {
  from: LocalDate;
  to: LocalDate;
  asOf: LocalDate;
  programId?: number | null;
  agencyId?: number | null;
  /** The per-leader view: tasks whose lãnh đạo phụ trách contains this (as the task list filters). */
  leaderInCharge?: string | null;
}

/** Done on or before asOf; a done task without a completion date cannot be placed in time (timeliness.ts). */
const DONE = 't.status = :doneStatus AND t.completedAt IS NOT NULL AND t.completedAt <= :asOf';
const OPEN_OVERDUE = `NOT (${DONE}) AND t.effectiveDueDate IS NOT NULL AND t.effectiveDueDate < :asOf`;
const sumOf = (condition: string) => `SUM(CASE WHEN ${condition} THEN 1 ELSE 0 END)`;

const AGENCY_KIND_ORDER: AgencyKind[] = [AgencyKind.Department, AgencyKind.District, AgencyKind.Central, AgencyKind.Other];

interface AgencyRaw {
  agencyId: number | string;
  total: number | string | null;
  carriedOver: number | string | null;
  done: number | string | null;
  doneOnTime: number | string | null;
  openOverdue: number | string | null;
}

/** SUM/COUNT come back as numbers from SQLite and as strings (bigint) from PostgreSQL; SUM of no rows is null. */
const n = (v: number | string | null | undefined): number => (v === null || v === undefined ? 0 : Number(v));

/**
 * The read model of the appendix tables: aggregates the tasks table with its own queries
 * (SUM(CASE …) … GROUP BY over the indexed kind/status/due-date columns), never loads every task
 * and never writes. Only the overdue list (Phụ lục III) is read row by row.
 */
@Injectable()
export class AppendixService {
  constructor(
    @InjectRepository(Task) private readonly tasks: Repository<Task>,
    @InjectRepository(Agency) private readonly agencies: Repository<Agency>,
  ) {}

  async compute(scope: AppendixScope): Promise<AppendixReport> {
    const itemCounts = await this.programItemCountsByAgency(scope);
    const counts = await this.taskCountsByAgency(scope);
    const overdueRows = await this.overdueRows(scope);
    const ids = [
      ...new Set([...itemCounts.map((c) => c.agencyId), ...counts.map((c) => c.agencyId), ...overdueRows.map((o) => o.agencyId)]),
    ];
    const agencies = new Map(
      (ids.length ? await this.agencies.find({ select: { id: true, code: true, name: true, kind: true }, where: { id: In(ids) } }) : []).map((a) => [a.id, a]),
    );
    const agencyOf = (id: number) => agencies.get(id) ?? { id, code: '', name: '', kind: AgencyKind.Other };

    const agencyOrder = (x: { agencyId: number }, y: { agencyId: number }) => {
      const a = agencyOf(x.agencyId);
      const b = agencyOf(y.agencyId);
      return rank(a.kind) - rank(b.kind) || compareVietnamese(a.name, b.name) || a.id - b.id;
    };
    const named = (id: number) => ({ agencyId: id, agencyCode: agencyOf(id).code, agencyName: agencyOf(id).name });
    const byAgency: AgencyTaskFigures[] = [...counts].sort(agencyOrder).map((c) => ({ ...named(c.agencyId), ...taskCounts(c) }));
    const programItemsByAgency: AgencyProgramItemFigures[] = [...itemCounts]
      .sort(agencyOrder)
      .map(({ agencyId, ...c }) => ({ ...named(agencyId), ...programItemFigures(c) }));
    const programItems = programItemFigures(
      sumCounts<ProgramItemCounts>(
        itemCounts.map(({ agencyId: _id, ...c }) => c),
        { initial: 0, added: 0, withdrawnOrDeferred: 0, submitted: 0, issued: 0 },
      ),
    );

    const totals = counts.reduce(
      (acc, c) => ({
        total: acc.total + c.total,
        carriedOver: acc.carriedOver + c.carriedOver,
        done: acc.done + c.done,
        doneOnTime: acc.doneOnTime + c.doneOnTime,
        openOverdue: acc.openOverdue + c.openOverdue,
      }),
      { total: 0, carriedOver: 0, done: 0, doneOnTime: 0, openOverdue: 0 },
    );
    const { total, ...rest } = taskCounts(totals);
    const tasks: TaskFigures = { total, carriedOver: totals.carriedOver, assignedInPeriod: total - totals.carriedOver, ...rest };

    const overdue = overdueList(
      overdueRows.map(({ agencyId, ...o }) => ({ ...o, agencyName: agencyOf(agencyId).name })),
      scope.asOf,
    );
    return {
      period: { from: scope.from, to: scope.to, asOf: scope.asOf },
      programItems,
      programItemsByAgency,
      tasks,
      byAgency,
      overdue,
    };
  }

  private scoped(qb: SelectQueryBuilder<Task>, scope: AppendixScope): SelectQueryBuilder<Task> {
    if (scope.programId) qb.andWhere('t.programId = :programId', { programId: scope.programId });
    if (scope.agencyId) qb.andWhere('t.leadAgencyId = :agencyId', { agencyId: scope.agencyId });
    if (scope.leaderInCharge?.trim()) {
      const c = leaderCondition('t', scope.leaderInCharge);
      qb.andWhere(c.sql, c.params);
    }
    return qb;
  }

  /** Phụ lục I per lead agency: proposals whose effective due date is in [from, to]. */
  async programItemCountsByAgency(scope: AppendixScope): Promise<(ProgramItemCounts & { agencyId: number })[]> {
    const lead = this.unindexed('t.leadAgencyId');
    const submitted = submittedCondition('t', scope.asOf);
    const qb = this.tasks
      .createQueryBuilder('t')
      .select(lead, 'agencyId')
      .addSelect(sumOf('t.origin = :initial'), 'initial')
      .addSelect(sumOf('t.origin = :added'), 'added')
      .addSelect(sumOf('t.status IN (:...excluded)'), 'withdrawnOrDeferred')
      .addSelect(sumOf(submitted.sql), 'submitted')
      .addSelect(sumOf(DONE), 'issued')
      .where('t.kind = :proposal', { proposal: TaskKind.Proposal })
      .andWhere('t.effectiveDueDate >= :from AND t.effectiveDueDate <= :to', { from: scope.from, to: scope.to })
      .setParameters({
        initial: TaskOrigin.Initial,
        added: TaskOrigin.Added,
        excluded: [...EXCLUDED_STATUSES],
        doneStatus: TaskStatus.Done,
        asOf: scope.asOf,
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
  private taskBase(scope: AppendixScope): SelectQueryBuilder<Task> {
    // The same fragments as the task list's assignedTo and notDoneBefore filters (drill-down).
    const assigned = assignedByCondition('t', scope.to);
    const notDoneBefore = notDoneBeforeCondition('t', scope.from);
    const qb = this.tasks
      .createQueryBuilder('t')
      .where('t.kind = :taskKind', { taskKind: TaskKind.Task })
      .andWhere(assigned.sql, assigned.params)
      .andWhere('t.status NOT IN (:...excluded)', { excluded: [...EXCLUDED_STATUSES] })
      .andWhere(notDoneBefore.sql, notDoneBefore.params)
      .setParameters({ doneStatus: TaskStatus.Done, asOf: scope.asOf, from: scope.from });
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

  /** Phụ lục II per lead agency (aggregated without a join; names added by compute). */
  async taskCountsByAgency(scope: AppendixScope): Promise<(TaskRawCounts & { agencyId: number; carriedOver: number })[]> {
    const lead = this.unindexed('t.leadAgencyId');
    const rows = await this.taskBase(scope)
      .select(lead, 'agencyId')
      .addSelect('COUNT(*)', 'total')
      .addSelect(sumOf('t.assignedAt < :from'), 'carriedOver')
      .addSelect(sumOf(DONE), 'done')
      .addSelect(sumOf(`${DONE} AND (t.effectiveDueDate IS NULL OR t.completedAt <= t.effectiveDueDate)`), 'doneOnTime')
      .addSelect(sumOf(OPEN_OVERDUE), 'openOverdue')
      .groupBy(lead)
      .getRawMany<AgencyRaw>();
    return rows.map((r) => ({
      agencyId: n(r.agencyId),
      total: n(r.total),
      carriedOver: n(r.carriedOver),
      done: n(r.done),
      doneOnTime: n(r.doneOnTime),
      openOverdue: n(r.openOverdue),
    }));
  }

  /** Phụ lục III rows: the unfinished overdue tasks of Phụ lục II (ordered by compute, with agency names). */
  async overdueRows(scope: AppendixScope): Promise<(Omit<OverdueRow, 'agencyName'> & { agencyId: number })[]> {
    const rows = await this.taskBase(scope)
      .andWhere(`NOT (${DONE}) AND t.effectiveDueDate IS NOT NULL AND ${this.unindexed('t.effectiveDueDate')} < :asOf`)
      .select('t.id', 'taskId')
      .addSelect('t.code', 'code')
      .addSelect('t.sourceDocument', 'sourceDocument')
      .addSelect('t.title', 'title')
      // As text: the pg driver would turn a DATE into a JS Date at local midnight.
      .addSelect('CAST(t.dueDate AS VARCHAR(10))', 'dueDate')
      .addSelect('CAST(t.effectiveDueDate AS VARCHAR(10))', 'effectiveDueDate')
      .addSelect('t.leadAgencyId', 'agencyId')
      .getRawMany<{ taskId: number | string; code: string | null; sourceDocument: string | null; title: string; dueDate: string | null; effectiveDueDate: string; agencyId: number | string }>();
    return rows.map((r) => ({ ...r, taskId: n(r.taskId), agencyId: n(r.agencyId) }));
  }
}

function rank(kind: AgencyKind): number {
  const i = AGENCY_KIND_ORDER.indexOf(kind);
  return i < 0 ? AGENCY_KIND_ORDER.length : i;
}
