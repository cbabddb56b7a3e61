import { PageMetaDto } from 'src/core/http/pagination';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsEnum, IsInt, IsOptional, Max, Min } from 'class-validator';
import { MAX_ID } from 'src/core/http/validation';
import { TaskFile, TaskFilePurpose } from '../task-file.entity';

/** The form fields beside the file of POST /api/tasks/:id/files. */
export class UploadTaskFileDto {
  @ApiPropertyOptional({ enum: TaskFilePurpose, default: TaskFilePurpose.Result })
  @IsOptional()
  @IsEnum(TaskFilePurpose)
  purpose?: TaskFilePurpose;

  @ApiPropertyOptional({ example: 12, description: 'For evidence: the request it supports (of this task)' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_ID)
  requestId?: number;

  @ApiProperty({ type: 'string', format: 'binary', description: `PDF, DOCX, XLSX, PNG, JPEG or WEBP, at most UPLOAD_LIMIT_MB; the type is read from the content` })
  file?: unknown;
}

export class TaskFileResponseDto {
  @ApiProperty() id!: number;
  @ApiProperty() taskId!: number;
  @ApiProperty({ type: Number, nullable: true }) requestId!: number | null;
  @ApiProperty({ enum: TaskFilePurpose }) purpose!: TaskFilePurpose;
  @ApiProperty({ example: 'Quyết định 1234-QĐ-UBND.pdf' }) fileName!: string;
  @ApiProperty({ example: 'application/pdf' }) contentType!: string;
  @ApiProperty() size!: number;
  @ApiProperty() sha256!: string;
  @ApiProperty({ example: '/api/files/3' }) url!: string;
  @ApiProperty() createdAt!: string;
}

export function toTaskFileResponse(f: TaskFile): TaskFileResponseDto {
  return {
    id: f.id,
    taskId: f.taskId,
    requestId: f.requestId,
    purpose: f.purpose,
    fileName: f.fileName,
    contentType: f.contentType,
    size: f.size,
    sha256: f.sha256,
    url: `/api/files/${f.id}`,
    createdAt: f.createdAt.toISOString(),
  };
}

export class TaskFilePageDto extends PageMetaDto {
  @ApiProperty({ type: [TaskFileResponseDto] }) items!: TaskFileResponseDto[];
}
