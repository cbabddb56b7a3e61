import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { IN_AGENCY_HANDS } from 'src/modules/calendar/timeliness';
import { LocalDate } from 'src/core/time/local-date';
import { placeholderList, valueTuples } from 'src/core/database/sql-params';
import { Task } from './task.entity';

/** One task the scan judged: the due date it read, and its next reminder day. */
export interface ReminderDate {
  id: number;
  effectiveDueDate: LocalDate | null;
  nextReminderOn: LocalDate | null;
}

/** Rows per UPDATE (three parameters each: well under both engines' limits). */
const ROWS_PER_STATEMENT = 1000;

/**
 * The one writer of tasks.nextReminderOn besides the task writers (task-row.ts and
 * TaskChangesService.applyChanges, which set reminderFloor): the reminder scan stores each judged task's
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
  async settle(rows: ReminderDate[], asOf: LocalDate, manager?: EntityManager): Promise<number> {
    const m = manager ?? this.tasks.manager;
    const pg = m.connection.options.type === 'postgres';
    let updated = 0;
    for (let i = 0; i < rows.length; i += ROWS_PER_STATEMENT) {
      const chunk = rows.slice(i, i + ROWS_PER_STATEMENT);
      // One statement per chunk: a VALUES table joined on the primary key (UPDATE … FROM, SQLite ≥ 3.33).
      const values = valueTuples(pg, chunk.length, 3, 2, ['int', 'date', 'date']);
      const params = chunk.flatMap((r) => [r.id, r.nextReminderOn, r.effectiveDueDate]);
      const sameDue = pg ? '"tasks"."effectiveDueDate" IS NOT DISTINCT FROM v.d' : '"tasks"."effectiveDueDate" IS v.d';
      const sql = pg
        ? `WITH v(id, n, d) AS (VALUES ${values}) UPDATE "tasks" SET "nextReminderOn" = v.n FROM v WHERE "tasks"."id" = v.id AND ${sameDue} AND "tasks"."nextReminderOn" <= $1::date`
        : `WITH v(id, n, d) AS (VALUES ${values}) UPDATE "tasks" SET "nextReminderOn" = v.n FROM v WHERE "tasks"."id" = v.id AND ${sameDue} AND "tasks"."nextReminderOn" <= ?`;
      updated += await update(m, sql, pg ? [asOf, ...params] : [...params, asOf]);
    }
    return updated;
  }

  /**
   * After a change of the reminder policies (or, given `taskIds`, for those tasks only: the points a
   * refused digest carried were freed): every task in the agency's hands with a due date goes
   * back to reminderFloor (the later of assignedAt and the due date minus MAX_REMINDER_LEAD_DAYS), in
   * one UPDATE; the next scan reads each once and stores its exact next point under the new policy.
   */
  async resetToFloor(leadDays: number, manager?: EntityManager, taskIds?: number[]): Promise<number> {
    const m = manager ?? this.tasks.manager;
    const pg = m.connection.options.type === 'postgres';
    const days = Math.trunc(leadDays);
    const floor = pg
      ? `GREATEST("assignedAt", "effectiveDueDate" - ${days})`
      : `MAX("assignedAt", date("effectiveDueDate", '-${days} days'))`;
    const hands = IN_AGENCY_HANDS.map((s) => `'${s}'`).join(', ');
    const sql = `UPDATE "tasks" SET "nextReminderOn" = ${floor} WHERE "status" IN (${hands}) AND "effectiveDueDate" IS NOT NULL`;
    if (!taskIds) return update(m, sql);
    let updated = 0;
    for (let i = 0; i < taskIds.length; i += ROWS_PER_STATEMENT) {
      const ids = taskIds.slice(i, i + ROWS_PER_STATEMENT);
      updated += await update(m, `${sql} AND "id" IN (${placeholderList(pg, ids.length)})`, ids);
    }
    return updated;
  }
}

/** Runs an UPDATE and answers the rows it changed (the structured result of the manager's own query runner). */
async function update(m: EntityManager, sql: string, params: unknown[] = []): Promise<number> {
  if (!m.queryRunner) return m.transaction((tm) => update(tm, sql, params));
  const result = (await m.queryRunner.query(sql, params, true));
  return result.affected ?? 0;
}
