import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsEnum,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsString,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { IsLocalDate, MAX_ID, Optional, Trim } from 'src/core/http/validation';
import { TaskKind } from 'src/modules/tasks/task.enums';
import { IMPORT_LIMITS } from '../import-limits';
import { IMPORTED_FIELDS } from 'src/modules/tasks/task-import.writer';
import { ImportField } from '../import-normaliser';

/** The fields an item of the preview may give (those an import writes). */
export const EDITABLE_FIELDS: ImportField[] = IMPORTED_FIELDS;

/** One item of the preview as the clerk corrected it. */
export class ImportItemEditDto {
  @ApiProperty({ example: '45/TB-UBND:1', maxLength: IMPORT_LIMITS.maxCodeLength })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(IMPORT_LIMITS.maxCodeLength)
  code!: string;

  @ApiProperty({ example: 'Tổ chức tiêm chủng cho học sinh', maxLength: IMPORT_LIMITS.maxTitleLength })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(IMPORT_LIMITS.maxTitleLength)
  title!: string;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 20000 })
  @Optional({ nullable: true })
  @IsString()
  @MaxLength(20000)
  description?: string | null;

  @ApiProperty({ enum: TaskKind, example: TaskKind.Task })
  @IsEnum(TaskKind)
  kind!: TaskKind;

  @ApiProperty({ example: 16 })
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_ID)
  leadAgencyId!: number;

  @ApiPropertyOptional({ type: [Number], example: [15], default: [] })
  @Optional()
  @IsArray()
  @ArrayMaxSize(IMPORT_LIMITS.maxCoordinatingAgencies)
  @IsInt({ each: true })
  @Min(1, { each: true })
  @Max(MAX_ID, { each: true })
  coordinatingAgencyIds?: number[];

  @ApiPropertyOptional({ type: String, format: 'date', nullable: true, example: '2026-06-30' })
  @Optional({ nullable: true })
  @IsLocalDate()
  dueDate?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'ngày 30/6/2026', maxLength: IMPORT_LIMITS.maxDueTextLength })
  @Optional({ nullable: true })
  @Trim()
  @IsString()
  @MaxLength(IMPORT_LIMITS.maxDueTextLength)
  dueText?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'UBND tỉnh', maxLength: IMPORT_LIMITS.maxSubmitToLength })
  @Optional({ nullable: true })
  @Trim()
  @IsString()
  @MaxLength(IMPORT_LIMITS.maxSubmitToLength)
  submitTo?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'Kế hoạch', maxLength: IMPORT_LIMITS.maxOutputFormLength })
  @Optional({ nullable: true })
  @Trim()
  @IsString()
  @MaxLength(IMPORT_LIMITS.maxOutputFormLength)
  outputForm?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'Chủ tịch UBND tỉnh', maxLength: IMPORT_LIMITS.maxLeaderLength })
  @Optional({ nullable: true })
  @Trim()
  @IsString()
  @MaxLength(IMPORT_LIMITS.maxLeaderLength)
  leaderInCharge?: string | null;

  @ApiPropertyOptional({
    type: [String],
    enum: EDITABLE_FIELDS,
    description: 'Fields the file gave or the clerk set: only those are written to a task that already exists',
  })
  @Optional()
  @IsArray()
  @ArrayMaxSize(EDITABLE_FIELDS.length)
  @IsIn(EDITABLE_FIELDS, { each: true })
  provided?: ImportField[];

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: IMPORT_LIMITS.maxSourceDocumentLength })
  @Optional({ nullable: true })
  @Trim()
  @IsString()
  @MaxLength(IMPORT_LIMITS.maxSourceDocumentLength)
  sourceDocument?: string | null;
}

/** POST /api/imports/items: commit what the clerk has on screen (the preview, corrected in place). */
export class ImportItemsDto {
  @ApiPropertyOptional({ example: 1, description: 'The program; absent: outside any program' })
  @Optional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_ID)
  programId?: number;

  @ApiProperty({
    type: String,
    format: 'date',
    example: '2026-05-12',
    description: 'The assignment date the preview gave',
  })
  @IsLocalDate()
  assignedAt!: string;

  @ApiProperty({ example: 'tb-45.pdf', maxLength: 255 })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(255)
  fileName!: string;

  @ApiProperty({ type: [ImportItemEditDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(IMPORT_LIMITS.queueAboveItems)
  @ValidateNested({ each: true })
  @Type(() => ImportItemEditDto)
  items!: ImportItemEditDto[];
}
