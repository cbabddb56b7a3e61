import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsEnum } from 'class-validator';
import { PageQuery } from 'src/core/http/pagination';
import { Optional } from 'src/core/http/validation';
import { ReportRunStatus } from '../report-run.entity';

export class ListReportsQuery extends PageQuery {
  @ApiPropertyOptional({ enum: ReportRunStatus, example: ReportRunStatus.Done })
  @Optional()
  @IsEnum(ReportRunStatus)
  status?: ReportRunStatus;
}
