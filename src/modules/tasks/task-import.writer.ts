import { ConflictException, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, In, IsNull, Repository } from 'typeorm';
import { insertRows, insertRowsReturningIds } from 'src/core/database/insert-rows';
import { isUniqueViolation } from 'src/core/database/db-errors';
import { Agency } from 'src/modules/agencies/agency.entity';
import { CalendarService } from 'src/modules/calendar/calendar.service';
import { LocalDate } from 'src/core/time/local-date';
import { findCoordinatingAgencies } from './task-agencies.lookup';
import { TaskHistoryAction } from './task-history.entity';
import { HistoryEntry, TaskActor, TaskHistoryService } from './task-history.service';
import { buildTaskRow } from './task-row';
import { TaskTransactions } from './task-transactions';
import { Task } from './task.entity';
import { TaskKind, TaskOrigin, TaskStatus } from './task.enums';
import { TaskChanges, TaskChangesService } from './task-changes.service';

/** The fields of a program item that an import sets. */
export interface ImportedTaskFields {
  title: string;
  description: string | null;
  kind: TaskKind;
  leadAgencyId: number;
  coordinatingAgencyIds: number[];
  dueDate: LocalDate | null;
  dueText: string | null;
  outputForm: string | null;
  submitTo: string | null;
  leaderInCharge: string | null;
  sourceDocument: string | null;
}

export type ImportedField = keyof ImportedTaskFields;

/** One item of an imported program, already validated by the importer. */
export interface ImportedTask extends ImportedTaskFields {
  /** Item number within the program: the key that matches a re-imported item to its task. */
  code: string;
  /** Fields the file gives: only those are compared with (and written to) an existing task. */
  provided: ImportedField[];
}

export type ImportAction = 'create' | 'update' | 'unchanged';

export interface ImportPlanEntry {
  code: string;
  action: ImportAction;
  /** For an update: the fields that change. */
  changes: ImportedField[];
  taskId: number | null;
}

interface Existing {
  task: Task;
  coordinatingAgencyIds: number[];
}

const SCALAR_FIELDS: Exclude<ImportedField, 'coordinatingAgencyIds'>[] = [
  'title',
  'description',
  'kind',
  'leadAgencyId',
  'dueDate',
  'dueText',
  'outputForm',
  'submitTo',
  'leaderInCharge',
  'sourceDocument',
];

/** Every field an import may write (a new task takes them all). */
export const IMPORTED_FIELDS: ImportedField[] = [...SCALAR_FIELDS, 'coordinatingAgencyIds'];

function sameSet(a: number[], b: number[]): boolean {
  const x = [...new Set(a)].sort((p, q) => p - q);
  const y = [...new Set(b)].sort((p, q) => p - q);
  return x.length === y.length && x.every((v, i) => v === y[i]);
}

/** The fields of `item` that differ from the task (only those the file gives). */
export function importChanges(existing: Existing, item: ImportedTask): ImportedField[] {
  const changes: ImportedField[] = [];
  for (const f of SCALAR_FIELDS) {
    if (!item.provided.includes(f)) continue;
    if ((existing.task[f] ?? null) !== (item[f] ?? null)) changes.push(f);
  }
  if (
    item.provided.includes('coordinatingAgencyIds') &&
    !sameSet(existing.coordinatingAgencyIds, item.coordinatingAgencyIds)
  ) {
    changes.push('coordinatingAgencyIds');
  }
  return changes;
}

/**
 * Writes an imported program (imports module) in the tasks module: new items become tasks
 * (effective due date, search text, coordinating agencies, a history row `import`), changed items
 * are updated through TaskChangesService.applyChanges (one history row `import` per changed field, the
 * version moves), unchanged ones are left alone. Items are matched to tasks by program + code.
 * All in one transaction, queued with the module's other writes on SQLite (TaskTransactions).
 */
@Injectable()
export class TaskImportWriter {
  constructor(
    @InjectRepository(Task) private readonly repo: Repository<Task>,
    private readonly changes: TaskChangesService,
    private readonly history: TaskHistoryService,
    private readonly calendar: CalendarService,
    private readonly tx: TaskTransactions,
  ) {}

  /** The item codes of a program's tasks (the importer warns about tasks its file leaves out). */
  async codesInProgram(programId: number): Promise<(string | null)[]> {
    return (await this.repo.find({ select: { id: true, code: true }, where: { programId } })).map((t) => t.code);
  }

  /** What write() would do now (read only). */
  async plan(programId: number | null, items: ImportedTask[]): Promise<ImportPlanEntry[]> {
    const existing = await this.load(
      this.repo.manager,
      programId,
      items.map((i) => i.code),
    );
    return this.compare(existing, items);
  }

  /** Creates and updates the program's tasks; all or nothing. Returns what it did, item by item. */
  write(
    programId: number | null,
    items: ImportedTask[],
    opts: { assignedAt: LocalDate; actor: TaskActor; comment: string },
  ): Promise<ImportPlanEntry[]> {
    return this.tx.run(undefined, async (m) => {
      const existing = await this.load(
        m,
        programId,
        items.map((i) => i.code),
      );
      const plan = this.compare(existing, items);
      const creates = items.filter((_, i) => plan[i].action === 'create');
      const ids = await this.insert(m, programId, creates, opts);
      for (const [i, entry] of plan.entries()) {
        if (entry.action === 'create') entry.taskId = ids.get(entry.code) ?? null;
        if (entry.action !== 'update') continue;
        const { task, coordinatingAgencyIds } = existing.get(entry.code)!;
        task.coordinatingAgencies = coordinatingAgencyIds.map((id) => ({ id }) as Agency);
        const changes: TaskChanges = {};
        for (const f of entry.changes) (changes as Record<string, unknown>)[f] = items[i][f];
        await this.changes.applyChanges(m, task, changes, opts.actor, {
          action: TaskHistoryAction.Import,
          comment: opts.comment,
        });
      }
      return plan;
    });
  }

  private compare(existing: Map<string, Existing>, items: ImportedTask[]): ImportPlanEntry[] {
    return items.map((item) => {
      const found = existing.get(item.code);
      if (!found) return { code: item.code, action: 'create', changes: [], taskId: null };
      const changes = importChanges(found, item);
      return { code: item.code, action: changes.length ? 'update' : 'unchanged', changes, taskId: found.task.id };
    });
  }

  private async load(m: EntityManager, programId: number | null, codes: string[]): Promise<Map<string, Existing>> {
    const out = new Map<string, Existing>();
    const unique = [...new Set(codes)];
    for (let i = 0; i < unique.length; i += 500) {
      const rows = await m.find(Task, {
        where: { programId: programId ?? IsNull(), code: In(unique.slice(i, i + 500)) },
      });
      const coordinating = await findCoordinatingAgencies(
        m,
        rows.map((t) => t.id),
      );
      for (const t of rows)
        out.set(t.code!, { task: t, coordinatingAgencyIds: (coordinating.get(t.id) ?? []).map((a) => a.id) });
    }
    return out;
  }

  /** Bulk insert of new tasks, their coordinating agencies and history; returns code → id. */
  private async insert(
    m: EntityManager,
    programId: number | null,
    items: ImportedTask[],
    opts: { assignedAt: LocalDate; actor: TaskActor; comment: string },
  ): Promise<Map<string, number>> {
    const ids = new Map<string, number>();
    if (items.length === 0) return ids;
    const working = await this.calendar.working();
    const rows = items.map((i) => ({
      ...buildTaskRow({ ...i, programId, assignedAt: opts.assignedAt, origin: TaskOrigin.Initial, status: TaskStatus.New, createdById: opts.actor.id }, working),
      version: 1,
    }));
    let created: number[];
    try {
      created = await insertRowsReturningIds(m, Task, rows, 100);
    } catch (err) {
      if (isUniqueViolation(err))
        throw new ConflictException('Một mục của tệp vừa được nhập vào chương trình bởi người khác; vui lòng nhập lại');
      throw err;
    }
    items.forEach((item, k) => ids.set(item.code, created[k]));
    const links = items.flatMap((i) =>
      [...new Set(i.coordinatingAgencyIds)].map((agencyId) => ({ taskId: ids.get(i.code)!, agencyId })),
    );
    await insertRows(m, { table: 'task_coordinating_agencies', columns: ['taskId', 'agencyId'] }, links);
    const entries: HistoryEntry[] = items.map((i) => ({
      taskId: ids.get(i.code)!,
      action: TaskHistoryAction.Import,
      comment: opts.comment,
    }));
    await this.history.record(m, opts.actor, entries);
    return ids;
  }
}
