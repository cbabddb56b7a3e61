import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEnum, IsInt, IsNotEmpty, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { IsLocalDate, Optional, Trim } from 'src/core/http/validation';
import { ProgramPeriod } from '../program.enums';

/** Uppercase ASCII letters, digits and . _ / -, starting with a letter or digit: CTCT-2024, CTCT-2024/Q3. */
export const PROGRAM_CODE_PATTERN = /^[A-Z0-9][A-Z0-9._/-]*$/;
export const MIN_PROGRAM_YEAR = 2000;
export const MAX_PROGRAM_YEAR = 2100;

export class CreateProgramDto {
  @ApiProperty({ example: 'CTCT-2024', maxLength: 64, description: 'Unique code: uppercase ASCII letters, digits and . _ / - (sent lowercase, it is uppercased)' })
  @Trim({ case: 'upper' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  @Matches(PROGRAM_CODE_PATTERN, { context: { vi: 'chỉ gồm chữ cái không dấu, chữ số và các dấu . _ / - (ví dụ: CTCT-2024)' } })
  code!: string;

  @ApiProperty({ example: 'Chương trình công tác năm 2024 của UBND tỉnh', maxLength: 500 })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  title!: string;

  @ApiProperty({ example: 2024, minimum: MIN_PROGRAM_YEAR, maximum: MAX_PROGRAM_YEAR })
  @IsInt()
  @Min(MIN_PROGRAM_YEAR)
  @Max(MAX_PROGRAM_YEAR)
  year!: number;

  @ApiProperty({ enum: ProgramPeriod, example: ProgramPeriod.Year, description: 'year (năm), half (6 tháng), quarter (quý), month (tháng)' })
  @IsEnum(ProgramPeriod)
  period!: ProgramPeriod;

  @ApiPropertyOptional({ type: Number, nullable: true, minimum: 1, maximum: 12, example: 2, description: 'Which half (1–2), quarter (1–4) or month (1–12); required unless period is year, where it is null' })
  @Optional({ nullable: true })
  @IsInt({ context: { vi: 'phải là số nguyên (6 tháng: 1–2, quý: 1–4, tháng: 1–12)' } })
  @Min(1, { context: { vi: 'phải từ 1 trở lên' } })
  @Max(12, { context: { vi: 'không được lớn hơn 12' } })
  periodNumber?: number | null;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 255, example: 'Báo cáo số 412/BC-UBND ngày 04/12/2023 của UBND tỉnh', description: 'Số, ký hiệu of the issuing document' })
  @Optional({ nullable: true })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(255)
  issuingDocument?: string | null;

  @ApiPropertyOptional({ type: String, format: 'date', nullable: true, example: '2023-12-04', description: 'Ngày ban hành' })
  @Optional({ nullable: true })
  @IsLocalDate()
  issuedAt?: string | null;
}
