import { Body, Controller, Get, Param, Post, Req, Res, StreamableFile, UseInterceptors } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiProduces,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import { Request, Response } from 'express';
import { ApiErrors } from 'src/core/http/api-errors';
import { ParseIdPipe } from 'src/core/http/validation';
import { AuthUser, CurrentUser, Roles } from 'src/modules/auth/auth.decorators';
import { UserRole } from 'src/modules/users/user-role.enum';
import { ImportUploadDto } from './dto/import-upload.dto';
import { ImportQueuedDto, ImportRejectedDto, ImportReportDto, ImportRunDto } from './dto/import-response.dto';
import { UploadedFile } from './import-file';
import { formatCount, IMPORT_LIMITS } from './import-limits';
import { ImportRun } from './import-run.entity';
import { buildImportTemplate } from './import-template';
import { ImportUploadInterceptor } from './import-upload.interceptor';
import { ImportItemsDto } from './dto/import-items.dto';
import { CommitItemsResult, ImportsService, rejectionBody } from './imports.service';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const EXAMPLE_REPORT = {
  programId: 1,
  fileName: 'chuong-trinh-2024.txt',
  format: 'txt',
  dryRun: true,
  committed: false,
  summary: { items: 14, valid: 14, invalid: 0, created: 14, updated: 0, unchanged: 0, warnings: 20 },
  warnings: [],
  items: [
    {
      ref: 'Dòng 13',
      position: 13,
      task: {
        code: 'B.2.2',
        title: 'Sở Tài chính, Sở Tài nguyên và Môi trường, Cục Thuế tập trung thực hiện tốt công tác thu ngân sách, …',
        description: null,
        kind: 'task',
        group: 'B. CHƯƠNG TRÌNH CÔNG TÁC NĂM 2024',
        leadAgency: { id: 5, code: 'STC', name: 'Sở Tài chính' },
        coordinatingAgencies: [
          { id: 10, code: 'STNMT', name: 'Sở Tài nguyên và Môi trường' },
          { id: 33, code: 'CTT', name: 'Cục Thuế tỉnh Bình Phước' },
        ],
        dueDate: null,
        dueText: null,
        outputForm: null,
        submitTo: null,
        leaderInCharge: null,
        sourceDocument: null,
      },
      action: 'create',
      changes: [],
      errors: [],
      warnings: [{ field: 'dueDate', message: 'Nội dung không nêu thời hạn: nhiệm vụ không có hạn hoàn thành' }],
    },
  ],
};

/** The run as ImportRunDto's JSON, its report spliced in as the stored text (never parsed here). */
function runJson(run: Omit<ImportRun, 'result'>, resultJson: string | null): string {
  const rest: Omit<ImportRunDto, 'result'> = {
    id: run.id,
    status: run.status,
    programId: run.programId,
    fileName: run.fileName,
    format: run.format,
    dryRun: run.dryRun,
    processed: run.processed,
    total: run.total,
    error: run.error,
    createdAt: run.createdAt.toISOString(),
    finishedAt: run.finishedAt ? run.finishedAt.toISOString() : null,
  };
  return `${JSON.stringify(rest).slice(0, -1)},"result":${resultJson ?? 'null'}}`;
}

@ApiTags('imports')
@ApiBearerAuth()
@ApiErrors(401, 403)
@Controller('imports')
export class ImportsController {
  constructor(private readonly imports: ImportsService) {}

  @Get('template.xlsx')
  @Roles(UserRole.Admin, UserRole.Office)
  @ApiOperation({
    summary: 'The spreadsheet template of a program',
    description:
      'Columns TT | Nội dung | Cơ quan chủ trì | Cơ quan phối hợp | Thời hạn | Lãnh đạo phụ trách | Hình thức văn bản | Cấp trình | ' +
      'Văn bản giao nhiệm vụ | Ghi chú, a section row and a filled example, frozen header; a second sheet explains how to fill it.',
  })
  @ApiProduces(XLSX)
  @ApiOkResponse({ description: 'The .xlsx file', schema: { type: 'string', format: 'binary' } })
  async template(@Res({ passthrough: true }) res: Response): Promise<StreamableFile> {
    const buffer = await buildImportTemplate();
    res.setHeader('Content-Type', XLSX);
    res.setHeader(
      'Content-Disposition',
      `attachment; filename="mau-nhap-chuong-trinh-cong-tac.xlsx"; filename*=UTF-8''${encodeURIComponent('Mẫu nhập chương trình công tác.xlsx')}`,
    );
    res.setHeader('Cache-Control', 'private, no-store');
    return new StreamableFile(buffer);
  }

  @Post()
  @Roles(UserRole.Admin, UserRole.Office)
  @UseInterceptors(ImportUploadInterceptor)
  @ApiOperation({
    summary: 'Import a program file (.xlsx, .csv, .docx, .txt) into a program',
    description:
      'Office and admin. Tables: the header row is found by its titles (case, diacritics and the usual variants ignored); section rows ' +
      '(A., I., numbered headings) give items their group and code. Documents: numbered paragraphs (1., 2.1., a)) and bullets (-, +) ' +
      'become items; the agencies named in the text are looked up (the first named leads, the rest coordinate; "UBND các huyện, thị xã, ' +
      'thành phố" is every district), and deadline phrases set the due date. An agency that is not in the directory is an error listing ' +
      'the three closest names. `dryRun` (default true) only checks: 200 with the report. `dryRun=false` writes all items in one ' +
      'transaction: 201, or 422 with every item error and nothing written. Re-importing into the same program updates changed items ' +
      '(history action `import`), leaves unchanged ones, never duplicates (items match tasks by program + code). ' +
      `Files over ${formatCount(IMPORT_LIMITS.queueAboveItems)} items or 1 MB run in the background: 202 {id}, then poll GET /api/imports/{id}. ` +
      `Limits: UPLOAD_LIMIT_MB per file (413), ${formatCount(IMPORT_LIMITS.maxItems)} rows, 2,000 characters per title; zip files that ` +
      'unpack to more than 100 MB (or compress more than 100:1) are refused; formulas are read as their saved values, never evaluated.',
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file'],
      properties: {
        file: {
          type: 'string',
          format: 'binary',
          description: '.xlsx, .csv (UTF-8, comma or semicolon), .docx or .txt',
        },
        programId: { type: 'integer', example: 1 },
        dryRun: { type: 'boolean', default: true, example: true },
        defaultLeadAgencyId: {
          type: 'integer',
          example: 1,
          description: 'Lead agency of items that name none (with a warning)',
        },
      },
    },
    examples: {
      preview: {
        summary: 'Check a document (dry run)',
        value: { file: '(chuong-trinh-2024.docx)', programId: 1, dryRun: true, defaultLeadAgencyId: 1 },
      },
      commit: {
        summary: 'Write a spreadsheet',
        value: { file: '(chuong-trinh-2024.xlsx)', programId: 1, dryRun: false },
      },
    },
  })
  @ApiOkResponse({ type: ImportReportDto, description: 'Dry run: the report', example: EXAMPLE_REPORT })
  @ApiCreatedResponse({
    type: ImportReportDto,
    description: 'Committed',
    example: { ...EXAMPLE_REPORT, dryRun: false, committed: true },
  })
  @ApiAcceptedResponse({
    type: ImportQueuedDto,
    description: 'Queued (large file)',
    example: { id: 7, status: 'queued', url: '/api/imports/7' },
  })
  @ApiResponse({
    status: 422,
    type: ImportRejectedDto,
    description: 'Commit refused: item errors, nothing written',
    example: {
      statusCode: 422,
      error: 'Unprocessable Entity',
      message: 'Tệp có 1 mục không hợp lệ; chưa ghi dữ liệu nào',
      details: [
        {
          field: 'items[3].leadAgency',
          message:
            'Dòng 5: Không tìm thấy cơ quan “Sở Du lịch” trong danh mục cơ quan, đơn vị; gần nhất: Sở Văn hóa, Thể thao và Du lịch (SVHTTDL); Sở Công Thương (SCT); Sở Y tế (SYT)',
        },
      ],
      ...EXAMPLE_REPORT,
      dryRun: false,
    },
  })
  @ApiErrors(
    [
      400,
      'Bảng thiếu cột “Cơ quan chủ trì”. Các cột cần có: TT, Nội dung, Cơ quan chủ trì, Cơ quan phối hợp, Thời hạn',
    ],
    [404, 'Không tìm thấy chương trình công tác'],
    [413, 'Tệp vượt quá dung lượng cho phép 10 MB'],
    [415, 'Định dạng tệp .pdf không được hỗ trợ; chỉ nhận .xlsx, .csv, .docx, .txt'],
    [503, 'Hàng đợi công việc tạm thời không khả dụng'],
  )
  async create(
    @Req() req: Request & { file?: UploadedFile },
    @Body() dto: ImportUploadDto,
    @CurrentUser() user: AuthUser,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ImportReportDto | ImportQueuedDto | ReturnType<typeof rejectionBody>> {
    const dryRun = dto.dryRun ?? true;
    const result = await this.imports.submit(
      req.file,
      { programId: dto.programId ?? null, dryRun, defaultLeadAgencyId: dto.defaultLeadAgencyId ?? null },
      user,
    );
    if (result.kind === 'queued') {
      res.status(202);
      return { id: result.run.id, status: result.run.status, url: `/api/imports/${result.run.id}` };
    }
    const report = result.report;
    if (!dryRun && !report.committed) {
      res.status(422);
      return rejectionBody(report);
    }
    res.status(dryRun ? 200 : 201);
    return report;
  }

  @Post('items')
  @Roles(UserRole.Admin, UserRole.Office)
  @ApiOperation({
    summary: 'Commit the preview as corrected on screen',
    description:
      'The items of a dry-run report after the clerk corrected kind, lead, coordinators, deadline, submitTo or title in place; written all or nothing (checked as an import is).',
  })
  @ApiCreatedResponse({ description: 'What was written: created, updated, unchanged, and each item' })
  @ApiErrors(400, 403, [404, 'Không tìm thấy chương trình công tác'])
  async commitItems(@Body() dto: ImportItemsDto, @CurrentUser() user: AuthUser): Promise<CommitItemsResult> {
    return this.imports.commitItems(dto, user);
  }

  @Get(':id')
  @Roles(UserRole.Admin, UserRole.Office)
  @ApiOperation({
    summary: 'A queued import: status, progress (processed of total items) and, once finished, the report',
  })
  @ApiParam({ name: 'id', type: Number, example: 7 })
  @ApiOkResponse({
    type: ImportRunDto,
    example: {
      id: 7,
      status: 'running',
      programId: 1,
      fileName: 'chuong-trinh-2024.xlsx',
      format: 'xlsx',
      dryRun: false,
      processed: 1500,
      total: 5000,
      error: null,
      result: null,
      createdAt: '2024-01-05T02:00:00.000Z',
      finishedAt: null,
    },
  })
  @ApiErrors([400, 'Mã định danh không hợp lệ'], [404, 'Không tìm thấy lượt nhập'])
  async get(@Param('id', ParseIdPipe) id: number, @Res({ passthrough: true }) res: Response): Promise<string> {
    const { run, resultJson } = await this.imports.getRunWithResultJson(id);
    res.type('application/json');
    return runJson(run, resultJson);
  }
}
