import { ConflictException, ForbiddenException, HttpStatus, Injectable, NotFoundException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { DomainError } from 'src/core/http/domain-error';
import { formatVietnameseDate } from 'src/core/time/local-date';
import { AuthUser } from 'src/modules/auth/auth.decorators';
import { requestCreatedMessage, requestDecidedMessage, TaskRef } from 'src/modules/notifications/notification-messages';
import { NotificationsService } from 'src/modules/notifications/notifications.service';
import { UsersService } from 'src/modules/users/users.service';
import { UserRole } from 'src/modules/users/user-role.enum';
import { MAX_ID } from './dto/create-task.dto';
import { CreateTaskRequestDto } from './dto/create-task-request.dto';
import { ListTaskRequestsQuery } from './dto/list-task-requests.query.dto';
import { DEFAULT_PAGE_LIMIT } from 'src/core/http/pagination';
import { TaskHistoryAction } from './task-history.entity';
import { TaskHistoryService } from './task-history.service';
import { TaskRequest, TaskRequestStatus, TaskRequestType } from './task-request.entity';
import { TaskTransactions } from './task-transactions';
import { isOpenStatus, TASK_STATUS_LABELS } from './task-transitions';
import { Task } from './task.entity';
import { TaskStatus } from './task.enums';
import { actorOf, canRead, canSeeRequests, isLeadAgencyUser } from './task-access.policy';
import { TaskChanges, TaskChangesService } from './task-changes.service';

export const REQUEST_TYPE_LABELS: Record<TaskRequestType, string> = {
  [TaskRequestType.Extension]: 'gia hạn',
  [TaskRequestType.Withdrawal]: 'xin rút',
  [TaskRequestType.Deferral]: 'xin chuyển sang kỳ sau',
};

const REQUEST_STATUS_LABELS: Record<TaskRequestStatus, string> = {
  [TaskRequestStatus.Pending]: 'đang chờ xử lý',
  [TaskRequestStatus.Approved]: 'đã được duyệt',
  [TaskRequestStatus.Rejected]: 'đã bị từ chối',
};

const REQUEST_NOT_FOUND = 'Không tìm thấy yêu cầu';

/** A task as notifications name it. */
export function taskRef(task: Task): TaskRef {
  return { id: task.id, code: task.code, title: task.title, leadAgencyName: task.leadAgency?.name ?? `#${task.leadAgencyId}` };
}

/** A request with the task it is about (lead agency loaded) and the names of the people involved. */
export interface LoadedTaskRequest {
  request: TaskRequest & { task: Task };
  users: Map<number, string>;
}

export interface TaskRequestPage {
  items: (TaskRequest & { task: Task })[];
  users: Map<number, string>;
  total: number;
  page: number;
  limit: number;
}

/**
 * Requests of the lead agency (extension, withdrawal, deferral) and the decisions of the office or
 * a leader. The request, the decision and the change it applies share a transaction and are all in
 * the task's history: `request` (field and values as asked), then `approve` (the change made) or
 * `reject` (what was refused).
 */
@Injectable()
export class TaskRequestsService {
  constructor(
    @InjectRepository(TaskRequest) private readonly requests: Repository<TaskRequest>,
    private readonly changes: TaskChangesService,
    private readonly history: TaskHistoryService,
    private readonly tx: TaskTransactions,
    private readonly notifications: NotificationsService,
    private readonly users: UsersService,
  ) {}

  /** The change a request asks for, as the history and the approval see it. */
  private requestedChange(
    r: Pick<TaskRequest, 'type' | 'proposedDueDate'>,
    task: Task,
  ): { field: string; from: unknown; to: unknown } {
    switch (r.type) {
      case TaskRequestType.Extension:
        return { field: 'dueDate', from: task.dueDate, to: r.proposedDueDate };
      case TaskRequestType.Withdrawal:
        return { field: 'status', from: task.status, to: TaskStatus.Withdrawn };
      case TaskRequestType.Deferral:
        return { field: 'status', from: task.status, to: TaskStatus.Deferred };
    }
  }

  async create(taskId: number, dto: CreateTaskRequestDto, user: AuthUser): Promise<LoadedTaskRequest> {
    let mailIds: number[] = [];
    const id = await this.tx.run(undefined, async (m) => {
      const task = await this.changes.loadForChange(m, taskId);
      if (!canRead(task, user)) throw new NotFoundException('Không tìm thấy nhiệm vụ');
      if (!isLeadAgencyUser(task, user)) {
        throw new ForbiddenException('Chỉ cơ quan chủ trì được gửi yêu cầu gia hạn, xin rút hoặc xin chuyển');
      }
      if (!isOpenStatus(task.status)) {
        throw new ConflictException(
          `Không thể gửi yêu cầu với nhiệm vụ ở trạng thái "${TASK_STATUS_LABELS[task.status]}"`,
        );
      }
      const proposed = dto.proposedDueDate ?? null;
      if (dto.type === TaskRequestType.Extension) {
        const problem = !proposed
          ? 'proposedDueDate: bắt buộc với yêu cầu gia hạn'
          : task.dueDate === null
            ? 'proposedDueDate: nhiệm vụ thường xuyên không có thời hạn để gia hạn'
            : proposed <= task.dueDate
              ? `proposedDueDate: thời hạn đề nghị (${formatVietnameseDate(proposed)}) phải sau thời hạn hiện tại (${formatVietnameseDate(task.dueDate)})`
              : null;
        if (problem) throw this.invalid('proposedDueDate', problem);
      } else if (proposed !== null) {
        throw this.invalid('proposedDueDate', 'proposedDueDate: chỉ dùng cho yêu cầu gia hạn');
      }
      const pending = await m.existsBy(TaskRequest, { taskId, type: dto.type, status: TaskRequestStatus.Pending });
      if (pending)
        throw new ConflictException(`Nhiệm vụ đã có một yêu cầu ${REQUEST_TYPE_LABELS[dto.type]} đang chờ xử lý`);

      const saved = await m.save(
        m.create(TaskRequest, {
          taskId,
          type: dto.type,
          reason: dto.reason,
          proposedDueDate: dto.type === TaskRequestType.Extension ? proposed : null,
          status: TaskRequestStatus.Pending,
          requestedById: user.id,
          decidedById: null,
          decidedAt: null,
          decisionComment: null,
        }),
      );
      const change = this.requestedChange(saved, task);
      await this.history.record(m, actorOf(user), [
        { taskId, action: TaskHistoryAction.Request, ...change, comment: dto.reason },
      ]);
      mailIds = await this.notifications.notifyOffice(
        m,
        requestCreatedMessage({
          task: taskRef(task),
          requestId: saved.id,
          type: saved.type,
          reason: saved.reason,
          requesterName: user.fullName,
          currentDueDate: task.dueDate,
          proposedDueDate: saved.proposedDueDate,
        }),
        task.leaderInCharge,
      );
      return saved.id;
    });
    await this.notifications.dispatch(mailIds);
    return this.load(this.requests.manager, id);
  }

  /** Approves a pending request and applies it to the task, in one transaction. */
  approve(id: number, comment: string | null, user: AuthUser): Promise<LoadedTaskRequest> {
    return this.decide(id, TaskRequestStatus.Approved, comment, user);
  }

  reject(id: number, comment: string, user: AuthUser): Promise<LoadedTaskRequest> {
    return this.decide(id, TaskRequestStatus.Rejected, comment, user);
  }

  private async decide(
    id: number,
    decision: TaskRequestStatus,
    comment: string | null,
    user: AuthUser,
  ): Promise<LoadedTaskRequest> {
    let mailIds: number[] = [];
    await this.tx.run(undefined, async (m) => {
      const request = await this.find(m, id);
      if (request.status !== TaskRequestStatus.Pending) {
        throw new ConflictException(
          `Yêu cầu ${REQUEST_STATUS_LABELS[request.status]}; chỉ xử lý được yêu cầu đang chờ`,
        );
      }
      const task = await this.changes.loadForChange(m, request.taskId);
      const approving = decision === TaskRequestStatus.Approved;
      if (approving && !isOpenStatus(task.status)) {
        throw new ConflictException(
          `Không thể duyệt: nhiệm vụ đang ở trạng thái "${TASK_STATUS_LABELS[task.status]}"; chỉ có thể từ chối yêu cầu này`,
        );
      }
      // Only one decision wins, even if two people decide at once.
      const result = await m
        .createQueryBuilder()
        .update(TaskRequest)
        .set({
          status: decision,
          decidedById: user.id,
          decidedAt: new Date(),
          decisionComment: comment?.trim() ? comment : null,
        })
        .where('id = :id AND status = :pending', { id, pending: TaskRequestStatus.Pending })
        .execute();
      if (result.affected !== 1) throw new ConflictException('Yêu cầu vừa được người khác xử lý; vui lòng tải lại');

      const change = this.requestedChange(request, task);
      if (approving) {
        const changes: TaskChanges =
          request.type === TaskRequestType.Extension
            ? {
                dueDate: request.proposedDueDate,
                // The old phrase no longer names the deadline; keep it as where the new date came from.
                dueText: null,
                extendedFromDate: task.dueDate,
                extendedFromText: task.dueText,
              }
            : { status: request.type === TaskRequestType.Withdrawal ? TaskStatus.Withdrawn : TaskStatus.Deferred };
        const changed = await this.changes.applyChanges(m, task, changes, actorOf(user), {
          action: TaskHistoryAction.Approve,
          comment,
        });
        // Nothing to change (e.g. the due date was already set to the one asked): still record the decision.
        if (changed.length === 0)
          await this.history.record(m, actorOf(user), [
            { taskId: task.id, action: TaskHistoryAction.Approve, ...change, comment },
          ]);
      } else {
        await this.history.record(m, actorOf(user), [
          { taskId: task.id, action: TaskHistoryAction.Reject, ...change, comment },
        ]);
      }
      mailIds = await this.notifications.notify(
        m,
        requestDecidedMessage({
          task: taskRef(task),
          requestId: id,
          type: request.type,
          approved: approving,
          comment: comment?.trim() ? comment : null,
          deciderName: user.fullName,
          proposedDueDate: request.proposedDueDate,
        }),
        await this.notifications.agencyUsers([task.leadAgencyId]),
      );
    });
    await this.notifications.dispatch(mailIds);
    return this.load(this.requests.manager, id);
  }

  async get(id: number, user: AuthUser): Promise<LoadedTaskRequest> {
    const loaded = await this.load(this.requests.manager, id);
    if (!canSeeRequests(loaded.request.task, user)) throw new NotFoundException(REQUEST_NOT_FOUND);
    return loaded;
  }

  /** Office, leaders and admin see every request; an agency user those of the tasks its agency leads. */
  async list(q: ListTaskRequestsQuery, user: AuthUser): Promise<TaskRequestPage> {
    const page = q.page ?? 1;
    const limit = q.limit ?? DEFAULT_PAGE_LIMIT;
    const qb = this.requests
      .createQueryBuilder('r')
      .innerJoinAndSelect('r.task', 't')
      .leftJoin('t.leadAgency', 'la')
      .addSelect(['la.id', 'la.code', 'la.name']);
    if (user.role === UserRole.Agency) qb.andWhere('t.leadAgencyId = :agencyId', { agencyId: user.agencyId ?? 0 });
    if (q.status?.length) qb.andWhere('r.status IN (:...statuses)', { statuses: q.status });
    if (q.type?.length) qb.andWhere('r.type IN (:...types)', { types: q.type });
    if (q.taskId) qb.andWhere('r.taskId = :taskId', { taskId: q.taskId });
    const total = await qb.getCount();
    const items = (await qb
      .orderBy('r.createdAt', 'DESC')
      .addOrderBy('r.id', 'DESC')
      .offset((page - 1) * limit)
      .limit(limit)
      .getMany()) as (TaskRequest & { task: Task })[];
    const users = await this.userNames(this.requests.manager, items);
    return { items, users, total, page, limit };
  }

  private async find(m: EntityManager, id: number): Promise<TaskRequest> {
    const request = id >= 1 && id <= MAX_ID ? await m.findOneBy(TaskRequest, { id }) : null;
    if (!request) throw new NotFoundException(REQUEST_NOT_FOUND);
    return request;
  }

  private async load(m: EntityManager, id: number): Promise<LoadedTaskRequest> {
    const request =
      id >= 1 && id <= MAX_ID
        ? ((await m
            .createQueryBuilder(TaskRequest, 'r')
            .innerJoinAndSelect('r.task', 't')
            .leftJoin('t.leadAgency', 'la')
            .addSelect(['la.id', 'la.code', 'la.name'])
            .where('r.id = :id', { id })
            .getOne()) as (TaskRequest & { task: Task }) | null)
        : null;
    if (!request) throw new NotFoundException(REQUEST_NOT_FOUND);
    return { request, users: await this.userNames(m, [request]) };
  }

  /** Names of requesters and deciders, in one query through the users module. */
  private async userNames(m: EntityManager, requests: TaskRequest[]): Promise<Map<number, string>> {
    const ids = [...new Set(requests.flatMap((r) => [r.requestedById, ...(r.decidedById ? [r.decidedById] : [])]))];
    if (ids.length === 0) return new Map();
    const users = await this.users.findByIds(ids, m);
    return new Map(users.map((u) => [u.id, u.fullName]));
  }

  private invalid(field: string, message: string): DomainError {
    const text = message.replace(/^\w+: /, '');
    return new DomainError(text.charAt(0).toUpperCase() + text.slice(1), HttpStatus.BAD_REQUEST, [{ field, message }]);
  }
}
