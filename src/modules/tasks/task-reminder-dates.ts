import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, In, Repository } from 'typeorm';
import { inAgencyHandsSql } from 'src/modules/calendar/timeliness.sql';
import { LocalDate } from 'src/core/time/local-date';
import { Task } from './task.entity';

/** Tasks that share a due date and their next reminder day, as the scan settles them. */
export interface ReminderDateGroup {
  effectiveDueDate: LocalDate;
  nextReminderOn: LocalDate | null;
  taskIds: number[];
}

const IDS_PER_STATEMENT = 500;

/**
 * The one writer of tasks.nextReminderOn besides the task writers (task-row.ts and
 * TasksService.applyChanges, which set reminderFloor): the reminder scan stores each judged task's
 * exact next point here, and a change of the reminder policies resets every task to the floor.
 */
@Injectable()
export class TaskReminderDates {
  constructor(@InjectRepository(Task) private readonly tasks: Repository<Task>) {}

  /**
   * Stores the next reminder day of tasks the scan judged as of `asOf`. A row changed since the
   * scan read it (a new due date, or a status that set its day again past `asOf` or to null) keeps
   * the writer's value: only rows still due by `asOf` with the same due date are updated.
   */
  async settle(groups: ReminderDateGroup[], asOf: LocalDate, manager?: EntityManager): Promise<number> {
    const m = manager ?? this.tasks.manager;
    const e = (c: string) => m.connection.driver.escape(c);
    let updated = 0;
    for (const g of groups)
      for (let i = 0; i < g.taskIds.length; i += IDS_PER_STATEMENT) {
        const result = await m
          .createQueryBuilder()
          .update(Task)
          .set({ nextReminderOn: g.nextReminderOn })
          .where({ id: In(g.taskIds.slice(i, i + IDS_PER_STATEMENT)) })
          .andWhere(`${e('effectiveDueDate')} = :due AND ${e('nextReminderOn')} <= :asOf`, { due: g.effectiveDueDate, asOf })
          .execute();
        updated += result.affected ?? 0;
      }
    return updated;
  }

  /**
   * After a change of the reminder policies: every task in the agency's hands with a due date goes
   * back to reminderFloor (the later of assignedAt and the due date minus MAX_REMINDER_LEAD_DAYS), in
   * one UPDATE; the next scan reads each once and stores its exact next point under the new policy.
   */
  async resetToFloor(leadDays: number, manager?: EntityManager): Promise<number> {
    const m = manager ?? this.tasks.manager;
    const postgres = m.connection.options.type === 'postgres';
    const days = Math.trunc(leadDays);
    const floor = postgres
      ? `GREATEST("assignedAt", "effectiveDueDate" - ${days})`
      : `MAX("assignedAt", date("effectiveDueDate", '-${days} days'))`;
    const hands = inAgencyHandsSql('t');
    const result = await m
      .createQueryBuilder()
      .update(Task)
      .set({ nextReminderOn: () => floor })
      .where(hands.sql.replace(/^t\./, ''), hands.params)
      .andWhere('"effectiveDueDate" IS NOT NULL')
      .execute();
    return result.affected ?? 0;
  }
}
