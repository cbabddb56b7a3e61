import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEnum, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { IsLocalDate } from 'src/core/http/validation';
import { TaskRequestType } from '../task-request.entity';

/** POST /api/tasks/:id/requests: the lead agency asks for an extension, a withdrawal or a deferral. */
export class CreateTaskRequestDto {
  @ApiProperty({ enum: TaskRequestType, example: TaskRequestType.Extension })
  @IsEnum(TaskRequestType)
  type!: TaskRequestType;

  @ApiProperty({ example: 'Cần thêm thời gian lấy ý kiến Bộ Tài chính về dự thảo đề án', maxLength: 2000 })
  @IsString()
  @Matches(/\S/, { context: { vi: 'không được để trống' } })
  @MaxLength(2000)
  reason!: string;

  @ApiPropertyOptional({
    type: String,
    format: 'date',
    example: '2024-08-31',
    description: 'Extension only: the new due date, after the current one',
  })
  @IsOptional()
  @IsLocalDate()
  proposedDueDate?: string | null;
}
