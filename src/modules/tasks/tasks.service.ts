import { ConflictException, ForbiddenException, HttpStatus, Injectable, NotFoundException } from '@nestjs/common';
import { fieldLabel } from 'src/core/http/field-labels';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, In, Repository, SelectQueryBuilder } from 'typeorm';
import { isUniqueViolation } from 'src/core/database/db-errors';
import { likeContains } from 'src/core/database/like';
import { DomainError } from 'src/core/http/domain-error';
import { foldVietnamese } from 'src/core/text/vietnamese';
import { AgenciesService, AgencyState } from 'src/modules/agencies/agencies.service';
import { Agency } from 'src/modules/agencies/agency.entity';
import { ProgramsService } from 'src/modules/programs/programs.service';
import { AuthUser } from 'src/modules/auth/auth.decorators';
import { CalendarService } from 'src/modules/calendar/calendar.service';
import { ACCEPTED_DATE_MESSAGE, LocalDate, formatVietnameseDate, isAcceptedLocalDate } from 'src/core/time/local-date';
import { UserRole } from 'src/modules/users/user-role.enum';
import { BulkTaskActionDto, BulkTaskResultDto } from './dto/bulk-task-action.dto';
import { CreateTaskDto, MAX_ID } from './dto/create-task.dto';
import { DEFAULT_PAGE_LIMIT } from 'src/core/http/pagination';
import { ListTasksQuery, TaskSort } from './dto/list-tasks.query.dto';
import { AGENCY_EDITABLE_FIELDS, UpdateTaskDto } from './dto/update-task.dto';
import { unavailability } from 'src/modules/agencies/agency-availability';
import { findCoordinatingAgencies } from './task-agencies.lookup';
import { TaskHistoryAction } from './task-history.entity';
import { HistoryEntry, TaskActor, TaskHistoryService } from './task-history.service';
import { assignedByCondition, involvingCondition, leaderCondition, notDoneBeforeCondition, submittedCondition, timelinessCondition } from './task-query';
import { reminderFloor } from 'src/modules/reminders/reminder-points';
import { taskSearchText } from './task-search';
import { buildTaskRow, NewTaskInput } from './task-row';
import { TaskTransactions } from './task-transactions';
import { NotificationsService } from 'src/modules/notifications/notifications.service';
import { taskReassignedMessage, taskReopenedMessage } from 'src/modules/notifications/notification-messages';
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

export type { NewTaskInput } from './task-row';

export interface CreateManyOptions {
  /** History action of the new rows: create (default) or import. */
  action?: TaskHistoryAction;
  comment?: string | null;
  /** Accept merged or closed agencies (an importer loading a past program). Default false. */
  allowInactiveAgencies?: boolean;
  /** Prefix of field names in errors, e.g. (i) => `rows.${i}.`; default `${i}.`. */
  fieldPrefix?: (index: number) => string;
}

export interface TaskPage {
  items: Task[];
  total: number;
  page: number;
  limit: number;
  asOf: LocalDate;
}

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
/** What a task's reminder points depend on (its policy comes with its program): a change resets tasks.nextReminderOn. */
const REMINDER_FIELDS: (keyof Task)[] = ['effectiveDueDate', 'status', 'assignedAt', 'programId'];

export const TASK_NOT_FOUND = 'Không tìm thấy nhiệm vụ';
export const STALE_VERSION = 'Nhiệm vụ đã được người khác cập nhật; vui lòng tải lại rồi thực hiện lại thay đổi';

export function actorOf(user: AuthUser): TaskActor {
  return { id: user.id, name: user.fullName };
}

function isOffice(user: AuthUser): boolean {
  return user.role === UserRole.Office || user.role === UserRole.Admin;
}

function invalid(problems: FieldProblem[], status: HttpStatus = HttpStatus.BAD_REQUEST): DomainError {
  const message = problems.length === 1 ? problems[0].message.replace(/^[\w.[\]]+: /, '') : 'Dữ liệu không hợp lệ';
  return new DomainError(message.charAt(0).toUpperCase() + message.slice(1), status, problems);
}

/** A new task's submission date: a submitted one's as given, a done one's as given or its completion date. */
function sameIds(a: number[], b: number[]): boolean {
  return a.length === b.length && [...a].sort((x, y) => x - y).every((v, i) => v === [...b].sort((x, y) => x - y)[i]);
}

@Injectable()
export class TasksService {
  constructor(
    @InjectRepository(Task) private readonly tasks: Repository<Task>,
    private readonly calendar: CalendarService,
    private readonly history: TaskHistoryService,
    private readonly tx: TaskTransactions,
    private readonly notifications: NotificationsService,
    private readonly agencyDirectory: AgenciesService,
    private readonly programs: ProgramsService,
  ) {}

  /** Code and title of each task, for lists that name tasks (the mail log); unknown ids are left out. */
  async refsOf(ids: number[]): Promise<Map<number, { code: string | null; title: string }>> {
    const out = new Map<number, { code: string | null; title: string }>();
    const unique = [...new Set(ids)];
    for (let i = 0; i < unique.length; i += 500) {
      const rows = await this.tasks.find({ select: { id: true, code: true, title: true }, where: { id: In(unique.slice(i, i + 500)) } });
      for (const r of rows) out.set(r.id, { code: r.code, title: r.title });
    }
    return out;
  }

  today(): LocalDate {
    return this.calendar.today();
  }

  // ── create ──────────────────────────────────────────────────────────────────────────────

  async create(dto: CreateTaskDto, user: AuthUser): Promise<Task> {
    return this.tx.run(undefined, async (m) => {
      const [created] = await this.createMany(m, [dto], actorOf(user), { fieldPrefix: () => '' });
      return this.getLoaded(m, created.id);
    });
  }

  /**
   * Creates tasks in the caller's transaction (`manager`) or in a new one: all or nothing. Checks
   * what POST /api/tasks checks, writes effectiveDueDate and searchText, and one history row per task.
   */
  async createMany(
    manager: EntityManager | undefined,
    inputs: NewTaskInput[],
    actor: TaskActor | null,
    opts: CreateManyOptions = {},
  ): Promise<Task[]> {
    if (inputs.length === 0) return [];
    return this.tx.run(manager, async (m) => {
      const prefix = opts.fieldPrefix ?? ((i: number) => `${i}.`);
      const today = this.calendar.today();
      const agencies = await this.agencyDirectory.findStates(
        inputs.flatMap((t) => [t.leadAgencyId, ...(t.coordinatingAgencyIds ?? [])]),
        m,
      );
      const programs = await this.programs.existingIds(
        inputs.flatMap((t) => (t.programId ? [t.programId] : [])),
        m,
      );
      const problems: FieldProblem[] = [];
      inputs.forEach((input, i) => {
        for (const p of this.checkNew(input, today, agencies, programs, !!opts.allowInactiveAgencies))
          problems.push({ field: prefix(i) + p.field, message: prefix(i) + p.message });
      });
      if (problems.length) throw invalid(problems);
      await this.checkCodesFree(m, inputs, prefix);

      const working = await this.calendar.working();
      const entities = inputs.map((input) =>
        m.create(Task, {
          ...buildTaskRow({ ...input, programId: input.programId ?? null, code: input.code ?? null, assignedAt: input.assignedAt ?? today, createdById: actor?.id ?? null }, working),
          coordinatingAgencies: [...new Set(input.coordinatingAgencyIds ?? [])].map((id) => ({ id }) as Agency),
        }),
      );
      let saved: Task[];
      try {
        saved = await m.save(Task, entities, { chunk: 100 });
      } catch (e) {
        if (isUniqueViolation(e)) throw new ConflictException('Mã nhiệm vụ đã tồn tại trong chương trình');
        throw e;
      }
      await this.history.record(
        m,
        actor ?? { id: null, name: null },
        saved.map((t) => ({
          taskId: t.id,
          action: opts.action ?? TaskHistoryAction.Create,
          comment: opts.comment ?? null,
        })),
      );
      return saved;
    });
  }

  private checkNew(
    input: NewTaskInput,
    today: LocalDate,
    agencies: Map<number, AgencyState>,
    programs: Set<number>,
    allowInactive: boolean,
  ): FieldProblem[] {
    const problems: FieldProblem[] = [];
    if (typeof input.title !== 'string' || !input.title.trim())
      problems.push({ field: 'title', message: 'title: không được để trống' });
    const assignedAt = input.assignedAt ?? today;
    if (!isAcceptedLocalDate(assignedAt)) problems.push({ field: 'assignedAt', message: `Ngày giao: ${ACCEPTED_DATE_MESSAGE}` });
    if (input.dueDate !== null && !isAcceptedLocalDate(input.dueDate))
      problems.push({ field: 'dueDate', message: `Thời hạn: ${ACCEPTED_DATE_MESSAGE}` });
    if (problems.length) return problems;
    const due = dueDateProblem(assignedAt, input.dueDate);
    if (due) problems.push(due);
    const coordinating = input.coordinatingAgencyIds ?? [];
    const mustBeActive = allowInactive ? [] : [input.leadAgencyId, ...coordinating];
    problems.push(...this.agencyProblems(input.leadAgencyId, coordinating, agencies, mustBeActive, assignedAt));
    if (input.programId && !programs.has(input.programId)) {
      problems.push({
        field: 'programId',
        message: `programId: không tìm thấy chương trình có mã định danh ${input.programId}`,
      });
    }
    const status = input.status ?? TaskStatus.New;
    if (status === TaskStatus.Done) {
      if (!input.completedAt)
        problems.push({ field: 'completedAt', message: 'completedAt: bắt buộc với nhiệm vụ đã hoàn thành' });
      else {
        problems.push(
          ...completionProblems({
            kind: input.kind,
            assignedAt,
            completedAt: input.completedAt,
            resultDocument: input.resultDocument ?? null,
            progress: 100,
            today,
          }),
        );
      }
    }
    return problems;
  }

  /**
   * The lead and coordinating agencies exist, differ, and those newly assigned (`mustBeActive`) exist
   * on the task's assignment date — the importer's rule (agency-availability.ts): a task of a past
   * year may name that year's agencies; an agency merged before the date is refused, its successor named.
   */
  private agencyProblems(
    leadAgencyId: number,
    coordinating: number[],
    agencies: Map<number, AgencyState>,
    mustBeActive: number[],
    assignedAt: LocalDate,
  ): FieldProblem[] {
    const why = (a: AgencyState) => unavailability(a, assignedAt, (id) => agencies.get(id))?.message ?? null;
    const problems: FieldProblem[] = [];
    const lead = agencies.get(leadAgencyId);
    if (!lead) {
      problems.push({
        field: 'leadAgencyId',
        message: `leadAgencyId: không tìm thấy cơ quan, đơn vị có mã định danh ${leadAgencyId}`,
      });
    } else if (mustBeActive.includes(leadAgencyId) && why(lead)) {
      problems.push({ field: 'leadAgencyId', message: `leadAgencyId: ${why(lead)}` });
    }
    const missing = coordinating.filter((id) => !agencies.has(id));
    if (missing.length) {
      problems.push({
        field: 'coordinatingAgencyIds',
        message: `coordinatingAgencyIds: không tìm thấy cơ quan, đơn vị có mã định danh ${missing.join(', ')}`,
      });
    }
    const closed = coordinating.filter((id) => agencies.has(id) && mustBeActive.includes(id) && why(agencies.get(id)!));
    if (closed.length) {
      problems.push({
        field: 'coordinatingAgencyIds',
        message: `coordinatingAgencyIds: ${closed.map((id) => why(agencies.get(id)!)).join('; ')}`,
      });
    }
    if (coordinating.includes(leadAgencyId)) {
      problems.push({
        field: 'coordinatingAgencyIds',
        message: 'coordinatingAgencyIds: cơ quan chủ trì không được đồng thời là cơ quan phối hợp',
      });
    }
    return problems;
  }

  /** (programId, code) is unique; say so as a 409 before the index does. */
  private async checkCodesFree(
    m: EntityManager,
    inputs: NewTaskInput[],
    prefix: (i: number) => string,
    exceptTaskId?: number,
  ): Promise<void> {
    const seen = new Map<string, number>();
    for (const [i, t] of inputs.entries()) {
      if (!t.programId || !t.code) continue;
      const key = `${t.programId}|${t.code}`;
      const clash = seen.has(key)
        ? true
        : await m
            .createQueryBuilder(Task, 't')
            .where('t.programId = :programId AND t.code = :code', { programId: t.programId, code: t.code })
            .andWhere(exceptTaskId ? 't.id <> :exceptTaskId' : '1=1', { exceptTaskId })
            .getExists();
      if (clash) {
        throw new DomainError(`Mã nhiệm vụ "${t.code}" đã tồn tại trong chương trình`, HttpStatus.CONFLICT, [
          {
            field: `${prefix(i)}code`,
            message: `${prefix(i)}code: mã "${t.code}" đã được dùng cho nhiệm vụ khác của chương trình`,
          },
        ]);
      }
      seen.set(key, i);
    }
  }

  // ── read ────────────────────────────────────────────────────────────────────────────────

  /** The task as `user` may see it: 404 when it does not exist or is outside the user's agency. */
  async get(id: number, user: AuthUser): Promise<Task> {
    const task = await this.getLoaded(this.tasks.manager, id);
    if (!this.canRead(task, user)) throw new NotFoundException(TASK_NOT_FOUND);
    return task;
  }

  /** With lead and coordinating agencies; 404 when missing. */
  async getLoaded(m: EntityManager, id: number): Promise<Task> {
    if (!Number.isSafeInteger(id) || id < 1 || id > MAX_ID) throw new NotFoundException(TASK_NOT_FOUND);
    const task = await m
      .createQueryBuilder(Task, 't')
      .leftJoin('t.leadAgency', 'la')
      .addSelect(['la.id', 'la.code', 'la.name'])
      .where('t.id = :id', { id })
      .getOne();
    if (!task) throw new NotFoundException(TASK_NOT_FOUND);
    task.coordinatingAgencies = ((await findCoordinatingAgencies(m, [id])).get(id) ?? []) as Agency[];
    return task;
  }

  canRead(task: Task, user: AuthUser): boolean {
    if (user.role !== UserRole.Agency) return true;
    return (
      user.agencyId !== null &&
      (task.leadAgencyId === user.agencyId || (task.coordinatingAgencies ?? []).some((a) => a.id === user.agencyId))
    );
  }

  /**
   * For a change: office and admin may change any task; an agency user only the tasks its agency
   * leads (coordinating → 403, anything else → 404, so existence is not revealed).
   */
  assertCanChange(task: Task, user: AuthUser): void {
    if (!this.canRead(task, user)) throw new NotFoundException(TASK_NOT_FOUND);
    if (user.role === UserRole.Agency && task.leadAgencyId !== user.agencyId) {
      throw new ForbiddenException('Cơ quan phối hợp chỉ được xem nhiệm vụ; chỉ cơ quan chủ trì được cập nhật');
    }
  }

  async list(q: ListTasksQuery, user: AuthUser): Promise<TaskPage> {
    const asOf = q.asOf ?? this.calendar.today();
    const page = q.page ?? 1;
    const limit = q.limit ?? DEFAULT_PAGE_LIMIT;
    this.checkDueRange(q);
    const qb = this.tasks.createQueryBuilder('t');
    this.applyFilters(qb, q, user, asOf);
    // The page's ids first, from the filters alone (the planner then walks the filters' indexes; with
    // the agency join in the same statement SQLite chose to scan every past-due task of the
    // province), then those rows with their agencies. A short first page is its own total.
    const offset = (page - 1) * limit;
    const ordered = this.applySort(qb.clone().select('t.id', 'id'), q.sort ?? 'dueDate');
    const ids = (await ordered.offset(offset).limit(limit).getRawMany<{ id: number | string }>()).map((r) =>
      Number(r.id),
    );
    const total = page === 1 && ids.length < limit ? ids.length : await qb.getCount();
    return { items: await this.loadInOrder(ids), total, page, limit, asOf };
  }

  /** Every "lãnh đạo phụ trách" written on a task (the dashboard's view per leader), alphabetical. */
  async leaders(): Promise<string[]> {
    const rows = await this.tasks
      .createQueryBuilder('t')
      .select('DISTINCT t.leaderInCharge', 'leader')
      .where('t.leaderInCharge IS NOT NULL')
      .getRawMany<{ leader: string }>();
    return rows.map((r) => r.leader.trim()).filter(Boolean).sort((a, b) => a.localeCompare(b, 'vi'));
  }

  /** The tasks of `ids` in that order, with their lead and coordinating agencies. */
  private async loadInOrder(ids: number[]): Promise<Task[]> {
    if (!ids.length) return [];
    const rows = await this.tasks
      .createQueryBuilder('t')
      .leftJoin('t.leadAgency', 'la')
      .addSelect(['la.id', 'la.code', 'la.name'])
      .whereInIds(ids)
      .getMany();
    const byId = new Map(rows.map((t) => [t.id, t]));
    const items = ids.map((id) => byId.get(id)).filter((t): t is Task => t !== undefined);
    const coordinating = await findCoordinatingAgencies(
      this.tasks.manager,
      items.map((t) => t.id),
    );
    for (const t of items) t.coordinatingAgencies = (coordinating.get(t.id) ?? []) as Agency[];
    return items;
  }

  /**
   * Exactly the filtered, sorted list (without paging), for the XLSX export: counted first so that a
   * list over `maxRows` is refused before anything is written, then read in batches.
   */
  async exportList(
    q: ListTasksQuery,
    user: AuthUser,
    maxRows: number,
  ): Promise<{ total: number; asOf: LocalDate; batches: () => AsyncGenerator<Task[]> }> {
    const asOf = q.asOf ?? this.calendar.today();
    this.checkDueRange(q);
    const qb = this.tasks.createQueryBuilder('t');
    this.applyFilters(qb, q, user, asOf);
    const total = await qb.getCount();
    if (total > maxRows) {
      const n = new Intl.NumberFormat('vi-VN');
      throw new DomainError(
        `Danh sách có ${n.format(total)} nhiệm vụ, vượt quá giới hạn ${n.format(maxRows)} dòng của một tệp xuất; hãy lọc bớt (theo cơ quan, chương trình, trạng thái hoặc thời hạn) rồi xuất lại`,
        HttpStatus.BAD_REQUEST,
        [{ field: 'limit', message: `limit: tối đa ${n.format(maxRows)} dòng mỗi tệp xuất` }],
      );
    }
    const ordered = this.applySort(qb.clone().select('t.id', 'id'), q.sort ?? 'dueDate');
    const loadInOrder = (ids: number[]) => this.loadInOrder(ids);
    async function* batches(): AsyncGenerator<Task[]> {
      const size = 1000;
      for (let offset = 0; offset < total; offset += size) {
        const ids = (await ordered.clone().offset(offset).limit(size).getRawMany<{ id: number | string }>()).map((r) => Number(r.id));
        if (!ids.length) return;
        yield await loadInOrder(ids);
      }
    }
    return { total, asOf, batches };
  }

  private checkDueRange(q: ListTasksQuery): void {
    if (q.dueFrom && q.dueTo && q.dueFrom > q.dueTo) {
      throw invalid([{ field: 'dueTo', message: `dueTo: không được trước ngày bắt đầu của khoảng thời hạn (${formatVietnameseDate(q.dueFrom)})` }]);
    }
  }

  private applyFilters(qb: SelectQueryBuilder<Task>, q: ListTasksQuery, user: AuthUser, asOf: LocalDate): void {
    if (user.role === UserRole.Agency) {
      const c = involvingCondition('t', 'visibleTo', user.agencyId ?? 0, this.tx.engine);
      qb.andWhere(c.sql, c.params);
    }
    if (q.programId) qb.andWhere('t.programId = :programId', { programId: q.programId });
    if (q.agencyId) qb.andWhere('t.leadAgencyId = :agencyId', { agencyId: q.agencyId });
    if (q.involvingAgencyId) {
      const c = involvingCondition('t', 'involving', q.involvingAgencyId, this.tx.engine);
      qb.andWhere(c.sql, c.params);
    }
    if (q.status?.length) qb.andWhere('t.status IN (:...statuses)', { statuses: [...new Set(q.status)] });
    if (q.timeliness) {
      const c = timelinessCondition('t', q.timeliness, asOf);
      qb.andWhere(c.sql, c.params);
    }
    if (q.dueFrom) qb.andWhere('t.effectiveDueDate >= :dueFrom', { dueFrom: q.dueFrom });
    if (q.dueTo) qb.andWhere('t.effectiveDueDate <= :dueTo', { dueTo: q.dueTo });
    const folded = q.q ? foldVietnamese(q.q) : '';
    if (folded) qb.andWhere("t.searchText LIKE :q ESCAPE '\\'", { q: likeContains(folded) });
    if (q.kind) qb.andWhere('t.kind = :kind', { kind: q.kind });
    if (q.origin) qb.andWhere('t.origin = :origin', { origin: q.origin });
    if (q.assignedFrom) qb.andWhere('t.assignedAt >= :assignedFrom', { assignedFrom: q.assignedFrom });
    if (q.assignedTo) {
      const c = assignedByCondition('t', q.assignedTo);
      qb.andWhere(c.sql, c.params);
    }
    if (q.notDoneBefore) {
      const c = notDoneBeforeCondition('t', q.notDoneBefore);
      qb.andWhere(c.sql, c.params);
    }
    if (q.submitted !== undefined) {
      const c = submittedCondition('t', asOf);
      // NOT of a NULL comparison would drop a row from both lists: not submitted is "not true".
      qb.andWhere(q.submitted ? c.sql : `(CASE WHEN ${c.sql} THEN 1 ELSE 0 END) = 0`, c.params);
    }
    if (q.leaderInCharge?.trim()) {
      const c = leaderCondition('t', q.leaderInCharge);
      qb.andWhere(c.sql, c.params);
    }
    if (q.sourceDocument?.trim())
      qb.andWhere("t.sourceDocument LIKE :source ESCAPE '\\'", { source: likeContains(q.sourceDocument.trim()) });
  }

  /** Tasks without a due date (or code) come last in either direction; id keeps pages stable. */
  private applySort(qb: SelectQueryBuilder<Task>, sort: TaskSort): SelectQueryBuilder<Task> {
    const desc = sort.startsWith('-');
    const dir = desc ? 'DESC' : 'ASC';
    switch (sort.replace(/^-/, '')) {
      case 'dueDate':
        qb.orderBy('t.effectiveDueDate', dir, 'NULLS LAST');
        break;
      case 'updatedAt':
        qb.orderBy('t.updatedAt', dir);
        break;
      case 'code':
        qb.orderBy('t.code', dir, 'NULLS LAST');
        break;
      case 'title':
        qb.orderBy('t.title', dir);
        break;
      case 'status':
        qb.orderBy('t.status', dir);
        break;
      case 'assignedAt':
        qb.orderBy('t.assignedAt', dir);
        break;
      case 'leaderInCharge':
        qb.orderBy('t.leaderInCharge', dir, 'NULLS LAST');
        break;
      case 'leadAgency':
        // The agency's name, through a scalar subquery: the page query stays on the tasks table.
        qb.addSelect('(SELECT "sa"."name" FROM "agencies" "sa" WHERE "sa"."id" = t.leadAgencyId)', 'lead_name').orderBy(
          'lead_name',
          dir,
        );
        break;
    }
    return qb.addOrderBy('t.id', dir);
  }

  // ── update ──────────────────────────────────────────────────────────────────────────────

  /**
   * PATCH: checks who may change what, the version (409 when stale, atomically), the lifecycle
   * rules, then writes the change and one history row per changed field.
   */
  async update(id: number, dto: UpdateTaskDto, user: AuthUser): Promise<Task> {
    let mailIds: number[] = [];
    const updated = await this.tx.run(undefined, async (m) => {
      const task = await this.getLoaded(m, id);
      this.assertCanChange(task, user);
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
      const changed = await this.applyChanges(m, task, changes, actorOf(user), {
        action: TaskHistoryAction.Update,
        comment: comment ?? null,
      });
      if (!changed.length) return task;
      const after = await this.getLoaded(m, id);
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
        return !task || !this.canRead(task, user) || !isOffice(user);
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
      problems.push(...this.agencyProblems(merged.leadAgencyId, coordinating, agencies, added, merged.assignedAt));
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
      await this.checkCodesFree(m, [{ ...merged, coordinatingAgencyIds: coordinating }], () => '', task.id);
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
    if (entries.length === 0) return [];

    if ('dueDate' in set) set.effectiveDueDate = await this.calendar.effectiveDueDate(set.dueDate ?? null);
    if (SEARCH_FIELDS.some((k) => k in set)) set.searchText = taskSearchText({ ...task, ...set });
    if (REMINDER_FIELDS.some((k) => k in set)) set.nextReminderOn = reminderFloor({ ...task, ...set });
    // The version moves even when only the coordinating agencies changed (TypeORM adds version + 1).
    const result = await m
      .createQueryBuilder()
      .update(Task)
      .set(set)
      .where('id = :id AND version = :version', { id: task.id, version: task.version })
      .execute();
    if (result.affected !== 1) throw new ConflictException(STALE_VERSION);
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
    await this.history.record(m, actor, entries);
    return entries.map((e) => e.field!);
  }

  /**
   * Loads a task for a change inside a transaction. On PostgreSQL the row is locked (FOR UPDATE)
   * so checks such as "one pending request of a type" cannot race; SQLite transactions are queued.
   */
  async loadForChange(m: EntityManager, id: number): Promise<Task> {
    if (this.tx.isPostgres && Number.isSafeInteger(id) && id >= 1 && id <= MAX_ID) {
      await m
        .createQueryBuilder(Task, 't')
        .select('t.id')
        .where('t.id = :id', { id })
        .setLock('pessimistic_write')
        .getOne();
    }
    return this.getLoaded(m, id);
  }

  /** History, newest first, for a task the user may read. */
  async listHistory(id: number, user: AuthUser) {
    await this.get(id, user);
    return this.history.list(id);
  }
}
