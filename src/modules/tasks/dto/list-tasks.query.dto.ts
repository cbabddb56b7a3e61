import { ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import { PageQuery } from 'src/core/http/pagination';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsBoolean, IsEnum, IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { IsLocalDate, ToArray, ToBoolean } from 'src/core/http/validation';
import { TaskKind, TaskOrigin, TaskStatus } from '../task.enums';
import { MAX_ID } from './create-task.dto';

/** Timeliness as of `asOf` (the same values judgeTimeliness gives each task). */
export enum TimelinessFilter {
  OnTime = 'on_time',
  Late = 'late',
  InTime = 'in_time',
  Overdue = 'overdue',
  DueSoon = 'due_soon',
  /** Done on or before asOf (on_time + late): Phụ lục II "đã hoàn thành". */
  Done = 'done',
  /** Not done by asOf, not withdrawn or deferred (overdue + due_soon + in_time + no due date): "chưa hoàn thành". */
  NotDone = 'not_done',
  /** Not done by asOf and not overdue (due_soon + in_time + no due date): Phụ lục II "chưa hoàn thành, trong hạn". */
  NotOverdue = 'not_overdue',
}

/** Sortable columns of the task list; a leading '-' sorts descending. */
export const TASK_SORT_FIELDS = ['dueDate', 'updatedAt', 'code', 'title', 'status', 'assignedAt', 'leadAgency', 'leaderInCharge'] as const;
export const TASK_SORTS = TASK_SORT_FIELDS.flatMap((f) => [f, `-${f}`] as const);
export type TaskSort = (typeof TASK_SORT_FIELDS)[number] | `-${(typeof TASK_SORT_FIELDS)[number]}`;


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

  @ApiPropertyOptional({ example: 5, description: 'Coordinating agency (cơ quan phối hợp): the tasks this agency is among the coordinating agencies of' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_ID)
  coordinatingAgencyId?: number;

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
    description:
      'As of asOf. due_soon: open and due within 7 days; in_time: open and due later than that; done: on_time or late; ' +
      'not_done: open (not done by asOf, not withdrawn or deferred); not_overdue: open and not overdue (Phụ lục II "trong hạn")',
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

  @ApiPropertyOptional({ type: String, format: 'date', example: '2024-01-01', description: 'Assigned on or after' })
  @IsOptional()
  @IsLocalDate()
  assignedFrom?: string;

  @ApiPropertyOptional({
    type: String,
    format: 'date',
    example: '2024-06-30',
    description: 'Assigned on or before (Phụ lục II counts the tasks assigned by the end of its window)',
  })
  @IsOptional()
  @IsLocalDate()
  assignedTo?: string;

  @ApiPropertyOptional({
    type: String,
    format: 'date',
    example: '2024-01-01',
    description: 'Not done before this day (Phụ lục II leaves out the tasks done before its window)',
  })
  @IsOptional()
  @IsLocalDate()
  notDoneBefore?: string;

  @ApiPropertyOptional({
    type: Boolean,
    example: true,
    description: 'Phụ lục I (5): submitted or done by asOf, counted by the submission date (true), or not (false)',
  })
  @IsOptional()
  @ToBoolean()
  @IsBoolean()
  submitted?: boolean;

  @ApiPropertyOptional({
    example: 'so tai chinh',
    maxLength: 200,
    description:
      'Words to find in code, title, description, source document and deadline text: diacritics-insensitive, next to one another in the order typed, the last one possibly unfinished (task-search.ts)',
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional({ enum: TaskKind, example: TaskKind.Task, description: 'proposal (đề án) or task (nhiệm vụ)' })
  @IsOptional()
  @IsEnum(TaskKind)
  kind?: TaskKind;

  @ApiPropertyOptional({ enum: TaskOrigin, example: TaskOrigin.Initial, description: 'initial (giao đầu năm) or added (giao thêm)' })
  @IsOptional()
  @IsEnum(TaskOrigin)
  origin?: TaskOrigin;

  @ApiPropertyOptional({ example: 'Phó Chủ tịch', maxLength: 255, description: 'Lãnh đạo phụ trách contains this (diacritics and case as written)' })
  @IsOptional()
  @IsString()
  @MaxLength(255)
  leaderInCharge?: string;

  @ApiPropertyOptional({ example: '01/NQ-CP', maxLength: 500, description: 'Văn bản giao nhiệm vụ contains this' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  sourceDocument?: string;

  @ApiPropertyOptional({
    enum: TASK_SORTS,
    example: 'dueDate',
    description: 'A column, "-" before it for descending; dueDate sorts on the effective due date, tasks without one last. Default dueDate',
  })
  @IsOptional()
  @IsIn(TASK_SORTS)
  sort?: TaskSort;
}

/** The filters of the task list (every query field but paging and sort): what a saved view may hold. */
export const TASK_FILTER_KEYS = [
  'programId',
  'agencyId',
  'involvingAgencyId',
  'coordinatingAgencyId',
  'status',
  'timeliness',
  'asOf',
  'dueFrom',
  'dueTo',
  'assignedFrom',
  'assignedTo',
  'notDoneBefore',
  'submitted',
  'q',
  'kind',
  'origin',
  'leaderInCharge',
  'sourceDocument',
] as const;

/** The filters of GET /api/tasks without paging and sort: GET /api/tasks/summary's query. */
export class TaskFiltersQuery extends OmitType(ListTasksQuery, ['page', 'limit', 'sort'] as const) {}
