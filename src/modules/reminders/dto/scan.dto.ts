import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsInt, IsOptional, Max, Min } from 'class-validator';
import { PageMetaDto, PageQuery } from 'src/core/http/pagination';
import { IsLocalDate, MAX_ID } from 'src/core/http/validation';
import { MailKind } from 'src/modules/mail/mail.enums';

export class ScanRequestDto {
  @ApiPropertyOptional({
    type: String,
    format: 'date',
    example: '2024-07-15',
    description: 'The day to judge; default: today in TZ_APP',
  })
  @IsOptional()
  @IsLocalDate()
  asOf?: string;
}

export class ScanPointDto {
  @ApiProperty({ example: 12 }) taskId!: number;
  @ApiProperty({ example: -3, description: 'Days from the effective due date: −7, −3, −1, 0, 7, 14, 21 …' })
  offsetDays!: number;
}

export class ScanDigestDto {
  @ApiProperty({ example: 5 }) agencyId!: number;
  @ApiProperty({ example: 'STC' }) agencyCode!: string;
  @ApiProperty({ example: 'Sở Tài chính' }) agencyName!: string;
  @ApiProperty({
    enum: [MailKind.ReminderDigest, MailKind.MissingAddress],
    example: MailKind.ReminderDigest,
    description: 'missing_address: the agency has no address; the office was told instead',
  })
  kind!: MailKind;
  @ApiProperty({ example: 42 }) mailMessageId!: number;
  @ApiProperty({ example: '[Nhắc việc] Sở Tài chính: 2 nhiệm vụ quá hạn, 3 nhiệm vụ sắp đến hạn' }) subject!: string;
  @ApiProperty({ type: [String], example: ['stc@nhiemvu.example'] }) to!: string[];
  @ApiProperty({ type: [String], example: ['phochutich@nhiemvu.example'] }) cc!: string[];
  @ApiProperty({ type: [ScanPointDto] }) points!: ScanPointDto[];
  @ApiProperty({
    type: Number,
    nullable: true,
    example: 43,
    description: "The office's copy with the draft công văn đôn đốc",
  })
  escalationMailMessageId!: number | null;
  @ApiProperty({ type: Number, nullable: true, example: 7 }) letterId!: number | null;
}

export class ScanResultDto {
  @ApiProperty({ type: String, format: 'date', example: '2024-07-15' }) asOf!: string;
  @ApiProperty({ example: 5, description: 'Reminder points recorded by this scan (one per task reminded)' })
  points!: number;
  @ApiProperty({ type: [ScanDigestDto], description: 'One per lead agency reminded' }) digests!: ScanDigestDto[];
  @ApiProperty({ type: [String], example: [], description: 'Agencies another scan reminded first: nothing sent twice' })
  conflicts!: string[];
  @ApiProperty({
    type: [String],
    example: [],
    description: 'Agencies whose digest could not be written (retried by the next scan)',
  })
  failed!: string[];
  @ApiProperty({ type: String, nullable: true, example: null }) skipped!: string | null;
  @ApiProperty({ example: 120 }) durationMs!: number;
}

export class ReminderLetterDto {
  @ApiProperty({ example: 7 }) id!: number;
  @ApiProperty({ example: 5 }) agencyId!: number;
  @ApiProperty({ type: String, format: 'date', example: '2024-07-15' }) scanDate!: string;
  @ApiProperty({ example: '2024-07-15-STC-1a2b3c4d.docx' }) filename!: string;
  @ApiProperty({ example: 9471 }) size!: number;
  @ApiProperty({ type: [Number], example: [12, 15] }) taskIds!: number[];
  @ApiProperty({ type: Number, nullable: true, example: 43 }) mailMessageId!: number | null;
  @ApiProperty({ example: '2024-07-15T00:30:00.000Z' }) createdAt!: Date;
}

export class ListRemindersLettersQuery extends PageQuery {
  @ApiPropertyOptional({ example: 5, description: 'Only the letters about this agency' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_ID)
  agencyId?: number;
}

export class ReminderLetterPageDto extends PageMetaDto {
  @ApiProperty({ type: [ReminderLetterDto] }) items!: ReminderLetterDto[];
}

export class SendNowDto {
  @ApiProperty({ type: [Number], example: [12, 15], description: 'The selected tasks (1–500)' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @ArrayUnique()
  @IsInt({ each: true })
  @Min(1, { each: true })
  @Max(MAX_ID, { each: true })
  taskIds!: number[];
}
