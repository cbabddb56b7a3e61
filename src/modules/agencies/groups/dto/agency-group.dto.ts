import { PageMetaDto } from 'src/core/http/pagination';
import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsEnum, IsNotEmpty, IsString, Matches, MaxLength } from 'class-validator';
import { Optional, Trim } from 'src/core/http/validation';
import { AgencyKind } from '../../agency.enums';
import { AGENCY_CODE_PATTERN } from '../../dto/create-agency.dto';
import { AgencyGroup } from '../agency-group.entity';

export const MAX_GROUP_ALIASES = 50;
export const MAX_GROUP_MEMBERS = 500;

export class CreateAgencyGroupDto {
  @ApiProperty({ example: 'UBND các huyện, thị xã, thành phố', maxLength: 200 })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name!: string;

  @ApiPropertyOptional({ type: [String], example: ['UBND cấp huyện', 'UBND các huyện, thành phố'], default: [] })
  @Optional()
  @Trim()
  @IsArray()
  @ArrayMaxSize(MAX_GROUP_ALIASES)
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  @MaxLength(200, { each: true })
  aliases?: string[];

  @ApiPropertyOptional({
    enum: AgencyKind,
    nullable: true,
    example: AgencyKind.District,
    description: 'Members: every agency of this kind (active on the assignment date). Or give memberCodes.',
  })
  @Optional({ nullable: true })
  @IsEnum(AgencyKind)
  memberKind?: AgencyKind | null;

  @ApiPropertyOptional({
    type: [String],
    nullable: true,
    example: ['SYT', 'SGDDT'],
    description: 'Members by agency code; [] for a group kept as a note ("các cơ quan liên quan")',
  })
  @Optional({ nullable: true })
  @Trim({ case: 'upper' })
  @IsArray()
  @ArrayMaxSize(MAX_GROUP_MEMBERS)
  @IsString({ each: true })
  @Matches(AGENCY_CODE_PATTERN, { each: true, context: { vi: 'có mã cơ quan không hợp lệ' } })
  memberCodes?: string[] | null;
}

export class UpdateAgencyGroupDto extends PartialType(CreateAgencyGroupDto, { skipNullProperties: false }) {}

export class AgencyGroupResponseDto {
  @ApiProperty({ example: 1 }) id!: number;
  @ApiProperty({ example: 'UBND các huyện, thị xã, thành phố' }) name!: string;
  @ApiProperty({ type: [String], example: ['UBND cấp huyện'] }) aliases!: string[];
  @ApiProperty({ enum: AgencyKind, nullable: true, example: AgencyKind.District }) memberKind!: AgencyKind | null;
  @ApiProperty({ type: [String], nullable: true, example: null }) memberCodes!: string[] | null;
}

export function toAgencyGroupResponse(g: AgencyGroup): AgencyGroupResponseDto {
  return { id: g.id, name: g.name, aliases: g.aliases, memberKind: g.memberKind, memberCodes: g.memberCodes };
}

export class AgencyGroupPageDto extends PageMetaDto {
  @ApiProperty({ type: [AgencyGroupResponseDto] }) items!: AgencyGroupResponseDto[];
}
