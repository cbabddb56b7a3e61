import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsEnum, IsOptional, IsString, MaxLength } from 'class-validator';
import { PageQuery } from 'src/core/http/pagination';
import { ToBoolean } from 'src/core/http/validation';
import { AgencyKind } from '../agency.enums';

export class ListAgenciesQuery extends PageQuery {
  @ApiPropertyOptional({ example: 'so tai chinh', description: 'Words of the code, name or an alias; case and diacritics ignored' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional({ enum: AgencyKind, example: AgencyKind.Department })
  @IsOptional()
  @IsEnum(AgencyKind)
  kind?: AgencyKind;

  @ApiPropertyOptional({ type: Boolean, example: true })
  @IsOptional()
  @ToBoolean()
  @IsBoolean()
  active?: boolean;
}
