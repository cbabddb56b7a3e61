import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, LessThan, LessThanOrEqual, ObjectLiteral, Repository, SelectQueryBuilder } from 'typeorm';
import { LocalDate } from 'src/core/time/local-date';
import { involvingCondition } from '../task-query';
import { Task } from '../task.entity';
import { OPEN_STATUSES, TaskStatus } from '../task.enums';

/** A task as a reminder lists it. */
export type DeadlineTask = Pick<
  Task,
  'id' | 'code' | 'title' | 'leadAgencyId' | 'programId' | 'assignedAt' | 'effectiveDueDate' | 'sourceDocument' | 'leaderInCharge' | 'status'
>;

const DEADLINE_COLUMNS = {
  id: true,
  code: true,
  title: true,
  leadAgencyId: true,
  programId: true,
  assignedAt: true,
  effectiveDueDate: true,
  sourceDocument: true,
  leaderInCharge: true,
  status: true,
} as const;

/**
 * The read model of deadlines, owned by the tasks module: what the reminder scan, "nhắc việc ngay",
 * the weekly summary and the agencies' calendar feeds read of tasks. Each is one query over the
 * indexed status / effective-due-date columns; nothing here writes.
 */
@Injectable()
export class TaskDeadlinesQuery {
  constructor(@InjectRepository(Task) private readonly tasks: Repository<Task>) {}

  /** Tasks in one of `statuses` with an effective due date up to `horizon`, by lead agency, due date, id. */
  dueBy(statuses: readonly TaskStatus[], horizon: LocalDate): Promise<DeadlineTask[]> {
    return this.tasks.find({
      select: DEADLINE_COLUMNS,
      where: { status: In([...statuses]), effectiveDueDate: LessThanOrEqual(horizon) },
      order: { leadAgencyId: 'ASC', effectiveDueDate: 'ASC', id: 'ASC' },
    });
  }

  /** Tasks in one of `statuses` whose effective due date is before `asOf` (overdue in those hands), by due date, id. */
  overdueIn(statuses: readonly TaskStatus[], asOf: LocalDate): Promise<DeadlineTask[]> {
    return this.tasks.find({
      select: DEADLINE_COLUMNS,
      where: { status: In([...statuses]), effectiveDueDate: LessThan(asOf) },
      order: { effectiveDueDate: 'ASC', id: 'ASC' },
    });
  }

  /** The tasks of these ids (those that exist). */
  byIds(ids: number[]): Promise<DeadlineTask[]> {
    return ids.length ? this.tasks.find({ select: DEADLINE_COLUMNS, where: { id: In(ids) } }) : Promise.resolve([]);
  }

  /**
   * Joins the task of each row of `qb` (a query over the caller's own table) as `alias` ON `on`,
   * keeping the rows whose task is in one of `statuses` and due by `horizon`: the reminder scan's
   * recorded points of its current candidates, in one grouped query.
   */
  joinDueBy<T extends ObjectLiteral>(
    qb: SelectQueryBuilder<T>,
    alias: string,
    on: string,
    statuses: readonly TaskStatus[],
    horizon: LocalDate,
  ): SelectQueryBuilder<T> {
    return qb
      .innerJoin(Task, alias, on)
      .andWhere(`${alias}.status IN (:...tdStatuses)`, { tdStatuses: [...statuses] })
      .andWhere(`${alias}.effectiveDueDate <= :tdHorizon`, { tdHorizon: horizon });
  }

  /** Joins the task of each row of `qb` (a query over the caller's own table) as `alias` ON `on`. */
  joinTask<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, alias: string, on: string): SelectQueryBuilder<T> {
    return qb.innerJoin(Task, alias, on);
  }

  /** An agency's open tasks with a due date, led or coordinated, with the lead agency's name: by due date, id. */
  openForAgency(agencyId: number): Promise<Task[]> {
    const engine = this.tasks.manager.dataSource.options.type === 'postgres' ? 'postgres' : 'sqlite';
    const involving = involvingCondition('t', 'agencyId', agencyId, engine);
    return this.tasks
      .createQueryBuilder('t')
      .leftJoin('t.leadAgency', 'la')
      .addSelect(['la.id', 'la.code', 'la.name'])
      .where('t.status IN (:...open)', { open: [...OPEN_STATUSES] })
      .andWhere('t.effectiveDueDate IS NOT NULL')
      .andWhere(involving.sql, involving.params)
      .orderBy('t.effectiveDueDate', 'ASC')
      .addOrderBy('t.id', 'ASC')
      .getMany();
  }
}
