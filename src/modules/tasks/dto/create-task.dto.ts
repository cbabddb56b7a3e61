import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsEnum,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
} from 'class-validator';
import { IsLocalDate, MAX_ID } from 'src/core/http/validation';
import { TaskKind, TaskOrigin } from '../task.enums';

/** Largest id a PostgreSQL `integer` column holds: bigger ones are refused before they reach SQL. */

const NOT_BLANK = { context: { vi: 'không được để trống' } };

export class CreateTaskDto {
  @ApiProperty({
    example: 'Đề án phát triển kinh tế ban đêm tỉnh Bình Phước giai đoạn 2024–2030',
    maxLength: 2000,
    description: 'Nội dung',
  })
  @IsString()
  @Matches(/\S/, NOT_BLANK)
  @MaxLength(2000)
  title!: string;

  @ApiProperty({
    enum: TaskKind,
    example: TaskKind.Proposal,
    description: 'proposal: đề án / nội dung phải trình; task: nhiệm vụ',
  })
  @IsEnum(TaskKind)
  kind!: TaskKind;

  @ApiProperty({ example: 3, description: 'Cơ quan chủ trì' })
  @IsInt()
  @Min(1)
  @Max(MAX_ID)
  leadAgencyId!: number;

  @ApiPropertyOptional({
    type: [Number],
    example: [5, 8],
    description: 'Cơ quan phối hợp (not the lead agency); default none',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @ArrayUnique()
  @IsInt({ each: true })
  @Min(1, { each: true })
  @Max(MAX_ID, { each: true })
  coordinatingAgencyIds?: number[] | null;

  @ApiProperty({
    type: String,
    format: 'date',
    nullable: true,
    example: '2024-06-30',
    description: 'Thời hạn; null for a recurring task (thường xuyên). Not before assignedAt.',
  })
  @ValidateIf((o: CreateTaskDto) => o.dueDate !== null)
  @IsLocalDate()
  dueDate!: string | null;

  @ApiPropertyOptional({
    type: String,
    format: 'date',
    example: '2024-01-15',
    description: 'Ngày giao; default today (Asia/Ho_Chi_Minh)',
  })
  @ValidateIf((o: CreateTaskDto) => o.assignedAt !== undefined)
  @IsLocalDate()
  assignedAt?: string;

  @ApiProperty({ enum: TaskOrigin, example: TaskOrigin.Added, description: 'initial: giao đầu năm; added: giao thêm' })
  @IsEnum(TaskOrigin)
  origin!: TaskOrigin;

  @ApiPropertyOptional({ type: Number, nullable: true, example: 1, description: 'Chương trình công tác' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_ID)
  programId?: number | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: 'B.2.3',
    maxLength: 64,
    description: 'Item number, unique within the program',
  })
  @IsOptional()
  @IsString()
  @Matches(/\S/, NOT_BLANK)
  @MaxLength(64)
  code?: string | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: 'Xây dựng đề án, trình UBND tỉnh phê duyệt',
    maxLength: 20000,
  })
  @IsOptional()
  @IsString()
  @MaxLength(20000)
  description?: string | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: 'Quý II/2024',
    maxLength: 255,
    description: 'The deadline as the document wrote it',
  })
  @IsOptional()
  @IsString()
  @MaxLength(255)
  dueText?: string | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: 'Nghị quyết số 01/NQ-CP ngày 06/01/2024 của Chính phủ',
    maxLength: 500,
    description: 'Văn bản giao nhiệm vụ',
  })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  sourceDocument?: string | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: 'Quyết định',
    maxLength: 100,
    description: 'Hình thức văn bản',
  })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  outputForm?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'UBND tỉnh', maxLength: 100, description: 'Cấp trình' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  submitTo?: string | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: 'Phó Chủ tịch UBND tỉnh Lê Hoàng Việt',
    maxLength: 255,
    description: 'Lãnh đạo phụ trách',
  })
  @IsOptional()
  @IsString()
  @MaxLength(255)
  leaderInCharge?: string | null;
}

export { MAX_ID };
