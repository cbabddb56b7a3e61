import { ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsIn, IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { IsLocalDate, Optional, Trim } from 'src/core/http/validation';
import { REPORT_FORMATS, ReportFormat } from '../report-format';
import { ReportWindowQuery } from './appendix.query';

export class CreateReportDto extends ReportWindowQuery {
  @ApiPropertyOptional({ enum: REPORT_FORMATS, isArray: true, example: ['xlsx', 'docx'], description: 'Files to render (default both)' })
  @Optional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(REPORT_FORMATS.length)
  @ArrayUnique()
  @IsIn(REPORT_FORMATS, { each: true })
  formats?: ReportFormat[];

  @ApiPropertyOptional({ example: '165', maxLength: 64, description: 'Số of the report the appendix is attached to ("165" → "165/BC-UBND")' })
  @Optional()
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  reportNumber?: string;

  @ApiPropertyOptional({ type: String, format: 'date', example: '2024-07-01', description: 'Ngày of that report' })
  @Optional()
  @IsLocalDate()
  reportDate?: string;
}
