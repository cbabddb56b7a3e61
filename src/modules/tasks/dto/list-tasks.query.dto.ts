import { ApiPropertyOptional } from '@nestjs/swagger';
import { PageQuery } from 'src/core/http/pagination';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsEnum, IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { IsLocalDate, ToArray } from 'src/core/http/validation';
import { TaskStatus } from '../task.enums';
import { MAX_ID } from './create-task.dto';

/** Timeliness as of `asOf` (the same values judgeTimeliness gives each task). */
export enum TimelinessFilter {
  OnTime = 'on_time',
  Late = 'late',
  InTime = 'in_time',
  Overdue = 'overdue',
  DueSoon = 'due_soon',
}

export const TASK_SORTS = ['dueDate', '-dueDate', 'updatedAt', '-updatedAt', 'code'] as const;
export type TaskSort = (typeof TASK_SORTS)[number];


export class ListTasksQuery extends PageQuery {
  @ApiPropertyOptional({ example: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_ID)
  programId?: number;

  @ApiPropertyOptional({ example: 3, description: 'Lead agency (cơ quan chủ trì)' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_ID)
  agencyId?: number;

  @ApiPropertyOptional({ example: 3, description: 'Lead or coordinating agency' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_ID)
  involvingAgencyId?: number;

  @ApiPropertyOptional({
    enum: TaskStatus,
    isArray: true,
    example: ['new', 'in_progress'],
    description: 'Repeatable: ?status=new&status=in_progress',
  })
  @IsOptional()
  @ToArray()
  @ArrayMaxSize(10)
  @IsEnum(TaskStatus, { each: true })
  status?: TaskStatus[];

  @ApiPropertyOptional({
    enum: TimelinessFilter,
    example: TimelinessFilter.Overdue,
    description: 'As of asOf. due_soon: open and due within 7 days; in_time: open and due later than that',
  })
  @IsOptional()
  @IsEnum(TimelinessFilter)
  timeliness?: TimelinessFilter;

  @ApiPropertyOptional({
    type: String,
    format: 'date',
    example: '2024-06-30',
    description: 'The day timeliness is judged on; default today',
  })
  @IsOptional()
  @IsLocalDate()
  asOf?: string;

  @ApiPropertyOptional({
    type: String,
    format: 'date',
    example: '2024-04-01',
    description: 'Effective due date on or after',
  })
  @IsOptional()
  @IsLocalDate()
  dueFrom?: string;

  @ApiPropertyOptional({
    type: String,
    format: 'date',
    example: '2024-06-30',
    description: 'Effective due date on or before',
  })
  @IsOptional()
  @IsLocalDate()
  dueTo?: string;

  @ApiPropertyOptional({
    example: 'so tai chinh',
    maxLength: 200,
    description: 'Search in code, title, description, source document, deadline text; diacritics-insensitive',
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional({
    enum: TASK_SORTS,
    example: 'dueDate',
    description: 'dueDate sorts on the effective due date, tasks without one last. Default dueDate',
  })
  @IsOptional()
  @IsIn(TASK_SORTS)
  sort?: TaskSort;
}
