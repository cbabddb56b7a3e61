import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsEnum, IsInt, IsOptional, Max, Min } from 'class-validator';
import { PageQuery } from 'src/core/http/pagination';
import { ProgramPeriod } from '../program.enums';
import { MAX_PROGRAM_YEAR, MIN_PROGRAM_YEAR } from './create-program.dto';

export class ListProgramsQuery extends PageQuery {
  @ApiPropertyOptional({ example: 2024 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(MIN_PROGRAM_YEAR)
  @Max(MAX_PROGRAM_YEAR)
  year?: number;

  @ApiPropertyOptional({ enum: ProgramPeriod, example: ProgramPeriod.Year })
  @IsOptional()
  @IsEnum(ProgramPeriod)
  period?: ProgramPeriod;
}
