import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { TaskKind } from 'src/modules/tasks/task.enums';
import { IMPORT_FORMATS } from '../import.types';
import { ImportRunStatus } from '../import-run.entity';

export class ImportIssueDto {
  @ApiProperty({ example: 'leadAgency' }) field!: string;
  @ApiProperty({
    example:
      'Không tìm thấy cơ quan “Sở Du lịch” trong danh mục cơ quan, đơn vị; gần nhất: Sở Văn hóa, Thể thao và Du lịch (SVHTTDL); Sở Công Thương (SCT); Sở Y tế (SYT)',
  })
  message!: string;
}

export class ImportAgencyDto {
  @ApiProperty({ example: 5 }) id!: number;
  @ApiProperty({ example: 'STC' }) code!: string;
  @ApiProperty({ example: 'Sở Tài chính' }) name!: string;
}

export class ImportTaskDto {
  @ApiProperty({ type: String, nullable: true, example: 'B.2.2' }) code!: string | null;
  @ApiProperty({
    example: 'Sở Tài chính, Sở Tài nguyên và Môi trường, Cục Thuế tập trung thực hiện tốt công tác thu ngân sách …',
  })
  title!: string;
  @ApiProperty({
    type: String,
    nullable: true,
    example: null,
    description: 'Ghi chú (tables), or the full text when a document item is longer than a title',
  })
  description!: string | null;
  @ApiProperty({ enum: TaskKind, example: TaskKind.Task }) kind!: TaskKind;
  @ApiProperty({
    type: String,
    nullable: true,
    example: 'B. CHƯƠNG TRÌNH CÔNG TÁC NĂM 2024',
    description: 'The headings above the item',
  })
  group!: string | null;
  @ApiProperty({ type: ImportAgencyDto, nullable: true }) leadAgency!: ImportAgencyDto | null;
  @ApiProperty({ type: [ImportAgencyDto] }) coordinatingAgencies!: ImportAgencyDto[];
  @ApiProperty({ type: String, format: 'date', nullable: true, example: '2024-06-30' }) dueDate!: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'Quý II/2024', description: 'The deadline as written' })
  dueText!: string | null;
  @ApiProperty({ type: String, nullable: true, example: null }) outputForm!: string | null;
  @ApiProperty({ type: String, nullable: true, example: null }) submitTo!: string | null;
  @ApiProperty({ type: String, nullable: true, example: null }) leaderInCharge!: string | null;
  @ApiProperty({ type: String, nullable: true, example: null }) sourceDocument!: string | null;
}

export class ImportItemDto {
  @ApiProperty({ example: 'Dòng 13', description: 'Where the item is: row (tables), line (.txt) or paragraph (.docx)' })
  ref!: string;
  @ApiProperty({ example: 13 }) position!: number;
  @ApiProperty({ type: ImportTaskDto }) task!: ImportTaskDto;
  @ApiProperty({
    enum: ['create', 'update', 'unchanged'],
    nullable: true,
    example: 'create',
    description: 'Valid items: what the commit does (dry run) or did',
  })
  action!: 'create' | 'update' | 'unchanged' | null;
  @ApiProperty({ type: [String], example: [], description: 'Fields an update changes' }) changes!: string[];
  @ApiProperty({ type: [ImportIssueDto] }) errors!: ImportIssueDto[];
  @ApiProperty({ type: [ImportIssueDto] }) warnings!: ImportIssueDto[];
}

export class ImportSummaryDto {
  @ApiProperty({ example: 14 }) items!: number;
  @ApiProperty({ example: 14 }) valid!: number;
  @ApiProperty({ example: 0 }) invalid!: number;
  @ApiProperty({ example: 14, description: 'Dry run: would be created' }) created!: number;
  @ApiProperty({ example: 0 }) updated!: number;
  @ApiProperty({ example: 0 }) unchanged!: number;
  @ApiProperty({ example: 21, description: 'Warnings over all items' }) warnings!: number;
}

/** A văn bản giao nhiệm vụ's header (number, date, issuer), as the import read it. */
export class ImportDocumentHeaderDto {
  @ApiProperty({ type: String, nullable: true, example: '1066/UBND-VXNV' }) number!: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'Công văn' }) type!: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'Bắc Kạn' }) place!: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true, example: '2021-03-01' }) date!: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'UBND tỉnh Bắc Kạn' }) issuer!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'A date in the header that is not a real day' }) dateError!: string | null;
  @ApiProperty({ example: 6, description: 'The last header line (the body starts after it)' }) headerEnd!: number;
  @ApiProperty({ example: 'Công văn số 1066/UBND-VXNV ngày 01/03/2021 của UBND tỉnh Bắc Kạn', description: "The tasks' sourceDocument" })
  sourceDocument!: string;
}

export class ImportOcrDto {
  @ApiProperty({ example: 3 }) pages!: number;
  @ApiProperty({ example: 91, description: 'Mean confidence, %' }) confidence!: number;
}

export class ImportReportDto {
  @ApiProperty({ type: Number, example: 1, nullable: true }) programId!: number | null;
  @ApiPropertyOptional({ type: String, format: 'date', example: '2021-03-01', description: "The day the tasks are given (the document's date, else the program's)" })
  assignedAt?: string;
  @ApiPropertyOptional({ type: ImportDocumentHeaderDto, nullable: true, description: 'A văn bản giao nhiệm vụ: what its header says' })
  document?: ImportDocumentHeaderDto | null;
  @ApiPropertyOptional({ type: ImportOcrDto, nullable: true, description: 'Read by OCR: pages and mean confidence' })
  ocr?: ImportOcrDto | null;
  @ApiProperty({ example: 'chuong-trinh-2024.docx' }) fileName!: string;
  @ApiProperty({ enum: IMPORT_FORMATS, example: 'docx' }) format!: string;
  @ApiProperty({ example: true }) dryRun!: boolean;
  @ApiProperty({ example: false, description: 'True once the tasks are written' }) committed!: boolean;
  @ApiProperty({ type: ImportSummaryDto }) summary!: ImportSummaryDto;
  @ApiProperty({ type: [ImportIssueDto], description: 'About the whole file' }) warnings!: ImportIssueDto[];
  @ApiProperty({ type: [ImportItemDto] }) items!: ImportItemDto[];
}

/** 422: the ErrorBody fields, and the report. */
export class ImportRejectedDto extends ImportReportDto {
  @ApiProperty({ example: 422 }) statusCode!: number;
  @ApiProperty({ example: 'Unprocessable Entity' }) error!: string;
  @ApiProperty({ example: 'Tệp có 2 mục không hợp lệ; chưa ghi dữ liệu nào' }) message!: string;
  @ApiProperty({
    type: [ImportIssueDto],
    description: 'Every item error, field items[i].<field>, message prefixed with the row',
  })
  details!: ImportIssueDto[];
}

export class ImportQueuedDto {
  @ApiProperty({ example: 7 }) id!: number;
  @ApiProperty({ enum: ImportRunStatus, example: ImportRunStatus.Queued }) status!: ImportRunStatus;
  @ApiProperty({ example: '/api/imports/7' }) url!: string;
}

export class ImportRunDto {
  @ApiProperty({ example: 7 }) id!: number;
  @ApiProperty({ enum: ImportRunStatus, example: ImportRunStatus.Running }) status!: ImportRunStatus;
  @ApiProperty({ type: Number, example: 1, nullable: true }) programId!: number | null;
  @ApiProperty({ example: 'chuong-trinh-2024.xlsx' }) fileName!: string;
  @ApiProperty({ enum: IMPORT_FORMATS, example: 'xlsx' }) format!: string;
  @ApiProperty({ example: false }) dryRun!: boolean;
  @ApiProperty({ example: 1500, description: 'Items checked so far' }) processed!: number;
  @ApiProperty({ example: 5000, description: 'Items of the file (0 until it is read)' }) total!: number;
  @ApiProperty({ type: String, nullable: true, example: null, description: 'Why the run failed' }) error!:
    string | null;
  @ApiPropertyOptional({ type: ImportReportDto, nullable: true, description: 'Once done (or failed on item errors)' })
  result!: ImportReportDto | null;
  @ApiProperty({ example: '2024-01-05T02:00:00.000Z' }) createdAt!: string;
  @ApiProperty({ type: String, nullable: true, example: '2024-01-05T02:00:41.000Z' }) finishedAt!: string | null;
}
