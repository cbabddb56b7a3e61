import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, ObjectLiteral, Repository, SelectQueryBuilder } from 'typeorm';
import { inAgencyHandsSql } from 'src/modules/calendar/timeliness.sql';
import { LocalDate } from 'src/core/time/local-date';
import { involvingCondition } from '../task-query';
import { Task } from '../task.entity';
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
   * The reminder scan's candidates: tasks whose nextReminderOn has come by `asOf` — an index range
   * (IDX_tasks_next_reminder), not every open task. The only condition, so that SQLite's planner has
   * no other index to prefer (a status condition made it read every open task by IDX_tasks_status_due);
   * the writers keep the day null outside the agency's hands, and the caller judges the status.
   * By lead agency, due date, id.
   */
  reminderCandidates(asOf: LocalDate): Promise<DeadlineTask[]> {
    return this.tasks
      .createQueryBuilder('t')
      .select(DEADLINE_SELECT.map((c) => `t.${c}`))
      .where('t.nextReminderOn <= :trAsOf', { trAsOf: asOf })
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
   * Joins the task of each row of `qb` (a query over the caller's own table) as `alias` ON `on`,
   * keeping the rows whose task is among reminderCandidates(asOf): the scan's recorded points of its
   * candidates, in one grouped query (the same single condition, for the same reason).
   */
  joinReminderCandidates<T extends ObjectLiteral>(
    qb: SelectQueryBuilder<T>,
    alias: string,
    on: string,
    asOf: LocalDate,
  ): SelectQueryBuilder<T> {
    return qb.innerJoin(Task, alias, on).andWhere(`${alias}.nextReminderOn <= :trAsOf`, { trAsOf: asOf });
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
