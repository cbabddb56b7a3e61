import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, ObjectLiteral, Repository, SelectQueryBuilder } from 'typeorm';
import { inAgencyHandsSql } from 'src/modules/calendar/timeliness.sql';
import { LocalDate } from 'src/core/time/local-date';
import { involvingCondition } from '../task-query';
import { Task } from '../task.entity';
import { TaskReminderDay } from '../task-reminder-day.entity';
import { OPEN_STATUSES } from '../task.enums';

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
const DEADLINE_SELECT = Object.keys(DEADLINE_COLUMNS);

/**
 * The read model of deadlines, owned by the tasks module: what the reminder scan, "nhắc việc ngay",
 * the weekly summary and the agencies' calendar feeds read of tasks. Each is one query over the
 * indexed status / effective-due-date columns; nothing here writes.
 */
@Injectable()
export class TaskDeadlinesQuery {
  constructor(@InjectRepository(Task) private readonly tasks: Repository<Task>) {}

  /**
   * The reminder scan's candidates: tasks whose reminder day (task_reminder_days) has come by `asOf` —
   * an index range of that narrow table (IDX_task_reminder_days_day), each task joined by its primary
   * key, not every open task. The only condition, so that the planner has no index of tasks to prefer;
   * the triggers keep a row only while the task is in the agency's hands, and the caller judges the
   * status again. By lead agency, due date, id.
   */
  reminderCandidates(asOf: LocalDate): Promise<DeadlineTask[]> {
    return this.tasks
      .createQueryBuilder('t')
      .select(DEADLINE_SELECT.map((c) => `t.${c}`))
      .innerJoin(TaskReminderDay, 'rd', 'rd.taskId = t.id')
      .where('rd.day <= :trAsOf', { trAsOf: asOf })
      .orderBy('t.leadAgencyId', 'ASC')
      .addOrderBy('t.effectiveDueDate', 'ASC')
      .addOrderBy('t.id', 'ASC')
      .getMany();
  }

  /**
   * Tasks still in the agency's hands whose effective due date is before `asOf` (overdue in their
   * hands), of one lead agency or of all: by due date, id. The weekly summary and the công văn read it.
   */
  overdueInHands(asOf: LocalDate, leadAgencyId?: number): Promise<DeadlineTask[]> {
    const qb = this.inHands(this.tasks.createQueryBuilder('t'), 't')
      .select(DEADLINE_SELECT.map((c) => `t.${c}`))
      .andWhere('t.effectiveDueDate < :odAsOf', { odAsOf: asOf });
    if (leadAgencyId !== undefined) qb.andWhere('t.leadAgencyId = :odAgency', { odAgency: leadAgencyId });
    return qb.orderBy('t.effectiveDueDate', 'ASC').addOrderBy('t.id', 'ASC').getMany();
  }

  /** The tasks of these ids (those that exist). */
  byIds(ids: number[]): Promise<DeadlineTask[]> {
    return ids.length ? this.tasks.find({ select: DEADLINE_COLUMNS, where: { id: In(ids) } }) : Promise.resolve([]);
  }

  /**
   * Keeps the rows of `qb` (a query over the caller's own table) whose task is among
   * reminderCandidates(asOf) with the effective due date in `dueColumn`: the scan's recorded points of
   * its candidates for their current due date, in one grouped query over the same index range (the
   * narrow table carries the due date, so tasks is not read).
   */
  joinReminderCandidates<T extends ObjectLiteral>(
    qb: SelectQueryBuilder<T>,
    taskIdColumn: string,
    dueColumn: string,
    asOf: LocalDate,
  ): SelectQueryBuilder<T> {
    return qb
      .innerJoin(TaskReminderDay, 'rd', `rd.taskId = ${taskIdColumn} AND rd.effectiveDueDate = ${dueColumn}`)
      .andWhere('rd.day <= :trAsOf', { trAsOf: asOf });
  }

  /** Joins the task of each row of `qb` (a query over the caller's own table) as `alias` ON `on`. */
  joinTask<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, alias: string, on: string): SelectQueryBuilder<T> {
    return qb.innerJoin(Task, alias, on);
  }

  private inHands<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, alias: string): SelectQueryBuilder<T> {
    const hands = inAgencyHandsSql(alias);
    return qb.andWhere(hands.sql, hands.params);
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
