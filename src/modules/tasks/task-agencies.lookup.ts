import { EntityManager } from 'typeorm';
import { SqliteReadPool } from 'src/core/database/sqlite-read-pool';
import { AgencyRef } from 'src/modules/agencies/agencies.service';
import { Task } from './task.entity';

/**
 * Coordinating agencies of the given tasks, in one query: taskId → agencies. Read through the
 * task's own relation (task_coordinating_agencies belongs to the tasks module); the agencies
 * module's rows are only read for their names, never written here. With `reads` (outside a transaction), a reader
 * thread runs it on SQLite, its statement built once per number of tasks.
 */
export async function findCoordinatingAgencies(
  m: EntityManager,
  taskIds: number[],
  reads?: SqliteReadPool,
): Promise<Map<number, AgencyRef[]>> {
  const out = new Map<number, AgencyRef[]>();
  if (taskIds.length === 0) return out;
  const query = (ids: unknown[]) =>
    m
      .createQueryBuilder(Task, 't')
      .innerJoin('t.coordinatingAgencies', 'a')
      .select('t.id', 'taskId')
      .addSelect('a.id', 'id')
      .addSelect('a.code', 'code')
      .addSelect('a.name', 'name')
      .where('t.id IN (:...taskIds)', { taskIds: ids });
  type Row = { taskId: number | string; id: number | string; code: string; name: string };
  const rows = reads
    ? await reads.rawManyByParams<Row>('tasks.coordinating-agencies', taskIds, query)
    : await query(taskIds).getRawMany<Row>();
  for (const r of rows) {
    const taskId = Number(r.taskId);
    const list = out.get(taskId) ?? [];
    list.push({ id: Number(r.id), code: r.code, name: r.name });
    out.set(taskId, list);
  }
  return out;
}
