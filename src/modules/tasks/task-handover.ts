import { Injectable } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import { Agency } from 'src/modules/agencies/agency.entity';
import { TaskHistoryAction } from './task-history.entity';
import { HistoryEntry, TaskHistoryService } from './task-history.service';
import { Task } from './task.entity';
import { OPEN_STATUSES } from './task.enums';

/*
 * The tasks module's side of a merge of agencies (reorganisation module). A merge is one atomic
 * reorganisation: closing the old agency and handing its open tasks to the successor must commit or
 * fail together, in the transaction of ReorganisationService.merge, so this runs on the
 * EntityManager it is given. It touches nothing but what a merge changes (lead agency, coordinating
 * list, version/updatedAt) and appends history rows through TaskHistoryService (one per changed field).
 */

export interface HandoverActor {
  userId: number | null;
  userName: string | null;
}

export interface HandoverResult {
  /** Open tasks whose lead agency moved to the successor. */
  leadTaskIds: number[];
  /** Open tasks whose coordinating list changed. */
  coordinatingTaskIds: number[];
}

/** SQLite allows 999 bound parameters per statement in old builds; stay well under. */
const CHUNK = 400;

function chunks<T>(list: T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}

/** Coordinating lists are recorded in history as the tasks module does: sorted ids, "3,5,8" ('' for none). */
export function formatAgencyIds(ids: number[]): string {
  return [...ids].sort((a, b) => a - b).join(',');
}

/**
 * The coordinating list after `from` is replaced by `to`: no duplicates, and never the lead agency
 * (an agency that leads a task does not also coordinate it).
 */
export function replaceCoordinating(list: number[], from: number, to: number, leadId: number): number[] {
  return [...new Set(list.map((id) => (id === from ? to : id)))].filter((id) => id !== leadId);
}

/**
 * Hands the OPEN tasks (new, in_progress, submitted) of `from` to `to`: as lead agency, and in the
 * coordinating lists. Done, withdrawn and deferred tasks keep `from`, so past reports are unchanged.
 * Every changed task gets its version bumped and one history row (action `merge`) per changed field.
 */
@Injectable()
export class TaskHandover {
  constructor(private readonly history: TaskHistoryService) {}

  async handOverOpenTasks(
    m: EntityManager,
    args: { from: Agency; to: Agency; comment: string; actor: HandoverActor },
  ): Promise<HandoverResult> {
    const { from, to, comment, actor } = args;
    const open = [...OPEN_STATUSES];

    // On PostgreSQL the rows are locked so that a task cannot be closed between reading and moving it
    // (SQLite has one writer at a time anyway).
    const lock = m.connection.options.type === 'postgres' ? { mode: 'pessimistic_write' as const } : undefined;

    // 1. Lead agency.
    const leadTasks = await m.find(Task, {
      where: { leadAgencyId: from.id, status: In(open) },
      select: { id: true },
      order: { id: 'ASC' },
      lock,
    });
    const leadTaskIds = leadTasks.map((t) => t.id);
    for (const ids of chunks(leadTaskIds)) {
      await m
        .createQueryBuilder()
        .update(Task)
        .set({ leadAgencyId: to.id })
        .where({ id: In(ids) })
        .execute();
    }
    const history: HistoryEntry[] = leadTaskIds.map((taskId) => ({
      taskId,
      action: TaskHistoryAction.Merge,
      field: 'leadAgencyId',
      from: from.id,
      to: to.id,
      comment,
    }));

    // 2. Coordinating lists: open tasks where `from` coordinates, and handed-over tasks where `to` did
    // (it now leads them).
    const coordinating = await m
      .createQueryBuilder(Task, 't')
      .select('t.id')
      .innerJoin('t.coordinatingAgencies', 'ca')
      .where('t.status IN (:...open)', { open })
      .andWhere('ca.id IN (:...agencyIds)', { agencyIds: [from.id, to.id] })
      .getMany();
    const candidateIds = [...new Set(coordinating.map((t) => t.id))];
    const coordinatingTaskIds: number[] = [];
    for (const ids of chunks(candidateIds)) {
      const tasks = await m.find(Task, {
        where: { id: In(ids) },
        order: { id: 'ASC' },
        relations: { coordinatingAgencies: true },
        select: { id: true, leadAgencyId: true, coordinatingAgencies: { id: true } },
      });
      for (const task of tasks) {
        const before = (task.coordinatingAgencies ?? []).map((a) => a.id);
        const after = replaceCoordinating(before, from.id, to.id, task.leadAgencyId);
        const removed = before.filter((id) => !after.includes(id));
        const added = after.filter((id) => !before.includes(id));
        if (!removed.length && !added.length) continue;
        await m.createQueryBuilder().relation(Task, 'coordinatingAgencies').of(task.id).addAndRemove(added, removed);
        coordinatingTaskIds.push(task.id);
        history.push({
          taskId: task.id,
          action: TaskHistoryAction.Merge,
          field: 'coordinatingAgencyIds',
          from: formatAgencyIds(before),
          to: formatAgencyIds(after),
          comment,
        });
      }
    }
    // The join table is not a column of tasks: bump version/updatedAt of tasks changed only there.
    const moved = new Set(leadTaskIds);
    const onlyCoordinating = coordinatingTaskIds.filter((id) => !moved.has(id));
    for (const ids of chunks(onlyCoordinating)) {
      await m
        .createQueryBuilder()
        .update(Task)
        .set({ version: () => 'version + 1' })
        .where({ id: In(ids) })
        .execute();
    }

    await this.history.record(m, { id: actor.userId, name: actor.userName }, history);
    coordinatingTaskIds.sort((a, b) => a - b);
    return { leadTaskIds, coordinatingTaskIds };
  }

  /** The tasks of these ids, by id, in the caller's transaction (a merge preview reads them before rolling back). */
  briefs(m: EntityManager, ids: number[]): Promise<TaskBrief[]> {
    return taskBriefs(m, ids);
  }
}

/** A task as a merge preview lists it. */
export interface TaskBrief {
  id: number;
  code: string | null;
  title: string;
  dueDate: string | null;
  status: string;
}

async function taskBriefs(m: EntityManager, ids: number[]): Promise<TaskBrief[]> {
  if (ids.length === 0) return [];
  const rows = await m
    .createQueryBuilder(Task, 't')
    .select(['t.id', 't.code', 't.title', 't.effectiveDueDate', 't.status'])
    .whereInIds(ids)
    .orderBy('t.id')
    .getMany();
  return rows.map((t) => ({ id: t.id, code: t.code, title: t.title, dueDate: t.effectiveDueDate, status: t.status }));
}
