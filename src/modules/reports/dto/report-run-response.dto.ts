import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PageMetaDto } from 'src/core/http/pagination';
import { ReportRunStatus } from '../report-run.entity';
import { AppendixResponseDto } from './appendix-response.dto';

export class ReportCreatedDto {
  @ApiProperty({ example: 12 }) id!: number;
  @ApiProperty({ enum: ReportRunStatus, example: ReportRunStatus.Queued }) status!: ReportRunStatus;
  @ApiProperty({ example: '/api/reports/12', description: 'Poll it until status is done or failed' }) url!: string;
}

export class ReportRunPeriodDto {
  @ApiProperty({ type: String, format: 'date', example: '2024-03-15' }) from!: string;
  @ApiProperty({ type: String, format: 'date', example: '2024-06-14' }) to!: string;
  @ApiProperty({ type: String, format: 'date', example: '2024-06-14' }) asOf!: string;
  @ApiProperty({ type: String, nullable: true, example: '2024-Q2' }) name!: string | null;
  @ApiProperty({ type: String, nullable: true, enum: ['cutoff', 'calendar'], example: 'cutoff' }) window!: string | null;
  @ApiProperty({ example: 'Quý II năm 2024' }) label!: string;
}

export class ReportFileDto {
  @ApiProperty({ enum: ['xlsx', 'docx'], example: 'xlsx' }) format!: string;
  @ApiProperty({ example: '/api/reports/12/files/xlsx' }) url!: string;
  @ApiProperty({ example: 14210, description: 'Bytes' }) size!: number;
  @ApiProperty({ example: 'Phụ lục báo cáo Quý II năm 2024.xlsx' }) fileName!: string;
}

export class ReportRunResponseDto {
  @ApiProperty({ example: 12 }) id!: number;
  @ApiProperty({ enum: ReportRunStatus, example: ReportRunStatus.Done }) status!: ReportRunStatus;
  @ApiProperty({ type: ReportRunPeriodDto }) period!: ReportRunPeriodDto;
  @ApiProperty({ type: Number, nullable: true, example: null }) programId!: number | null;
  @ApiProperty({ type: Number, nullable: true, example: null }) agencyId!: number | null;
  @ApiProperty({ enum: ['xlsx', 'docx'], isArray: true, example: ['xlsx', 'docx'] }) formats!: string[];
  @ApiProperty({ type: String, nullable: true, example: '165' }) reportNumber!: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true, example: '2024-07-01' }) reportDate!: string | null;
  @ApiProperty({ example: false, description: 'Built by the schedule (and emailed)' }) scheduled!: boolean;
  @ApiProperty({ type: String, nullable: true, example: null, description: 'Why the build failed' }) error!: string | null;
  @ApiProperty({ type: [ReportFileDto] }) files!: ReportFileDto[];
  @ApiProperty({ example: '2024-07-01T01:00:00.000Z' }) createdAt!: Date;
  @ApiProperty({ type: Date, nullable: true, example: '2024-07-01T01:00:01.000Z' }) startedAt!: Date | null;
  @ApiProperty({ type: Date, nullable: true, example: '2024-07-01T01:00:02.000Z' }) finishedAt!: Date | null;
  @ApiPropertyOptional({ type: AppendixResponseDto, nullable: true, description: 'The figures as built (GET /api/reports/:id only, once done)' })
  snapshot?: AppendixResponseDto | null;
}

export class ReportRunPageDto extends PageMetaDto {
  @ApiProperty({ type: [ReportRunResponseDto] }) items!: ReportRunResponseDto[];
}
