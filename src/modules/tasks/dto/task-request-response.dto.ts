import { ApiProperty } from '@nestjs/swagger';
import { TaskRequest, TaskRequestStatus, TaskRequestType } from '../task-request.entity';
import { Task } from '../task.entity';
import { AgencyRefDto, toAgencyRef } from './task-response.dto';

export class UserRefDto {
  @ApiProperty({ example: 7 }) id!: number;
  @ApiProperty({ example: 'Nguyễn Thị Thu Hằng' }) fullName!: string;
}

export class TaskRefDto {
  @ApiProperty({ example: 42 }) id!: number;
  @ApiProperty({ type: String, nullable: true, example: 'B.2.3' }) code!: string | null;
  @ApiProperty({ example: 'Đề án phát triển kinh tế ban đêm tỉnh Bình Phước giai đoạn 2024–2030' }) title!: string;
  @ApiProperty({ type: String, format: 'date', nullable: true, example: '2024-06-30' }) dueDate!: string | null;
  @ApiProperty({ type: AgencyRefDto }) leadAgency!: AgencyRefDto;
}

export class TaskRequestResponseDto {
  @ApiProperty({ example: 12 }) id!: number;
  @ApiProperty({ example: 42 }) taskId!: number;
  @ApiProperty({ type: TaskRefDto }) task!: TaskRefDto;
  @ApiProperty({ enum: TaskRequestType, example: TaskRequestType.Extension }) type!: TaskRequestType;
  @ApiProperty({ example: 'Cần thêm thời gian lấy ý kiến Bộ Tài chính về dự thảo đề án' }) reason!: string;
  @ApiProperty({ type: String, format: 'date', nullable: true, example: '2024-08-31' }) proposedDueDate!: string | null;
  @ApiProperty({ enum: TaskRequestStatus, example: TaskRequestStatus.Pending }) status!: TaskRequestStatus;
  @ApiProperty({ type: UserRefDto, nullable: true }) requestedBy!: UserRefDto | null;
  @ApiProperty({ type: UserRefDto, nullable: true }) decidedBy!: UserRefDto | null;
  @ApiProperty({ type: String, nullable: true, example: null }) decidedAt!: string | null;
  @ApiProperty({ type: String, nullable: true, example: null }) decisionComment!: string | null;
  @ApiProperty({ example: '2024-06-10T03:15:00.000Z' }) createdAt!: string;
}

export class TaskRequestPageDto {
  @ApiProperty({ type: [TaskRequestResponseDto] }) items!: TaskRequestResponseDto[];
  @ApiProperty({ example: 4 }) total!: number;
  @ApiProperty({ example: 1 }) page!: number;
  @ApiProperty({ example: 50 }) limit!: number;
}

const iso = (d: Date | string) => (d instanceof Date ? d : new Date(d)).toISOString();

/** Expects `r.task` with its leadAgency loaded; `users` maps ids to full names. */
export function toTaskRequestResponse(
  r: TaskRequest & { task?: Task },
  users: Map<number, string>,
): TaskRequestResponseDto {
  const t = r.task!;
  const user = (id: number | null): UserRefDto | null => (id === null ? null : { id, fullName: users.get(id) ?? '' });
  return {
    id: r.id,
    taskId: r.taskId,
    task: {
      id: t.id,
      code: t.code,
      title: t.title,
      dueDate: t.dueDate,
      leadAgency: t.leadAgency ? toAgencyRef(t.leadAgency) : { id: t.leadAgencyId, code: '', name: '' },
    },
    type: r.type,
    reason: r.reason,
    proposedDueDate: r.proposedDueDate,
    status: r.status,
    requestedBy: user(r.requestedById),
    decidedBy: user(r.decidedById),
    decidedAt: r.decidedAt ? iso(r.decidedAt) : null,
    decisionComment: r.decisionComment,
    createdAt: iso(r.createdAt),
  };
}
