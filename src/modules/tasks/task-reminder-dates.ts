import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { LocalDate } from 'src/core/time/local-date';
import { placeholderList, valueTuples } from 'src/core/database/sql-params';
import { TaskReminderDay } from './task-reminder-day.entity';
import { reminderFloorSql, TASK_REMINDER_DAYS } from './task-reminder-days';

/** One task the scan judged: the due date it read, and its next reminder day. */
export interface ReminderDate {
  id: number;
  effectiveDueDate: LocalDate | null;
  nextReminderOn: LocalDate | null;
}

/** Rows per statement (three parameters each: well under both engines' limits). */
const ROWS_PER_STATEMENT = 1000;

/**
 * The one writer of task_reminder_days besides its triggers on tasks (task-reminder-days.ts, which set
 * the writers' floor): the reminder scan stores each judged task's exact next point here, and a
 * change of the reminder policies resets tasks to the floor. The task row itself is never written:
 * the day is the scan's bookkeeping, so neither the task's version nor updatedAt moves, and on
 * PostgreSQL no index of tasks gets an entry.
 */
@Injectable()
export class TaskReminderDates {
  constructor(@InjectRepository(TaskReminderDay) private readonly days: Repository<TaskReminderDay>) {}

  /**
   * Stores the next reminder day of tasks the scan judged as of `asOf` (null: none any more, the row
   * goes). A row changed since the scan read it (a new due date, or a status that set its day again
   * past `asOf` or removed it) keeps the writer's value: only rows still due by `asOf` with the same
   * due date are written. (On PostgreSQL a writer's trigger replaces the row, so a settle that waited
   * for its lock finds the old row gone and skips it.)
   */
  async settle(rows: ReminderDate[], asOf: LocalDate, manager?: EntityManager): Promise<number> {
    const m = manager ?? this.days.manager;
    const pg = m.connection.options.type === 'postgres';
    const asOfParam = pg ? '$1::date' : '?';
    const table = `"${TASK_REMINDER_DAYS}"`;
    const moved = rows.filter((r) => r.nextReminderOn !== null);
    const ended = rows.filter((r) => r.nextReminderOn === null);
    const guard = `${table}."day" <= ${asOfParam}`;
    let written = 0;
    if (pg) {
      // PostgreSQL: the whole list as three arrays, one statement each (a thousand-row VALUES
      // statement per chunk was parsed, planned and sent ~220 times a first scan at a million tasks).
      if (moved.length)
        written += await run(
          m,
          `UPDATE ${table} SET "day" = v.n FROM unnest($2::int[], $3::date[], $4::date[]) AS v(id, n, d) ` +
            `WHERE ${table}."taskId" = v.id AND ${table}."effectiveDueDate" = v.d AND ${guard}`,
          [asOf, moved.map((r) => r.id), moved.map((r) => r.nextReminderOn), moved.map((r) => r.effectiveDueDate)],
        );
      if (ended.length)
        written += await run(
          m,
          `DELETE FROM ${table} USING unnest($2::int[], $3::date[]) AS v(id, d) ` +
            `WHERE ${table}."taskId" = v.id AND ${table}."effectiveDueDate" = v.d AND ${guard}`,
          [asOf, ended.map((r) => r.id), ended.map((r) => r.effectiveDueDate)],
        );
      return written;
    }
    for (let i = 0; i < moved.length; i += ROWS_PER_STATEMENT) {
      const chunk = moved.slice(i, i + ROWS_PER_STATEMENT);
      // SQLite: one statement per chunk, a VALUES table joined on the primary key (UPDATE … FROM, SQLite ≥ 3.33).
      const values = valueTuples(pg, chunk.length, 3);
      const params = chunk.flatMap((r) => [r.id, r.nextReminderOn, r.effectiveDueDate]);
      const sql =
        `WITH v(id, n, d) AS (VALUES ${values}) UPDATE ${table} SET "day" = v.n FROM v ` +
        `WHERE ${table}."taskId" = v.id AND ${table}."effectiveDueDate" = v.d AND ${guard}`;
      written += await run(m, sql, [...params, asOf]);
    }
    for (let i = 0; i < ended.length; i += ROWS_PER_STATEMENT) {
      const chunk = ended.slice(i, i + ROWS_PER_STATEMENT);
      const values = valueTuples(pg, chunk.length, 2);
      const params = chunk.flatMap((r) => [r.id, r.effectiveDueDate]);
      const sql =
        `WITH v(id, d) AS (VALUES ${values}) DELETE FROM ${table} WHERE ${guard} ` +
        `AND EXISTS (SELECT 1 FROM v WHERE v.id = ${table}."taskId" AND v.d = ${table}."effectiveDueDate")`;
      written += await run(m, sql, [...params, asOf]);
    }
    return written;
  }

  /**
   * After a change of the reminder policies (or, given `taskIds`, for those tasks only: the points a
   * refused digest carried were freed): every task in the agency's hands with a due date — of
   * `programs`' scope when given — goes back to the writers' floor (reminderFloorSql), in one statement;
   * the next scan reads each once and stores its exact next point under the new policy. Answers the
   * rows written.
   */
  async resetToFloor(leadDays: number, manager?: EntityManager, taskIds?: number[], programs?: ProgramScope): Promise<number> {
    const m = manager ?? this.days.manager;
    const pg = m.connection.options.type === 'postgres';
    const floor = reminderFloorSql(pg, '', leadDays);
    const sql = (where: string) =>
      `INSERT INTO "${TASK_REMINDER_DAYS}" ("taskId", "day", "effectiveDueDate") ` +
      `SELECT "id", ${floor.day}, "effectiveDueDate" FROM "tasks" WHERE ${floor.when}${where} ` +
      `ON CONFLICT ("taskId") DO UPDATE SET "day" = excluded."day", "effectiveDueDate" = excluded."effectiveDueDate"`;
    // Program ids are integers from the database, written inline (a handful of overriding programs).
    const list = (ids: number[]) => ids.map((id) => String(Math.trunc(id))).join(', ');
    const scope = !programs
      ? ''
      : 'only' in programs
        ? programs.only.length ? ` AND "programId" IN (${list(programs.only)})` : ' AND 1 = 0'
        : programs.except.length ? ` AND ("programId" IS NULL OR "programId" NOT IN (${list(programs.except)}))` : '';
    if (!taskIds) return run(m, sql(scope));
    let written = 0;
    for (let i = 0; i < taskIds.length; i += ROWS_PER_STATEMENT) {
      const ids = taskIds.slice(i, i + ROWS_PER_STATEMENT);
      written += await run(m, sql(`${scope} AND "id" IN (${placeholderList(pg, ids.length)})`), ids);
    }
    return written;
  }
}

/** Tasks of these programs, or of no program and every other program. */
export type ProgramScope = { only: number[] } | { except: number[] };

/** Runs a write and answers the rows it changed (the structured result of the manager's own query runner). */
async function run(m: EntityManager, sql: string, params: unknown[] = []): Promise<number> {
  if (!m.queryRunner) return m.transaction((tm) => run(tm, sql, params));
  const result = await m.queryRunner.query(sql, params, true);
  return result.affected ?? 0;
}
