import { ApiPropertyOptional } from '@nestjs/swagger';
import { PageQuery } from 'src/core/http/pagination';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsEnum, IsInt, IsOptional, Max, Min } from 'class-validator';
import { ToArray } from 'src/core/http/validation';
import { TaskRequestStatus, TaskRequestType } from '../task-request.entity';
import { MAX_ID } from './create-task.dto';

export class ListTaskRequestsQuery extends PageQuery {
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
}
