import { ConflictException, HttpStatus, Injectable, NotFoundException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, In, Repository, SelectQueryBuilder } from 'typeorm';
import { isUniqueViolation } from 'src/core/database/db-errors';
import { likeContains } from 'src/core/database/like';
import { DomainError } from 'src/core/http/domain-error';
import { AgenciesService, AgencyState } from 'src/modules/agencies/agencies.service';
import { Agency } from 'src/modules/agencies/agency.entity';
import { ProgramsService } from 'src/modules/programs/programs.service';
import { AuthUser } from 'src/modules/auth/auth.decorators';
import { CalendarService } from 'src/modules/calendar/calendar.service';
import { ACCEPTED_DATE_MESSAGE, LocalDate, formatVietnameseDate, isAcceptedLocalDate } from 'src/core/time/local-date';
import { UserRole } from 'src/modules/users/user-role.enum';
import { CreateTaskDto, MAX_ID } from './dto/create-task.dto';
import { DEFAULT_PAGE_LIMIT } from 'src/core/http/pagination';
import { ListTasksQuery, TaskSort } from './dto/list-tasks.query.dto';
import { findCoordinatingAgencies } from './task-agencies.lookup';
import { TaskHistoryAction } from './task-history.entity';
import { TaskActor, TaskHistoryService } from './task-history.service';
import { assignedByCondition, involvingCondition, leaderCondition, notDoneBeforeCondition, submittedCondition, textSearchCondition, timelinessCondition } from './task-query';
import { buildTaskRow, NewTaskInput } from './task-row';
import { TaskTransactions } from './task-transactions';
import { actorOf, canRead, TASK_NOT_FOUND } from './task-access.policy';
import { agencyProblems, checkCodesFree, invalid } from './task-rules';
import { completionProblems, dueDateProblem, FieldProblem } from './task-transitions';
import { Task } from './task.entity';
import { TaskStatus } from './task.enums';

export type { NewTaskInput } from './task-row';
export { TASK_NOT_FOUND } from './task-access.policy';

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

@Injectable()
export class TasksService {
  constructor(
    @InjectRepository(Task) private readonly tasks: Repository<Task>,
    private readonly calendar: CalendarService,
    private readonly history: TaskHistoryService,
    private readonly tx: TaskTransactions,
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
      await checkCodesFree(m, inputs, prefix);

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
    problems.push(...agencyProblems(input.leadAgencyId, coordinating, agencies, mustBeActive, assignedAt));
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

  // ── read ────────────────────────────────────────────────────────────────────────────────

  /** The task as `user` may see it: 404 when it does not exist or is outside the user's agency. */
  async get(id: number, user: AuthUser): Promise<Task> {
    const task = await this.getLoaded(this.tasks.manager, id);
    if (!canRead(task, user)) throw new NotFoundException(TASK_NOT_FOUND);
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
    const search = q.q ? textSearchCondition('t', q.q, this.tx.engine) : null;
    if (search) qb.andWhere(search.sql, search.params);
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

}
