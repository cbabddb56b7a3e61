import { PageMetaDto } from 'src/core/http/pagination';
import { ApiProperty } from '@nestjs/swagger';
import { TaskHistory, TaskHistoryAction } from '../task-history.entity';

export class TaskHistoryResponseDto {
  @ApiProperty({ example: 301 }) id!: number;
  @ApiProperty({ example: 42 }) taskId!: number;
  @ApiProperty({ example: '2024-05-02T09:30:00.000Z' }) at!: string;
  @ApiProperty({ type: Number, nullable: true, example: 7, description: 'Null for the system (imports, merges)' })
  userId!: number | null;
  @ApiProperty({ type: String, nullable: true, example: 'Lê Thị Mỹ Duyên' }) userName!: string | null;
  @ApiProperty({ enum: TaskHistoryAction, example: TaskHistoryAction.Update }) action!: TaskHistoryAction;
  @ApiProperty({ type: String, nullable: true, example: 'dueDate' }) field!: string | null;
  @ApiProperty({ type: String, nullable: true, example: '2024-06-30' }) fromValue!: string | null;
  @ApiProperty({ type: String, nullable: true, example: '2024-07-31' }) toValue!: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'Gia hạn theo Văn bản số 123/UBND-TH' }) comment!:
    string | null;
}

export function toTaskHistoryResponse(h: TaskHistory): TaskHistoryResponseDto {
  return {
    id: h.id,
    taskId: h.taskId,
    at: h.at instanceof Date ? h.at.toISOString() : new Date(h.at).toISOString(),
    userId: h.userId,
    userName: h.userName,
    action: h.action,
    field: h.field,
    fromValue: h.fromValue,
    toValue: h.toValue,
    comment: h.comment,
  };
}

export class TaskHistoryPageDto extends PageMetaDto {
  @ApiProperty({ type: [TaskHistoryResponseDto] }) items!: TaskHistoryResponseDto[];
}
