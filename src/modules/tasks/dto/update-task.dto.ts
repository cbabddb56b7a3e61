import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { IsEnum, IsInt, IsOptional, IsString, Max, MaxLength, Min, ValidateIf } from 'class-validator';
import { IsLocalDate } from 'src/core/http/validation';
import { TaskStatus } from '../task.enums';
import { CreateTaskDto, MAX_ID } from './create-task.dto';

/** Fields the lead agency's users may change; everything else is the office's. */
export const AGENCY_EDITABLE_FIELDS = [
  'status',
  'progress',
  'completedAt',
  'submittedAt',
  'resultDocument',
  'resultNumber',
  'resultIssuedAt',
  'resultSummary',
  'resultIssuer',
  'note',
] as const;

/**
 * PATCH /api/tasks/:id. `version` is the one read with the task (optimistic lock); `comment` goes
 * into the history rows of this change (required to withdraw, defer or reopen).
 * Null is refused for fields the task cannot lack (skipNullProperties: false).
 */
export class UpdateTaskDto extends PartialType(CreateTaskDto, { skipNullProperties: false }) {
  @ApiProperty({ example: 3, description: 'The task version this change is based on; a stale one → 409' })
  @IsInt()
  @Min(1)
  @Max(MAX_ID)
  version!: number;

  @ApiPropertyOptional({ enum: TaskStatus, example: TaskStatus.InProgress })
  @ValidateIf((o: UpdateTaskDto) => o.status !== undefined)
  @IsEnum(TaskStatus)
  status?: TaskStatus;

  @ApiPropertyOptional({ example: 60, minimum: 0, maximum: 100, description: 'Tiến độ (%)' })
  @ValidateIf((o: UpdateTaskDto) => o.progress !== undefined)
  @IsInt()
  @Min(0)
  @Max(100)
  progress?: number;

  @ApiPropertyOptional({
    type: String,
    format: 'date',
    nullable: true,
    example: '2024-06-20',
    description: 'Ngày hoàn thành (status done); default today',
  })
  @IsOptional()
  @IsLocalDate()
  completedAt?: string | null;

  @ApiPropertyOptional({
    type: String,
    format: 'date',
    nullable: true,
    example: '2024-06-18',
    description: 'Ngày trình (status submitted; or done, default completedAt); default today',
  })
  @IsOptional()
  @IsLocalDate()
  submittedAt?: string | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: 'Quyết định số 1234/QĐ-UBND ngày 20/6/2024',
    maxLength: 500,
    description: 'Văn bản kết quả (số, ký hiệu, ngày ban hành); required to mark a proposal done',
  })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  resultDocument?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: '1234/QĐ-UBND', maxLength: 100, description: 'Số, ký hiệu of the result document' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  resultNumber?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: '2024-06-20', description: 'Ngày ban hành (YYYY-MM-DD)' })
  @IsOptional()
  @IsLocalDate()
  resultIssuedAt?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'Ban hành Kế hoạch phát triển kinh tế ban đêm', maxLength: 1000, description: 'Trích yếu' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  resultSummary?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'UBND tỉnh', maxLength: 255, description: 'Cơ quan ban hành' })
  @IsOptional()
  @IsString()
  @MaxLength(255)
  resultIssuer?: string | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: 'Đã xin ý kiến các sở, ngành; đang hoàn thiện dự thảo',
    maxLength: 10000,
  })
  @IsOptional()
  @IsString()
  @MaxLength(10000)
  note?: string | null;

  @ApiPropertyOptional({
    example: 'Điều chỉnh theo Thông báo số 45/TB-UBND',
    maxLength: 2000,
    description: 'Kept in the history of this change',
  })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  comment?: string;
}
