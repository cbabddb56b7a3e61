import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { TaskHistory, TaskHistoryAction } from './task-history.entity';

/** Who made a change; null id and name for the system (imports by CLI, merges). */
export interface TaskActor {
  id: number | null;
  name: string | null;
}

export const SYSTEM_ACTOR: TaskActor = { id: null, name: null };

export interface HistoryEntry {
  taskId: number;
  action: TaskHistoryAction;
  field?: string | null;
  from?: unknown;
  to?: unknown;
  comment?: string | null;
}

/** The columns a history row is written with, in the order record() gives them. */
const HISTORY_COLUMNS = ['taskId', 'userId', 'userName', 'action', 'field', 'fromValue', 'toValue', 'comment'] as const;

/** How a value is kept in the history: dates and text as they are, lists as "3,5,8". */
export function historyValue(v: unknown): string | null {
  if (v === null || v === undefined) return null;
  if (Array.isArray(v)) return v.map((x) => String(x)).join(',');
  if (v instanceof Date) return v.toISOString();
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return String(v);
  return JSON.stringify(v);
}

/** The append-only history of tasks: written in the caller's transaction, read newest first. */
@Injectable()
export class TaskHistoryService {
  constructor(@InjectRepository(TaskHistory) private readonly repo: Repository<TaskHistory>) {}

  /**
   * One multi-row INSERT per 200 entries, as plain SQL (the id and `at` come from the table's
   * defaults): every task change writes here, and TypeORM's insert builder cost more of the API's
   * time than the insert itself (`npm run bench`, PATCH progress + history).
   */
  async record(m: EntityManager, actor: TaskActor, entries: HistoryEntry[]): Promise<void> {
    if (entries.length === 0) return;
    const postgres = m.connection.options.type === 'postgres';
    const table = m.connection.getMetadata(TaskHistory).tableName;
    for (let i = 0; i < entries.length; i += 200) {
      const params: unknown[] = [];
      const tuples = entries.slice(i, i + 200).map((e) => {
        const from = params.length;
        params.push(
          e.taskId,
          actor.id,
          actor.name,
          e.action,
          e.field ?? null,
          historyValue(e.from),
          historyValue(e.to),
          e.comment?.trim() ? e.comment : null,
        );
        return `(${HISTORY_COLUMNS.map((_, j) => (postgres ? `$${from + j + 1}` : '?')).join(', ')})`;
      });
      await m.query(`INSERT INTO "${table}" (${HISTORY_COLUMNS.map((c) => `"${c}"`).join(', ')}) VALUES ${tuples.join(', ')}`, params);
    }
  }

  /** Newest first; rows of one change share a timestamp and keep their order by id. */
  list(taskId: number, manager?: EntityManager): Promise<TaskHistory[]> {
    const repo = manager ? manager.getRepository(TaskHistory) : this.repo;
    return repo.find({ where: { taskId }, order: { at: 'DESC', id: 'DESC' } });
  }
}
