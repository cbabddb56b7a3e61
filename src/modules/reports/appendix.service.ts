import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository, SelectQueryBuilder } from 'typeorm';
import { Agency } from 'src/modules/agencies/agency.entity';
import { AgencyKind } from 'src/modules/agencies/agency.enums';
import { LocalDate } from 'src/modules/calendar/local-date';
import { Task } from 'src/modules/tasks/task.entity';
import { EXCLUDED_STATUSES, TaskKind, TaskOrigin, TaskStatus } from 'src/modules/tasks/task.enums';
import { compareVietnamese, overdueList, programItemFigures, taskCounts } from './appendix.figures';
import { AgencyTaskFigures, AppendixReport, ProgramItemFigures, TaskFigures } from './appendix.types';

export interface AppendixScope {
  from: LocalDate;
  to: LocalDate;
  asOf: LocalDate;
  programId?: number | null;
  agencyId?: number | null;
}

/** Done on or before asOf; a done task without a completion date cannot be placed in time (timeliness.ts). */
const DONE = 't.status = :doneStatus AND t.completedAt IS NOT NULL AND t.completedAt <= :asOf';
const OPEN_OVERDUE = `NOT (${DONE}) AND t.effectiveDueDate IS NOT NULL AND t.effectiveDueDate < :asOf`;
const sumOf = (condition: string) => `SUM(CASE WHEN ${condition} THEN 1 ELSE 0 END)`;

const AGENCY_KIND_ORDER: AgencyKind[] = [AgencyKind.Department, AgencyKind.District, AgencyKind.Central, AgencyKind.Other];

interface AgencyRaw {
  agencyId: number | string;
  agencyCode: string;
  agencyName: string;
  agencyKind: AgencyKind;
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
  constructor(@InjectRepository(Task) private readonly tasks: Repository<Task>) {}

  async compute(scope: AppendixScope): Promise<AppendixReport> {
    const [programItems, byAgencyWithExtra, overdue] = await Promise.all([
      this.programItems(scope),
      this.tasksByAgency(scope),
      this.overdue(scope),
    ]);
    const totals = byAgencyWithExtra.reduce(
      (acc, a) => ({
        total: acc.total + a.total,
        carriedOver: acc.carriedOver + a.carriedOver,
        done: acc.done + a.done,
        doneOnTime: acc.doneOnTime + a.doneOnTime,
        openOverdue: acc.openOverdue + a.openOverdue,
      }),
      { total: 0, carriedOver: 0, done: 0, doneOnTime: 0, openOverdue: 0 },
    );
    const { total, ...counts } = taskCounts(totals);
    const tasks: TaskFigures = { total, carriedOver: totals.carriedOver, assignedInPeriod: total - totals.carriedOver, ...counts };
    return {
      period: { from: scope.from, to: scope.to, asOf: scope.asOf },
      programItems,
      tasks,
      byAgency: byAgencyWithExtra.map(({ carriedOver: _c, ...a }) => a),
      overdue,
    };
  }

  private scoped(qb: SelectQueryBuilder<Task>, scope: AppendixScope): SelectQueryBuilder<Task> {
    if (scope.programId) qb.andWhere('t.programId = :programId', { programId: scope.programId });
    if (scope.agencyId) qb.andWhere('t.leadAgencyId = :agencyId', { agencyId: scope.agencyId });
    return qb;
  }

  /** Phụ lục I: proposals whose effective due date is in [from, to]. */
  async programItems(scope: AppendixScope): Promise<ProgramItemFigures> {
    const qb = this.tasks
      .createQueryBuilder('t')
      .select(sumOf('t.origin = :initial'), 'initial')
      .addSelect(sumOf('t.origin = :added'), 'added')
      .addSelect(sumOf('t.status IN (:...excluded)'), 'withdrawnOrDeferred')
      .addSelect(sumOf(`t.status = :submittedStatus OR (${DONE})`), 'submitted')
      .addSelect(sumOf(DONE), 'issued')
      .where('t.kind = :proposal', { proposal: TaskKind.Proposal })
      .andWhere('t.effectiveDueDate >= :from AND t.effectiveDueDate <= :to', { from: scope.from, to: scope.to })
      .setParameters({
        initial: TaskOrigin.Initial,
        added: TaskOrigin.Added,
        excluded: [...EXCLUDED_STATUSES],
        submittedStatus: TaskStatus.Submitted,
        doneStatus: TaskStatus.Done,
        asOf: scope.asOf,
      });
    const raw = await this.scoped(qb, scope).getRawOne<Record<string, string | number | null>>();
    return programItemFigures({
      initial: n(raw?.initial),
      added: n(raw?.added),
      withdrawnOrDeferred: n(raw?.withdrawnOrDeferred),
      submitted: n(raw?.submitted),
      issued: n(raw?.issued),
    });
  }

  /** The tasks Phụ lục II counts: kind task, assigned by `to`, not done before `from`, not withdrawn or deferred. */
  private taskBase(scope: AppendixScope): SelectQueryBuilder<Task> {
    const qb = this.tasks
      .createQueryBuilder('t')
      .where('t.kind = :taskKind', { taskKind: TaskKind.Task })
      .andWhere('t.assignedAt <= :to', { to: scope.to })
      .andWhere('t.status NOT IN (:...excluded)', { excluded: [...EXCLUDED_STATUSES] })
      .andWhere('(t.status <> :doneStatus OR t.completedAt IS NULL OR t.completedAt >= :from)', { from: scope.from })
      .setParameters({ doneStatus: TaskStatus.Done, asOf: scope.asOf });
    return this.scoped(qb, scope);
  }

  /** Phụ lục II per lead agency, in the order of the reports: departments, districts, others; by name. */
  async tasksByAgency(scope: AppendixScope): Promise<(AgencyTaskFigures & { carriedOver: number })[]> {
    const rows = await this.taskBase(scope)
      .innerJoin('t.leadAgency', 'a')
      .select('t.leadAgencyId', 'agencyId')
      .addSelect('a.code', 'agencyCode')
      .addSelect('a.name', 'agencyName')
      .addSelect('a.kind', 'agencyKind')
      .addSelect('COUNT(*)', 'total')
      .addSelect(sumOf('t.assignedAt < :from'), 'carriedOver')
      .addSelect(sumOf(DONE), 'done')
      .addSelect(sumOf(`${DONE} AND (t.effectiveDueDate IS NULL OR t.completedAt <= t.effectiveDueDate)`), 'doneOnTime')
      .addSelect(sumOf(OPEN_OVERDUE), 'openOverdue')
      .groupBy('t.leadAgencyId')
      .addGroupBy('a.code')
      .addGroupBy('a.name')
      .addGroupBy('a.kind')
      .getRawMany<AgencyRaw>();
    return rows
      .sort(
        (x, y) =>
          rank(x.agencyKind) - rank(y.agencyKind) || compareVietnamese(x.agencyName, y.agencyName) || n(x.agencyId) - n(y.agencyId),
      )
      .map((r) => ({
        agencyId: n(r.agencyId),
        agencyCode: r.agencyCode,
        agencyName: r.agencyName,
        ...taskCounts({ total: n(r.total), done: n(r.done), doneOnTime: n(r.doneOnTime), openOverdue: n(r.openOverdue) }),
        carriedOver: n(r.carriedOver),
      }));
  }

  /** Phụ lục III: the unfinished overdue tasks of Phụ lục II. */
  async overdue(scope: AppendixScope): Promise<AppendixReport['overdue']> {
    const rows = await this.taskBase(scope)
      .andWhere(OPEN_OVERDUE)
      .innerJoin('t.leadAgency', 'a')
      .select(['t.id', 't.code', 't.sourceDocument', 't.title', 't.dueDate', 't.effectiveDueDate', 't.leadAgencyId', 'a.id', 'a.name'])
      .orderBy('t.effectiveDueDate', 'ASC')
      .addOrderBy('t.id', 'ASC')
      .getMany();
    return overdueList(
      rows.map((t) => ({
        taskId: t.id,
        code: t.code,
        sourceDocument: t.sourceDocument,
        title: t.title,
        dueDate: t.dueDate,
        effectiveDueDate: t.effectiveDueDate!,
        agencyName: (t.leadAgency as Agency).name,
      })),
      scope.asOf,
    );
  }
}

function rank(kind: AgencyKind): number {
  const i = AGENCY_KIND_ORDER.indexOf(kind);
  return i < 0 ? AGENCY_KIND_ORDER.length : i;
}
