import { ForbiddenException, NotFoundException } from '@nestjs/common';
import { AuthUser } from 'src/modules/auth/auth.decorators';
import { UserRole } from 'src/modules/users/user-role.enum';
import { TaskActor } from './task-history.service';
import { Task } from './task.entity';

/**
 * Who may see and change a task: the one place these rules live (tasks, changes, requests, files).
 * Office and admin see and change every task, a leader sees every task, and an agency user sees the
 * tasks its agency leads or coordinates and changes only those it leads. A task the user may not see
 * is a 404, so its existence is not revealed.
 */

export const TASK_NOT_FOUND = 'Không tìm thấy nhiệm vụ';

/** The history's actor for a request's user. */
export function actorOf(user: AuthUser): TaskActor {
  return { id: user.id, name: user.fullName };
}

/** Văn phòng UBND tỉnh or an admin: may change any field of any task. */
export function isOffice(user: AuthUser): boolean {
  return user.role === UserRole.Office || user.role === UserRole.Admin;
}

/** An agency user whose agency leads the task (the one who reports on it and asks for changes). */
export function isLeadAgencyUser(task: Pick<Task, 'leadAgencyId'>, user: AuthUser): boolean {
  return user.role === UserRole.Agency && user.agencyId !== null && task.leadAgencyId === user.agencyId;
}

/** Anyone but an agency user; an agency user when its agency leads or coordinates the task. */
export function canRead(task: Pick<Task, 'leadAgencyId' | 'coordinatingAgencies'>, user: AuthUser): boolean {
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
export function assertCanChange(task: Pick<Task, 'leadAgencyId' | 'coordinatingAgencies'>, user: AuthUser): void {
  if (!canRead(task, user)) throw new NotFoundException(TASK_NOT_FOUND);
  if (user.role === UserRole.Agency && !isLeadAgencyUser(task, user)) {
    throw new ForbiddenException('Cơ quan phối hợp chỉ được xem nhiệm vụ; chỉ cơ quan chủ trì được cập nhật');
  }
}

/** A task's requests (extension, withdrawal, deferral) are seen by everyone but agencies that do not lead it. */
export function canSeeRequests(task: Pick<Task, 'leadAgencyId'>, user: AuthUser): boolean {
  return user.role !== UserRole.Agency || isLeadAgencyUser(task, user);
}
