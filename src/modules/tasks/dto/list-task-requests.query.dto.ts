import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsEnum, IsInt, IsOptional, Max, Min } from 'class-validator';
import { ToArray } from 'src/core/http/validation';
import { TaskRequestStatus, TaskRequestType } from '../task-request.entity';
import { MAX_ID } from './create-task.dto';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from './list-tasks.query.dto';

export class ListTaskRequestsQuery {
  @ApiPropertyOptional({ enum: TaskRequestStatus, isArray: true, example: ['pending'], description: 'Repeatable' })
  @IsOptional()
  @ToArray()
  @ArrayMaxSize(3)
  @IsEnum(TaskRequestStatus, { each: true })
  status?: TaskRequestStatus[];

  @ApiPropertyOptional({ enum: TaskRequestType, isArray: true, example: ['extension'], description: 'Repeatable' })
  @IsOptional()
  @ToArray()
  @ArrayMaxSize(3)
  @IsEnum(TaskRequestType, { each: true })
  type?: TaskRequestType[];

  @ApiPropertyOptional({ example: 42 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_ID)
  taskId?: number;

  @ApiPropertyOptional({ example: 1, minimum: 1, default: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  page?: number;

  @ApiPropertyOptional({ example: DEFAULT_PAGE_SIZE, minimum: 1, maximum: MAX_PAGE_SIZE, default: DEFAULT_PAGE_SIZE })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  limit?: number;
}
