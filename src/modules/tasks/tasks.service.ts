import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, In, Repository } from 'typeorm';
import { isUniqueViolation } from 'src/core/database/db-errors';
import { AgenciesService, AgencyState } from 'src/modules/agencies/agencies.service';
import { Agency } from 'src/modules/agencies/agency.entity';
import { ProgramsService } from 'src/modules/programs/programs.service';
import { AuthUser } from 'src/modules/auth/auth.decorators';
import { CalendarService } from 'src/modules/calendar/calendar.service';
import { ACCEPTED_DATE_MESSAGE, LocalDate, isAcceptedLocalDate } from 'src/core/time/local-date';
import { CreateTaskDto, MAX_ID } from './dto/create-task.dto';
import { findCoordinatingAgencies } from './task-agencies.lookup';
import { TaskHistoryAction } from './task-history.entity';
import { TaskActor, TaskHistoryService } from './task-history.service';
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

}
