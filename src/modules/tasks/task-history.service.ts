import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { insertRows } from 'src/core/database/insert-rows';
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

/** How a value is kept in the history: dates and text as they are, lists as "3,5,8". */
export function historyValue(v: unknown): string | null {
  if (v === null || v === undefined) return null;
  if (Array.isArray(v)) return v.map((x) => String(x)).join(',');
  if (v instanceof Date) return v.toISOString();
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return String(v);
  return JSON.stringify(v);
}

/** The rows `record` writes (id and `at` come from the table's defaults); a blank comment is none. */
export function historyRows(actor: TaskActor, entries: HistoryEntry[]): Partial<TaskHistory>[] {
  return entries.map((e) => ({
    taskId: e.taskId,
    userId: actor.id,
    userName: actor.name,
    action: e.action,
    field: e.field ?? null,
    fromValue: historyValue(e.from),
    toValue: historyValue(e.to),
    comment: e.comment?.trim() ? e.comment : null,
  }));
}

/** The append-only history of tasks: written in the caller's transaction, read newest first. */
@Injectable()
export class TaskHistoryService {
  constructor(@InjectRepository(TaskHistory) private readonly repo: Repository<TaskHistory>) {}

  /** The history rows of `entries` by `actor`, in one multi-row INSERT (core/database/insert-rows) in `m`'s transaction. */
  async record(m: EntityManager, actor: TaskActor, entries: HistoryEntry[]): Promise<void> {
    await insertRows(m, TaskHistory, historyRows(actor, entries));
  }

  /** Newest first; rows of one change share a timestamp and keep their order by id. */
  list(taskId: number, manager?: EntityManager): Promise<TaskHistory[]> {
    const repo = manager ? manager.getRepository(TaskHistory) : this.repo;
    return repo.find({ where: { taskId }, order: { at: 'DESC', id: 'DESC' } });
  }
}
