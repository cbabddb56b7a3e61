import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { IN_AGENCY_HANDS } from 'src/modules/calendar/timeliness';
import { LocalDate } from 'src/core/time/local-date';
import { Task } from './task.entity';

/** Tasks that share a due date and their next reminder day, as the scan settles them. */
export interface ReminderDateGroup {
  effectiveDueDate: LocalDate | null;
  nextReminderOn: LocalDate | null;
  taskIds: number[];
}

const IDS_PER_STATEMENT = 500;

/**
 * The one writer of tasks.nextReminderOn besides the task writers (task-row.ts and
 * TasksService.applyChanges, which set reminderFloor): the reminder scan stores each judged task's
 * exact next point here, and a change of the reminder policies resets every task to the floor.
 * Plain UPDATEs on purpose: the day is the scan's bookkeeping, not a change of the task, so neither
 * its version (a person's PATCH would get a 409) nor updatedAt moves — which TypeORM's update builder
 * would do for an entity with @VersionColumn and @UpdateDateColumn.
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
    let updated = 0;
    for (const g of groups)
      for (let i = 0; i < g.taskIds.length; i += IDS_PER_STATEMENT) {
        const ids = g.taskIds.slice(i, i + IDS_PER_STATEMENT);
        // In the order of the statement's text (SQLite's ? are positional).
        const params: unknown[] = [g.nextReminderOn, asOf, ...(g.effectiveDueDate === null ? [] : [g.effectiveDueDate]), ...ids];
        const p = placeholders(m, params.length);
        const due = g.effectiveDueDate === null ? '"effectiveDueDate" IS NULL' : `"effectiveDueDate" = ${p[2]}`;
        const idList = p.slice(params.length - ids.length).join(', ');
        updated += await update(
          m,
          `UPDATE "tasks" SET "nextReminderOn" = ${p[0]} WHERE "nextReminderOn" <= ${p[1]} AND ${due} AND "id" IN (${idList})`,
          params,
        );
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
    const days = Math.trunc(leadDays);
    const floor =
      m.connection.options.type === 'postgres'
        ? `GREATEST("assignedAt", "effectiveDueDate" - ${days})`
        : `MAX("assignedAt", date("effectiveDueDate", '-${days} days'))`;
    const hands = IN_AGENCY_HANDS.map((s) => `'${s}'`).join(', ');
    return update(m, `UPDATE "tasks" SET "nextReminderOn" = ${floor} WHERE "status" IN (${hands}) AND "effectiveDueDate" IS NOT NULL`);
  }
}

/** Positional placeholders of the connection's driver: ? on SQLite, $1 … on PostgreSQL. */
function placeholders(m: EntityManager, n: number): string[] {
  const pg = m.connection.options.type === 'postgres';
  return Array.from({ length: n }, (_, i) => (pg ? `$${i + 1}` : '?'));
}

/** Runs an UPDATE and answers the rows it changed (the structured result of the manager's own query runner). */
async function update(m: EntityManager, sql: string, params: unknown[] = []): Promise<number> {
  if (!m.queryRunner) return m.transaction((tm) => update(tm, sql, params));
  const result = (await m.queryRunner.query(sql, params, true));
  return result.affected ?? 0;
}
