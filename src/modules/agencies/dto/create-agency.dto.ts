import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsEmail,
  IsEnum,
  IsInt,
  IsNotEmpty,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { IsLocalDate, MAX_ID, Optional, Trim } from 'src/core/http/validation';
import { AgencyKind } from '../agency.enums';

/** Uppercase ASCII letters and digits, in groups joined by single '-': STC, UBND-DX. */
export const AGENCY_CODE_PATTERN = /^[A-Z0-9]+(-[A-Z0-9]+)*$/;
export const MAX_AGENCY_ALIASES = 30;
export const MAX_AGENCY_EMAILS = 20;

export class CreateAgencyDto {
  @ApiProperty({
    example: 'STC',
    maxLength: 32,
    description: 'Unique short code: uppercase ASCII letters, digits and "-" (sent lowercase, it is uppercased)',
  })
  @Trim({ case: 'upper' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(32)
  @Matches(AGENCY_CODE_PATTERN, { context: { vi: 'chỉ gồm chữ cái không dấu, chữ số và dấu gạch ngang (ví dụ: STC, UBND-DX)' } })
  code!: string;

  @ApiProperty({ example: 'Sở Tài chính', maxLength: 255 })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(255)
  name!: string;

  @ApiProperty({ enum: AgencyKind, example: AgencyKind.Department, description: 'department (sở, ban, ngành), district (UBND huyện), central (bộ, ngành), other' })
  @IsEnum(AgencyKind)
  kind!: AgencyKind;

  @ApiPropertyOptional({ type: [String], example: ['Sở TC', 'Sở Tài chính tỉnh Bình Phước'], description: 'Other spellings found in documents; searched by q', default: [] })
  @Optional()
  @Trim()
  @IsArray()
  @ArrayMaxSize(MAX_AGENCY_ALIASES)
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  @MaxLength(255, { each: true })
  aliases?: string[];

  @ApiPropertyOptional({ type: [String], example: ['stc@nhiemvu.example'], description: 'Contact addresses that receive the reminder digests', default: [] })
  @Optional()
  @Trim({ case: 'lower' })
  @IsArray()
  @ArrayMaxSize(MAX_AGENCY_EMAILS)
  @IsEmail({}, { each: true, context: { vi: 'có địa chỉ email không hợp lệ' } })
  @MaxLength(255, { each: true })
  emails?: string[];

  @ApiPropertyOptional({ example: true, default: true })
  @Optional()
  @IsBoolean()
  active?: boolean;

  @ApiPropertyOptional({ type: String, format: 'date', nullable: true, example: '2025-03-01', description: 'First day the agency exists' })
  @Optional({ nullable: true })
  @IsLocalDate()
  validFrom?: string | null;

  @ApiPropertyOptional({ type: String, format: 'date', nullable: true, example: null, description: 'Last day the agency exists' })
  @Optional({ nullable: true })
  @IsLocalDate()
  validTo?: string | null;

  @ApiPropertyOptional({ type: Number, nullable: true, example: null, description: 'The agency that took over (set by the merge route)' })
  @Optional({ nullable: true })
  @IsInt()
  @Min(1)
  @Max(MAX_ID)
  successorId?: number | null;
}
