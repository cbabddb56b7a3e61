import { ConflictException, HttpStatus, Injectable, NotFoundException } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { fieldLabel } from 'src/core/http/field-labels';
import { DomainError } from 'src/core/http/domain-error';
import { formatVietnameseDate, LocalDate } from 'src/core/time/local-date';
import { AgenciesService } from 'src/modules/agencies/agencies.service';
import { AuthUser } from 'src/modules/auth/auth.decorators';
import { CalendarService } from 'src/modules/calendar/calendar.service';
import { taskReassignedMessage, taskReopenedMessage } from 'src/modules/notifications/notification-messages';
import { NotificationsService } from 'src/modules/notifications/notifications.service';
import { ProgramsService } from 'src/modules/programs/programs.service';
import { UserRole } from 'src/modules/users/user-role.enum';
import { BulkTaskActionDto, BulkTaskResultDto } from './dto/bulk-task-action.dto';
import { MAX_ID } from './dto/create-task.dto';
import { AGENCY_EDITABLE_FIELDS, UpdateTaskDto } from './dto/update-task.dto';
import { actorOf, assertCanChange, canRead, isOffice, TASK_NOT_FOUND } from './task-access.policy';
import { TaskChangeStatements } from './task-change.statements';
import { TaskHistoryAction } from './task-history.entity';
import { HistoryEntry, historyRows, TaskActor, TaskHistoryService } from './task-history.service';
import { agencyProblems, checkCodesFree, invalid } from './task-rules';
import { taskSearchText } from './task-search';
import { TaskTransactions } from './task-transactions';
import {
  checkTransition,
  completionProblems,
  dueDateProblem,
  FieldProblem,
  isReopening,
  TASK_STATUS_LABELS,
  TransitionActor,
} from './task-transitions';
import { Task } from './task.entity';
import { TaskStatus } from './task.enums';
import { TasksService } from './tasks.service';

/** The writable columns of a task that a change may touch (plus the coordinating agencies). */
type TaskFields = Pick<
  Task,
  | 'title'
  | 'kind'
  | 'leadAgencyId'
  | 'dueDate'
  | 'assignedAt'
  | 'origin'
  | 'programId'
  | 'code'
  | 'description'
  | 'dueText'
  | 'extendedFromDate'
  | 'extendedFromText'
  | 'sourceDocument'
  | 'outputForm'
  | 'submitTo'
  | 'leaderInCharge'
  | 'status'
  | 'progress'
  | 'completedAt'
  | 'submittedAt'
  | 'resultDocument'
  | 'resultNumber'
  | 'resultIssuedAt'
  | 'resultSummary'
  | 'resultIssuer'
  | 'note'
>;
export type TaskChanges = Partial<TaskFields> & { coordinatingAgencyIds?: number[] };

/** Order of the history rows of one change (and of the fields compared): the agency's fields first. */
const CHANGE_FIELDS: (keyof TaskFields)[] = [
  ...AGENCY_EDITABLE_FIELDS,
  'title',
  'code',
  'description',
  'kind',
  'programId',
  'leadAgencyId',
  'assignedAt',
  'dueDate',
  'dueText',
  'extendedFromDate',
  'extendedFromText',
  'origin',
  'sourceDocument',
  'outputForm',
  'submitTo',
  'leaderInCharge',
];
/** Written with a change but not history rows of their own (the dueDate row already tells it). */
const DERIVED_FIELDS: (keyof TaskFields)[] = ['extendedFromDate', 'extendedFromText'];
const COMPLETION_FIELDS = ['completedAt', 'progress', 'resultDocument', 'resultNumber', 'kind', 'assignedAt'] as const;
const SEARCH_FIELDS: (keyof TaskFields)[] = ['code', 'title', 'description', 'sourceDocument', 'dueText'];

export const STALE_VERSION = 'Nhiệm vụ đã được người khác cập nhật; vui lòng tải lại rồi thực hiện lại thay đổi';

function sameIds(a: number[], b: number[]): boolean {
  return a.length === b.length && [...a].sort((x, y) => x - y).every((v, i) => v === [...b].sort((x, y) => x - y)[i]);
}

/**
 * The change path of tasks: PATCH, bulk actions, and the changes importers and approved requests make
 * (applyChanges). Every change is checked by the same rules (planUpdate), written as one conditional
 * UPDATE (409 STALE_VERSION when the version moved) with one history row per changed field, and
 * tells the agencies concerned (notifyChange) through the notification outbox.
 */
@Injectable()
export class TaskChangesService {
  constructor(
    private readonly tasks: TasksService,
    private readonly calendar: CalendarService,
    private readonly history: TaskHistoryService,
    private readonly tx: TaskTransactions,
    private readonly notifications: NotificationsService,
    private readonly agencyDirectory: AgenciesService,
    private readonly programs: ProgramsService,
  ) {}

  /**
   * PATCH: checks who may change what, the version (409 when stale, atomically), the lifecycle
   * rules, then writes the change and one history row per changed field.
   */
  async update(id: number, dto: UpdateTaskDto, user: AuthUser): Promise<Task> {
    let mailIds: number[] = [];
    const updated = await this.tx.run(undefined, async (m) => {
      const task = await this.load(m, id, false);
      assertCanChange(task, user);
      const { version, comment, ...fields } = dto;
      const given = Object.entries(fields).filter(([, v]) => v !== undefined) as [keyof UpdateTaskDto, unknown][];
      if (user.role === UserRole.Agency) {
        const refused = given.map(([k]) => k).filter((k) => !(AGENCY_EDITABLE_FIELDS as readonly string[]).includes(k));
        if (refused.length) {
          throw new DomainError(
            `Cơ quan chủ trì không được sửa ${refused.map((f) => `“${fieldLabel(f)}”`).join(', ')}; chỉ được cập nhật trạng thái, tiến độ, ngày hoàn thành, văn bản kết quả và ghi chú`,
            HttpStatus.FORBIDDEN,
            refused.map((f) => ({ field: f, message: `${f}: chỉ Văn phòng UBND tỉnh được sửa trường này` })),
          );
        }
      }
      if (task.version !== version) throw new ConflictException(STALE_VERSION);
      const changes = await this.planUpdate(m, task, dto, isOffice(user) ? 'office' : 'agency');
      const { after } = await this.write(m, task, changes, actorOf(user), { action: TaskHistoryAction.Update, comment: comment ?? null }, true);
      if (!after) return task;
      mailIds = await this.notifyChange(m, task, after, user, comment ?? null);
      return after;
    });
    await this.notifications.dispatch(mailIds);
    return updated;
  }

  /** A reopened task tells the agencies it concerns; a new lead agency tells the old and the new one. */
  private async notifyChange(m: EntityManager, before: Task, after: Task, user: AuthUser, comment: string | null): Promise<number[]> {
    const ref = { id: after.id, code: after.code, title: after.title, leadAgencyName: after.leadAgency?.name ?? `#${after.leadAgencyId}` };
    const ids: number[] = [];
    if (isReopening(before.status, after.status)) {
      const agencies = [after.leadAgencyId, ...(after.coordinatingAgencies ?? []).map((a) => a.id)];
      ids.push(
        ...(await this.notifications.notify(
          m,
          taskReopenedMessage({ task: ref, fromLabel: TASK_STATUS_LABELS[before.status], reason: comment ?? '', actorName: user.fullName }),
          await this.notifications.agencyUsers(agencies),
          user.id,
        )),
      );
    }
    if (before.leadAgencyId !== after.leadAgencyId) {
      ids.push(
        ...(await this.notifications.notify(
          m,
          taskReassignedMessage({
            task: ref,
            fromAgencyName: before.leadAgency?.name ?? `#${before.leadAgencyId}`,
            reason: comment,
            actorName: user.fullName,
          }),
          await this.notifications.agencyUsers([before.leadAgencyId, after.leadAgencyId]),
          user.id,
        )),
      );
    }
    return ids;
  }

  /**
   * One action over the selected tasks, in one transaction, all or nothing: every task must be one
   * the user may change with that action (else 403 naming them), and every change must pass the
   * rules PATCH applies (else 400 naming the task); only then is anything written, each change
   * with its history row (an extension keeps the reason).
   */
  bulk(dto: BulkTaskActionDto, user: AuthUser): Promise<BulkTaskResultDto> {
    return this.tx.run(undefined, async (m) => {
      const ids = [...new Set(dto.taskIds)];
      const found = new Map<number, Task>();
      for (const id of ids) {
        const task = await this.loadForChange(m, id).catch((e: unknown) => {
          if (e instanceof NotFoundException) return null;
          throw e;
        });
        if (task) found.set(id, task);
      }
      // Fields of all three actions are the office's: an agency user may change none of them, and
      // nobody may change a task they cannot see.
      const refused = ids.filter((id) => {
        const task = found.get(id);
        return !task || !canRead(task, user) || !isOffice(user);
      });
      if (refused.length) {
        throw new DomainError(
          `Bạn không được thay đổi ${refused.length} nhiệm vụ trong các nhiệm vụ đã chọn; không nhiệm vụ nào được thay đổi`,
          HttpStatus.FORBIDDEN,
          refused.map((id) => ({ field: `taskIds.${ids.indexOf(id)}`, message: `taskIds.${ids.indexOf(id)}: không được thay đổi nhiệm vụ ${id}` })),
        );
      }
      const problems: FieldProblem[] = [];
      const plans: { task: Task; changes: TaskChanges }[] = [];
      for (const [i, id] of ids.entries()) {
        const task = found.get(id)!;
        const patch: UpdateTaskDto = { version: task.version };
        if (dto.action === 'setLeader') patch.leaderInCharge = dto.leaderInCharge?.trim() || null;
        if (dto.action === 'extend') patch.dueDate = dto.dueDate!;
        if (dto.action === 'moveProgram') patch.programId = dto.programId!;
        try {
          plans.push({ task, changes: await this.planUpdate(m, task, patch, 'office') });
        } catch (e) {
          if (!(e instanceof DomainError)) throw e;
          const details = e.details.length ? e.details : [{ field: '', message: e.message }];
          for (const d of details) problems.push({ field: `taskIds.${i}`, message: `taskIds.${i} (nhiệm vụ ${id}): ${d.message}` });
        }
      }
      if (problems.length) {
        throw new DomainError(
          `${problems.length === 1 ? problems[0].message : 'Có nhiệm vụ không thực hiện được thao tác này'}; không nhiệm vụ nào được thay đổi`,
          HttpStatus.BAD_REQUEST,
          problems,
        );
      }
      let changed = 0;
      const comment = dto.reason?.trim() || null;
      for (const { task, changes } of plans) {
        const fields = await this.applyChanges(m, task, changes, actorOf(user), { action: TaskHistoryAction.Update, comment });
        if (fields.length) changed += 1;
      }
      return { action: dto.action, changed, unchanged: plans.length - changed };
    });
  }

  /** Turns a PATCH body into the resulting field values, refusing what the rules do not allow. */
  private async planUpdate(
    m: EntityManager,
    task: Task,
    dto: UpdateTaskDto,
    actor: TransitionActor,
  ): Promise<TaskChanges> {
    const next: TaskChanges = {};
    const copy = <K extends keyof TaskFields>(k: K) => {
      const v = (dto as Partial<TaskFields>)[k];
      if (v !== undefined) next[k] = v;
    };
    for (const k of CHANGE_FIELDS) copy(k);
    if (dto.coordinatingAgencyIds !== undefined) next.coordinatingAgencyIds = dto.coordinatingAgencyIds ?? [];

    const merged = { ...task, ...next };
    const coordinating = next.coordinatingAgencyIds ?? (task.coordinatingAgencies ?? []).map((a) => a.id);
    const problems: FieldProblem[] = [];

    if (next.leadAgencyId !== undefined || next.coordinatingAgencyIds !== undefined) {
      const agencies = await this.agencyDirectory.findStates([merged.leadAgencyId, ...coordinating], m);
      const before = (task.coordinatingAgencies ?? []).map((a) => a.id);
      const added = [
        ...(merged.leadAgencyId !== task.leadAgencyId ? [merged.leadAgencyId] : []),
        ...coordinating.filter((id) => !before.includes(id)),
      ];
      problems.push(...agencyProblems(merged.leadAgencyId, coordinating, agencies, added, merged.assignedAt));
    }
    if (next.programId) {
      const programs = await this.programs.existingIds([next.programId], m);
      if (!programs.has(next.programId))
        problems.push({
          field: 'programId',
          message: `programId: không tìm thấy chương trình có mã định danh ${next.programId}`,
        });
    }
    if (next.dueDate !== undefined || next.assignedAt !== undefined) {
      const due = dueDateProblem(merged.assignedAt, merged.dueDate);
      if (due) problems.push(due);
    }

    // Lifecycle.
    const from = task.status;
    const to = merged.status;
    if (to !== from) {
      const verdict = checkTransition(from, to, { actor, comment: dto.comment });
      if (!verdict.allowed)
        throw new DomainError(verdict.message, verdict.status, [
          { field: verdict.field, message: `${verdict.field}: ${verdict.message}` },
        ]);
    }
    const today = this.calendar.today();
    if (to === TaskStatus.Done) {
      if (from !== TaskStatus.Done) {
        next.completedAt = dto.completedAt ?? today;
        if (dto.progress === undefined) next.progress = 100;
      } else if (dto.completedAt === null) {
        problems.push({ field: 'completedAt', message: 'completedAt: nhiệm vụ đã hoàn thành phải có ngày hoàn thành' });
      }
      // Checked when the task becomes done or what completion depends on changes (not for a note).
      const touched = from !== TaskStatus.Done || COMPLETION_FIELDS.some((k) => dto[k] !== undefined);
      const completedAt = next.completedAt !== undefined ? next.completedAt : task.completedAt;
      if (touched && completedAt !== null) {
        problems.push(
          ...completionProblems({
            kind: merged.kind,
            assignedAt: merged.assignedAt,
            completedAt,
            // Either the free text or the structured số/ký hiệu names the document.
            resultDocument: merged.resultDocument?.trim() || merged.resultNumber?.trim() || null,
            progress: next.progress ?? task.progress,
            today,
          }),
        );
      }
    }
    problems.push(...this.planSubmittedAt(task, dto, next, today));
    if (to !== TaskStatus.Done) {
      if (dto.completedAt) {
        problems.push({
          field: 'completedAt',
          message: 'completedAt: chỉ ghi ngày hoàn thành khi nhiệm vụ chuyển sang "Đã hoàn thành"',
        });
      }
      // Reopened (done → in_progress): no longer completed.
      if (from === TaskStatus.Done) next.completedAt = null;
    }
    if (problems.length) throw invalid(problems);

    if ((next.programId !== undefined || next.code !== undefined) && merged.programId && merged.code) {
      await checkCodesFree(m, [{ ...merged, coordinatingAgencyIds: coordinating }], () => '', task.id);
    }
    return next;
  }

  /**
   * Ngày trình: set when the task becomes submitted (given, or today) or done without one (given, or
   * the completion date); cleared when it goes back to work; refused for any other status.
   */
  private planSubmittedAt(task: Task, dto: UpdateTaskDto, next: TaskChanges, today: LocalDate): FieldProblem[] {
    const to = next.status ?? task.status;
    const from = task.status;
    if (to !== TaskStatus.Submitted && to !== TaskStatus.Done) {
      if (dto.submittedAt)
        return [{ field: 'submittedAt', message: 'submittedAt: chỉ ghi ngày trình khi nhiệm vụ "Đã trình" hoặc "Đã hoàn thành"' }];
      if (task.submittedAt !== null && (to === TaskStatus.New || to === TaskStatus.InProgress)) next.submittedAt = null;
      return [];
    }
    if (dto.submittedAt === null)
      return [{ field: 'submittedAt', message: 'submittedAt: nhiệm vụ đã trình phải có ngày trình' }];
    let submittedAt = dto.submittedAt ?? task.submittedAt;
    if (!submittedAt && to !== from) submittedAt = to === TaskStatus.Done ? (next.completedAt ?? task.completedAt ?? today) : today;
    if (submittedAt && submittedAt !== task.submittedAt) next.submittedAt = submittedAt;
    if (!submittedAt || dto.submittedAt === undefined) return [];
    const problems: FieldProblem[] = [];
    const assignedAt = next.assignedAt ?? task.assignedAt;
    if (submittedAt > today)
      problems.push({ field: 'submittedAt', message: `submittedAt: ngày trình (${formatVietnameseDate(submittedAt)}) không được sau ngày hôm nay (${formatVietnameseDate(today)})` });
    if (submittedAt < assignedAt)
      problems.push({ field: 'submittedAt', message: `submittedAt: ngày trình (${formatVietnameseDate(submittedAt)}) không được trước ngày giao (${formatVietnameseDate(assignedAt)})` });
    return problems;
  }

  /**
   * Writes `changes` to `task` in `m`'s transaction: `UPDATE … WHERE id AND version` (409 when
   * someone else changed it meanwhile), the coordinating agencies, and one history row per changed
   * field. Returns the fields that changed (none: nothing written, version unchanged).
   */
  async applyChanges(
    m: EntityManager,
    task: Task,
    changes: TaskChanges,
    actor: TaskActor,
    opts: { action: TaskHistoryAction; comment: string | null },
  ): Promise<string[]> {
    return (await this.write(m, task, changes, actor, opts, false)).fields;
  }

  /**
   * applyChanges, also answering (`withTask`) the task as it now is (null when nothing changed). It is not read
   * back: the row is the task as loaded plus what was written, the version and updatedAt the UPDATE
   * returned; only a change of the lead or coordinating agencies reloads it (for their names).
   */
  private async write(
    m: EntityManager,
    task: Task,
    changes: TaskChanges,
    actor: TaskActor,
    opts: { action: TaskHistoryAction; comment: string | null },
    withTask: boolean,
  ): Promise<{ fields: string[]; after: Task | null }> {
    const set: Partial<Task> = {};
    const entries: HistoryEntry[] = [];
    for (const k of CHANGE_FIELDS) {
      if (!(k in changes) || changes[k] === undefined) continue;
      const before = task[k];
      const after = changes[k];
      if (before === after) continue;
      (set as Record<string, unknown>)[k] = after;
      if (DERIVED_FIELDS.includes(k)) continue;
      entries.push({ taskId: task.id, action: opts.action, field: k, from: before, to: after, comment: opts.comment });
    }
    const coordinatingBefore = (task.coordinatingAgencies ?? []).map((a) => a.id).sort((a, b) => a - b);
    const coordinatingAfter = changes.coordinatingAgencyIds
      ? [...new Set(changes.coordinatingAgencyIds)].sort((a, b) => a - b)
      : coordinatingBefore;
    const coordinatingChanged = !sameIds(coordinatingBefore, coordinatingAfter);
    if (coordinatingChanged) {
      entries.push({
        taskId: task.id,
        action: opts.action,
        field: 'coordinatingAgencyIds',
        from: coordinatingBefore,
        to: coordinatingAfter,
        comment: opts.comment,
      });
    }
    if (entries.length === 0) return { fields: [], after: null };

    if ('dueDate' in set) set.effectiveDueDate = await this.calendar.effectiveDueDate(set.dueDate ?? null);
    if (SEARCH_FIELDS.some((k) => k in set)) set.searchText = taskSearchText({ ...task, ...set });
    // The version moves even when only the coordinating agencies changed.
    // The history rides on the UPDATE (one statement on PostgreSQL), written only when the version matched.
    const updatedAt = await TaskChangeStatements.of(m).update(m, task.id, task.version, set, historyRows(actor, entries));
    if (!updatedAt) throw new ConflictException(STALE_VERSION);
    if (coordinatingChanged) {
      await m
        .createQueryBuilder()
        .relation(Task, 'coordinatingAgencies')
        .of(task.id)
        .addAndRemove(
          coordinatingAfter.filter((id) => !coordinatingBefore.includes(id)),
          coordinatingBefore.filter((id) => !coordinatingAfter.includes(id)),
        );
    }
    const fields = entries.map((e) => e.field!);
    if (!withTask) return { fields, after: null };
    if (coordinatingChanged || 'leadAgencyId' in set) return { fields, after: await this.load(m, task.id, false) };
    const after = Object.assign(new Task(), task, set, { version: task.version + 1, updatedAt });
    return { fields, after };
  }

  /**
   * Loads a task for a change inside a transaction. On PostgreSQL the row is locked (FOR UPDATE)
   * so checks such as "one pending request of a type" cannot race; SQLite transactions are queued.
   */
  loadForChange(m: EntityManager, id: number): Promise<Task> {
    return this.load(m, id, this.tx.isPostgres);
  }

  /** The task with its lead and coordinating agencies in one statement (locked: see loadForChange); 404 when missing. */
  private async load(m: EntityManager, id: number, lock: boolean): Promise<Task> {
    if (!Number.isSafeInteger(id) || id < 1 || id > MAX_ID) throw new NotFoundException(TASK_NOT_FOUND);
    const task = await TaskChangeStatements.of(m).load(m, id, lock);
    if (!task) throw new NotFoundException(TASK_NOT_FOUND);
    return task;
  }

  /** History, newest first, for a task the user may read. */
  async listHistory(id: number, user: AuthUser) {
    await this.tasks.get(id, user);
    return this.history.list(id);
  }
}
