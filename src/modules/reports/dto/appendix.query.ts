import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsString, Max, MaxLength, Min } from 'class-validator';
import { IsLocalDate, Optional, Trim } from 'src/core/http/validation';
import { PeriodWindow } from 'src/modules/calendar/periods';
import { MAX_PAGE_LIMIT } from 'src/core/http/pagination';
import { OVERDUE_PAGE_SIZE } from '../report-run.response';

/** The window of a report: explicit dates (from, to), or a named period and its window. */
export class ReportWindowQuery {
  @ApiPropertyOptional({ type: String, format: 'date', example: '2024-04-01', description: 'First day (with `to`; not with `period`)' })
  @Optional()
  @IsLocalDate()
  from?: string;

  @ApiPropertyOptional({ type: String, format: 'date', example: '2024-06-30', description: 'Last day (with `from`; not with `period`)' })
  @Optional()
  @IsLocalDate()
  to?: string;

  @ApiPropertyOptional({ type: String, format: 'date', example: '2024-06-30', description: 'Judged as of this day (default: `to`); not before `from`' })
  @Optional()
  @IsLocalDate()
  asOf?: string;

  @ApiPropertyOptional({
    example: '2024-Q2',
    description: 'Named period instead of from/to: YYYY, YYYY-MM, YYYY-Q1..Q4, YYYY-H1, YYYY-H2, YYYY-9M',
  })
  @Optional()
  @Trim({ case: 'upper' })
  @IsString()
  @MaxLength(16)
  period?: string;

  @ApiPropertyOptional({
    enum: ['cutoff', 'calendar'],
    example: 'cutoff',
    description: 'With `period`: cutoff (Nghị định 09/2019: 2024-Q2 = 15/3 – 14/6) or calendar (1/4 – 30/6). Default from config/reports.json (cutoff).',
  })
  @Optional()
  @IsIn(['cutoff', 'calendar'])
  window?: PeriodWindow;

  @ApiPropertyOptional({ example: 1, description: 'Only the tasks of this work program' })
  @Optional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  programId?: number;

  @ApiPropertyOptional({ example: 3, description: 'Only the tasks led by this agency (forced to their own for agency users)' })
  @Optional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  agencyId?: number;
}

export class AppendixQuery extends ReportWindowQuery {
  @ApiPropertyOptional({ example: 'Phó Chủ tịch Trần Văn B', maxLength: 255, description: 'The per-leader view: only the tasks whose lãnh đạo phụ trách contains this (as GET /api/tasks?leaderInCharge=)' })
  @Optional()
  @IsString()
  @MaxLength(255)
  leaderInCharge?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 1_000_000, default: 1, example: 1, description: 'The page of Phụ lục III (`overdue`) to list, from 1' })
  @Optional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  overduePage?: number;

  @ApiPropertyOptional({
    minimum: 0,
    maximum: MAX_PAGE_LIMIT,
    default: OVERDUE_PAGE_SIZE,
    example: OVERDUE_PAGE_SIZE,
    description: 'Rows of Phụ lục III per page (0: none, only the figures). The whole list is in the report run\'s XLSX and DOCX',
  })
  @Optional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(MAX_PAGE_LIMIT)
  overdueLimit?: number;
}

export class DefaultPeriodQuery {
  @ApiPropertyOptional({ enum: ['month', 'quarter', 'half', 'year'], example: 'quarter', description: 'Default quarter' })
  @Optional()
  @IsIn(['month', 'quarter', 'half', 'year'])
  kind?: 'month' | 'quarter' | 'half' | 'year';

  @ApiPropertyOptional({ enum: ['cutoff', 'calendar'], example: 'cutoff', description: 'Default from config/reports.json (cutoff)' })
  @Optional()
  @IsIn(['cutoff', 'calendar'])
  window?: PeriodWindow;
}

export class TrendQuery {
  @ApiPropertyOptional({ example: 2026, description: 'Default: this year' })
  @Optional()
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2100)
  year?: number;

  @ApiPropertyOptional({ example: 3, description: 'Only the tasks led by this agency (forced to their own for agency users)' })
  @Optional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  agencyId?: number;

  @ApiPropertyOptional({ example: 'Phó Chủ tịch Trần Văn B', maxLength: 255, description: 'The per-leader view: only the tasks whose lãnh đạo phụ trách contains this (as GET /api/tasks?leaderInCharge=)' })
  @Optional()
  @IsString()
  @MaxLength(255)
  leaderInCharge?: string;
}
