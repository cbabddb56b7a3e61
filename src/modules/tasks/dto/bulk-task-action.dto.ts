import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsIn, IsInt, IsString, Matches, Max, MaxLength, Min, ValidateIf } from 'class-validator';
import { IsLocalDate, MAX_ID } from 'src/core/http/validation';

export const BULK_ACTIONS = ['setLeader', 'extend', 'moveProgram'] as const;
export type BulkAction = (typeof BULK_ACTIONS)[number];

/** At most this many tasks per bulk action (a page of the list at its largest is 200). */
export const MAX_BULK_TASKS = 500;

const NOT_BLANK = { context: { vi: 'không được để trống' } };

/** POST /api/tasks/bulk: one action over the selected tasks, all or nothing. */
export class BulkTaskActionDto {
  @ApiProperty({ enum: BULK_ACTIONS, example: 'extend', description: 'setLeader: lãnh đạo phụ trách; extend: gia hạn (dueDate + reason); moveProgram: chuyển chương trình' })
  @IsIn(BULK_ACTIONS)
  action!: BulkAction;

  @ApiProperty({ type: [Number], example: [12, 15], description: `The selected tasks (1–${MAX_BULK_TASKS})` })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_BULK_TASKS)
  @ArrayUnique()
  @IsInt({ each: true })
  @Min(1, { each: true })
  @Max(MAX_ID, { each: true })
  taskIds!: number[];

  @ApiPropertyOptional({ example: 'Phó Chủ tịch UBND tỉnh Nguyễn Văn A', maxLength: 255, description: 'setLeader; empty clears it' })
  @ValidateIf((o: BulkTaskActionDto) => o.action === 'setLeader')
  @IsString()
  @MaxLength(255)
  leaderInCharge?: string;

  @ApiPropertyOptional({ type: String, format: 'date', example: '2024-09-30', description: 'extend: the new due date' })
  @ValidateIf((o: BulkTaskActionDto) => o.action === 'extend')
  @IsLocalDate()
  dueDate?: string;

  @ApiPropertyOptional({ example: 'Gia hạn theo Thông báo kết luận số 45/TB-UBND', maxLength: 2000, description: 'extend: the reason, kept in each task\'s history' })
  @ValidateIf((o: BulkTaskActionDto) => o.action === 'extend' || o.reason !== undefined)
  @IsString()
  @Matches(/\S/, NOT_BLANK)
  @MaxLength(2000)
  reason?: string;

  @ApiPropertyOptional({ example: 2, description: 'moveProgram: the program the tasks move to' })
  @ValidateIf((o: BulkTaskActionDto) => o.action === 'moveProgram')
  @IsInt()
  @Min(1)
  @Max(MAX_ID)
  programId?: number;
}

export class BulkTaskResultDto {
  @ApiProperty({ enum: BULK_ACTIONS, example: 'extend' }) action!: BulkAction;
  @ApiProperty({ example: 2, description: 'Tasks changed' }) changed!: number;
  @ApiProperty({ example: 0, description: 'Tasks that already had that value' }) unchanged!: number;
}
