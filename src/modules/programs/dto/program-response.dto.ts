import { ApiProperty } from '@nestjs/swagger';
import { PageMetaDto } from 'src/core/http/pagination';
import { Program } from '../program.entity';
import { ProgramPeriod } from '../program.enums';

export class ProgramResponseDto {
  @ApiProperty({ example: 1 }) id!: number;
  @ApiProperty({ example: 'CTCT-2024' }) code!: string;
  @ApiProperty({ example: 'Chương trình công tác năm 2024 của UBND tỉnh' }) title!: string;
  @ApiProperty({ example: 2024 }) year!: number;
  @ApiProperty({ enum: ProgramPeriod, example: ProgramPeriod.Year }) period!: ProgramPeriod;
  @ApiProperty({ type: Number, nullable: true, example: null, description: 'Which half (1–2), quarter (1–4) or month (1–12); null for a year program' }) periodNumber!: number | null;
  @ApiProperty({ type: String, nullable: true, example: 'Báo cáo số 412/BC-UBND ngày 04/12/2023 của UBND tỉnh' }) issuingDocument!: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true, example: '2023-12-04' }) issuedAt!: string | null;
  @ApiProperty({ example: '2024-01-02T03:04:05.000Z' }) createdAt!: Date;
  @ApiProperty({ example: '2024-01-02T03:04:05.000Z' }) updatedAt!: Date;
}

export class ProgramPageDto extends PageMetaDto {
  @ApiProperty({ type: [ProgramResponseDto] }) items!: ProgramResponseDto[];
}

export function toProgramResponse(p: Program): ProgramResponseDto {
  return {
    id: p.id,
    code: p.code,
    title: p.title,
    year: p.year,
    period: p.period,
    periodNumber: p.periodNumber,
    issuingDocument: p.issuingDocument,
    issuedAt: p.issuedAt,
    createdAt: p.createdAt,
    updatedAt: p.updatedAt,
  };
}
