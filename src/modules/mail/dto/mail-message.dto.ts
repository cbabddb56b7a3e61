import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsEnum, IsInt, IsOptional, IsString, MaxLength, Min } from 'class-validator';
import { PageMetaDto, PageQuery } from 'src/core/http/pagination';
import { ToArray } from 'src/core/http/validation';
import { MailMessage } from '../mail-message.entity';
import { MailKind, MailStatus } from '../mail.enums';

export class ListMailMessagesQuery extends PageQuery {
  @ApiPropertyOptional({
    enum: MailStatus,
    isArray: true,
    example: [MailStatus.Failed],
    description: 'Repeat or comma-separate for several',
  })
  @IsOptional()
  @ToArray()
  @IsEnum(MailStatus, { each: true })
  status?: MailStatus[];

  @ApiPropertyOptional({ enum: MailKind, isArray: true, example: [MailKind.ReminderDigest] })
  @IsOptional()
  @ToArray()
  @IsEnum(MailKind, { each: true })
  kind?: MailKind[];

  @ApiPropertyOptional({ example: 'stc@nhiemvu.example', description: 'A recipient (To or Cc), or part of an address' })
  @IsOptional()
  @IsString()
  @MaxLength(255)
  to?: string;

  @ApiPropertyOptional({ example: 12, description: 'Messages about this task' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  taskId?: number;
}

export class MailAttachmentDto {
  @ApiProperty({ example: 'cong-van-don-doc-STC-2024-07-15.docx' }) filename!: string;
  @ApiProperty({ example: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' })
  contentType!: string;
}

/** A task a message is about, named as people know it. */
export class MailTaskRefDto {
  @ApiProperty({ example: 12 }) id!: number;
  @ApiProperty({ type: String, nullable: true, example: 'B.2.3' }) code!: string | null;
  @ApiProperty({ example: 'Rà soát, đề xuất phương án phân bổ vốn đầu tư công năm 2024' }) title!: string;
}

/** How many tasks of a message the mail log names (taskIds has them all). */
export const MAIL_TASK_REFS = 20;

export class MailMessageResponseDto {
  @ApiProperty({ example: 42 }) id!: number;
  @ApiProperty({ enum: MailKind, example: MailKind.ReminderDigest }) kind!: MailKind;
  @ApiProperty({
    enum: MailStatus,
    example: MailStatus.Sent,
    description: 'queued → sent, or failed (5xx at once; temporary errors after the last retry)',
  })
  status!: MailStatus;
  @ApiProperty({ type: [String], example: ['stc@nhiemvu.example', 'hangntt.stc@nhiemvu.example'] }) to!: string[];
  @ApiProperty({ type: [String], example: [] }) cc!: string[];
  @ApiProperty({ example: '[Nhắc việc] Sở Tài chính: 2 nhiệm vụ quá hạn, 3 nhiệm vụ sắp đến hạn' }) subject!: string;
  @ApiProperty({ example: 1, description: 'Delivery attempts so far' }) attempts!: number;
  @ApiProperty({
    type: String,
    nullable: true,
    example: null,
    description: 'The last error of the SMTP server or connection',
  })
  lastError!: string | null;
  @ApiProperty({ type: String, nullable: true, example: '<5f1c…@nhiemvu>' }) messageId!: string | null;
  @ApiProperty({ type: Number, nullable: true, example: 5 }) agencyId!: number | null;
  @ApiProperty({ type: [Number], example: [12, 15] }) taskIds!: number[];
  @ApiProperty({ type: [MailTaskRefDto], description: `The first ${MAIL_TASK_REFS} tasks of taskIds with their code and title` })
  tasks!: MailTaskRefDto[];
  @ApiProperty({ type: [MailAttachmentDto] }) attachments!: MailAttachmentDto[];
  @ApiProperty({ type: Date, nullable: true, example: '2024-07-15T00:30:05.000Z' }) sentAt!: Date | null;
  @ApiProperty({ example: '2024-07-15T00:30:00.000Z' }) createdAt!: Date;
  @ApiProperty({ example: '2024-07-15T00:30:05.000Z' }) updatedAt!: Date;
}

export class MailMessageDetailDto extends MailMessageResponseDto {
  @ApiProperty({ example: '<!DOCTYPE html><html lang="vi">…</html>' }) html!: string;
  @ApiProperty({ example: 'Kính gửi: Sở Tài chính\n…' }) text!: string;
}

export class MailMessagePageDto extends PageMetaDto {
  @ApiProperty({ type: [MailMessageResponseDto] }) items!: MailMessageResponseDto[];
}

type TaskRefs = Map<number, { code: string | null; title: string }>;

export function toMailMessageResponse(m: MailMessage, taskIds: number[], refs: TaskRefs = new Map()): MailMessageResponseDto {
  return {
    id: m.id,
    kind: m.kind,
    status: m.status,
    to: m.to,
    cc: m.cc,
    subject: m.subject,
    attempts: m.attempts,
    lastError: m.lastError,
    messageId: m.messageId,
    agencyId: m.agencyId,
    taskIds,
    tasks: taskIds.slice(0, MAIL_TASK_REFS).flatMap((id) => {
      const r = refs.get(id);
      return r ? [{ id, code: r.code, title: r.title }] : [];
    }),
    attachments: (m.attachments ?? []).map((a) => ({ filename: a.filename, contentType: a.contentType })),
    sentAt: m.sentAt,
    createdAt: m.createdAt,
    updatedAt: m.updatedAt,
  };
}

export function toMailMessageDetail(m: MailMessage, taskIds: number[], refs: TaskRefs = new Map()): MailMessageDetailDto {
  return { ...toMailMessageResponse(m, taskIds, refs), html: m.html, text: m.text };
}
