import { Body, Controller, Get, HttpCode, Param, Post, Query, Res, StreamableFile } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBearerAuth,
  ApiBody,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import { Response } from 'express';
import { createReadStream } from 'node:fs';
import { ApiErrors } from 'src/core/http/api-errors';
import { ParseIdPipe } from 'src/core/http/validation';
import { AuthUser, CurrentUser, Roles } from 'src/modules/auth/auth.decorators';
import { UserRole } from 'src/modules/users/user-role.enum';
import { AppendixQuery, DefaultPeriodQuery, TrendQuery } from './dto/appendix.query';
import { AppendixResponseDto, DefaultPeriodDto, TrendMonthDto } from './dto/appendix-response.dto';
import { CreateReportDto } from './dto/create-report.dto';
import { ListReportsQuery } from './dto/list-reports.query';
import { ReportCreatedDto, ReportRunPageDto, ReportRunResponseDto } from './dto/report-run-response.dto';
import { contentDisposition } from './report-format';
import { toReportRunResponse } from './report-run.response';
import { ReportsService } from './reports.service';

const ALL_ROLES = [UserRole.Admin, UserRole.Office, UserRole.Leader, UserRole.Agency];
const NOT_FOUND: [number, string] = [404, 'Không tìm thấy báo cáo'];
const BAD_WINDOW: [number, string] = [400, 'Ngày bắt đầu không được sau ngày kết thúc'];

@ApiTags('reports')
@ApiBearerAuth()
@ApiErrors(401)
@Controller('reports')
export class ReportsController {
  constructor(private readonly reports: ReportsService) {}

  @Get('appendix')
  @Roles(...ALL_ROLES)
  @ApiOperation({
    summary: 'The appendix tables (Phụ lục I, II, III) computed now',
    description:
      'Either `from` + `to` (at most 5 years) or a named `period` (2024, 2024-06, 2024-Q2, 2024-H1, 2024-H2, 2024-9M) with `window` ' +
      '(cutoff: Nghị định 09/2019, 15th of the month before – 14th; calendar). Judged as of `asOf` (default `to`). ' +
      'Rates are fractions rounded to 3 decimals (0.881), null when nothing to divide. Agency users get their own agency only. ' +
      'Phụ lục III (`overdue`) comes a page at a time (`overduePage`, `overdueLimit`, default the first 100 rows; `overduePage.total` counts them all). ' +
      'Examples: `?from=2020-01-01&to=2020-06-30`, `?period=2024-Q2&window=cutoff`, `?period=2024-H1&window=calendar&asOf=2024-06-20`.',
  })
  @ApiOkResponse({
    type: AppendixResponseDto,
    example: {
      period: { from: '2020-01-01', to: '2020-06-30', asOf: '2020-06-30' },
      programItems: { initial: 40, added: 3, withdrawnOrDeferred: 1, total: 42, submitted: 37, issued: 33, notSubmitted: 5, submittedRate: 0.881 },
      programItemsByAgency: [
        { agencyId: 3, agencyCode: 'SKHDT', agencyName: 'Sở Kế hoạch và Đầu tư', initial: 9, added: 1, withdrawnOrDeferred: 0, total: 10, submitted: 9, issued: 8, notSubmitted: 1, submittedRate: 0.9 },
      ],
      tasks: { total: 46, carriedOver: 0, assignedInPeriod: 46, done: 42, doneOnTime: 42, doneLate: 0, open: 4, openInTime: 4, openOverdue: 0, doneRate: 0.913, completionRate: 1 },
      byAgency: [
        { agencyId: 3, agencyCode: 'SKHDT', agencyName: 'Sở Kế hoạch và Đầu tư', total: 6, done: 5, doneOnTime: 5, doneLate: 0, open: 1, openInTime: 1, openOverdue: 0, doneRate: 0.833, completionRate: 1 },
      ],
      overdue: [],
      overduePage: { page: 1, limit: 100, total: 0 },
    },
  })
  @ApiErrors(BAD_WINDOW, [403, 'Bạn chỉ được xem số liệu của cơ quan, đơn vị mình'], [404, 'Không tìm thấy chương trình công tác'])
  appendix(@Query() query: AppendixQuery, @CurrentUser() user: AuthUser): Promise<AppendixResponseDto> {
    return this.reports.appendix(query, user);
  }

  @Get('trend')
  @Roles(...ALL_ROLES)
  @ApiOperation({
    summary: 'Month by month of a year: done on time, done late, overdue',
    description: 'Each month is judged as Phụ lục II judges a period: done on time / late within the month, open overdue at its end (today for the running month).',
  })
  @ApiOkResponse({ type: [TrendMonthDto] })
  @ApiErrors(400, [403, 'Bạn chỉ được xem số liệu của cơ quan, đơn vị mình'])
  trend(@Query() query: TrendQuery, @CurrentUser() user: AuthUser): Promise<TrendMonthDto[]> {
    return this.reports.trend(query.year ?? Number(this.reports.today().slice(0, 4)), query.agencyId, user, query.leaderInCharge);
  }

  @Get('default-period')
  @Roles(...ALL_ROLES)
  @ApiOperation({
    summary: 'The period a report or dashboard opens on: the last one of its kind that has closed',
    description: 'E.g. on 05/12/2026 the default quarter is 2026-Q3 (never Quý I in December).',
  })
  @ApiOkResponse({ type: DefaultPeriodDto })
  @ApiErrors(400)
  defaultPeriod(@Query() query: DefaultPeriodQuery): DefaultPeriodDto {
    return this.reports.defaultPeriod(query.kind ?? 'quarter', query.window);
  }

  @Post()
  @HttpCode(202)
  @Roles(UserRole.Admin, UserRole.Office, UserRole.Leader)
  @ApiOperation({
    summary: 'Build a report (XLSX, DOCX) in the background',
    description:
      'Office, leader and admin. Creates a queued run and a BuildReport job; poll GET /api/reports/{id} until status is done, then download the files. ' +
      'The run stores its window, as-of date, figures and task list: later changes to tasks do not change it.',
  })
  @ApiBody({
    type: CreateReportDto,
    examples: {
      named: { summary: 'Quý II/2024, cut-off window', value: { period: '2024-Q2', window: 'cutoff', formats: ['xlsx', 'docx'], reportNumber: '165', reportDate: '2024-06-20' } },
      dates: { summary: 'Explicit dates', value: { from: '2020-01-01', to: '2020-06-30', formats: ['xlsx', 'docx'], reportNumber: '165', reportDate: '2020-07-01' } },
    },
  })
  @ApiAcceptedResponse({ type: ReportCreatedDto, example: { id: 12, status: 'queued', url: '/api/reports/12' } })
  @ApiErrors(BAD_WINDOW, 403, [404, 'Không tìm thấy chương trình công tác'])
  async create(@Body() dto: CreateReportDto, @CurrentUser() user: AuthUser): Promise<ReportCreatedDto> {
    const run = await this.reports.create(dto, user);
    return { id: run.id, status: run.status, url: `/api/reports/${run.id}` };
  }

  @Get()
  @Roles(...ALL_ROLES)
  @ApiOperation({ summary: 'List report runs', description: 'Newest first. Agency users see the runs built for their agency only.' })
  @ApiOkResponse({ type: ReportRunPageDto })
  @ApiErrors(400)
  async list(@Query() query: ListReportsQuery, @CurrentUser() user: AuthUser): Promise<ReportRunPageDto> {
    const page = await this.reports.list(query, user);
    return { ...page, items: page.items.map((r) => toReportRunResponse(r, this.reports.names(r), false)) };
  }

  @Get(':id')
  @Roles(...ALL_ROLES)
  @ApiOperation({ summary: 'A report run: its status, window, files and (once done) the figures as built' })
  @ApiParam({ name: 'id', type: Number, example: 12 })
  @ApiOkResponse({
    type: ReportRunResponseDto,
    example: {
      id: 12,
      status: 'done',
      period: { from: '2024-03-15', to: '2024-06-14', asOf: '2024-06-14', name: '2024-Q2', window: 'cutoff', label: 'Quý II năm 2024' },
      programId: null,
      agencyId: null,
      formats: ['xlsx', 'docx'],
      reportNumber: '165',
      reportDate: '2024-06-20',
      scheduled: false,
      error: null,
      files: [
        { format: 'xlsx', url: '/api/reports/12/files/xlsx', size: 14210, fileName: 'Phụ lục báo cáo Quý II năm 2024.xlsx' },
        { format: 'docx', url: '/api/reports/12/files/docx', size: 11873, fileName: 'Phụ lục báo cáo Quý II năm 2024.docx' },
      ],
      createdAt: '2024-06-20T01:00:00.000Z',
      startedAt: '2024-06-20T01:00:00.120Z',
      finishedAt: '2024-06-20T01:00:00.480Z',
      snapshot: { period: { from: '2024-03-15', to: '2024-06-14', asOf: '2024-06-14' }, programItems: {}, tasks: {}, byAgency: [], overdue: [] },
    },
  })
  @ApiErrors([400, 'Mã định danh không hợp lệ'], NOT_FOUND)
  async get(@Param('id', ParseIdPipe) id: number, @CurrentUser() user: AuthUser): Promise<ReportRunResponseDto> {
    const run = await this.reports.get(id, user);
    return toReportRunResponse(run, this.reports.names(run), true);
  }

  @Get(':id/files/:format')
  @Roles(...ALL_ROLES)
  @ApiOperation({
    summary: 'Download a file of a finished report',
    description:
      'Content-Disposition carries an ASCII name and the Vietnamese one (RFC 5987): ' +
      `attachment; filename="Phu-luc-bao-cao-Quy-II-nam-2024.xlsx"; filename*=UTF-8''Ph%E1%BB%A5%20l%E1%BB%A5c%20b%C3%A1o%20c%C3%A1o%20Qu%C3%BD%20II%20n%C4%83m%202024.xlsx`,
  })
  @ApiParam({ name: 'id', type: Number, example: 12 })
  @ApiParam({ name: 'format', enum: ['xlsx', 'docx'], example: 'xlsx' })
  @ApiProduces(
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  )
  @ApiOkResponse({ description: 'The file', schema: { type: 'string', format: 'binary' } })
  @ApiErrors([400, 'Định dạng "pdf" không được hỗ trợ; chọn một trong: xlsx, docx'], NOT_FOUND, [409, 'Báo cáo đang được tạo; vui lòng thử lại sau ít phút'])
  async download(
    @Param('id', ParseIdPipe) id: number,
    @Param('format') format: string,
    @CurrentUser() user: AuthUser,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    const file = await this.reports.download(id, format, user);
    res.setHeader('Content-Type', file.contentType);
    res.setHeader('Content-Disposition', contentDisposition(file.fileName));
    res.setHeader('Content-Length', String(file.size));
    res.setHeader('Cache-Control', 'private, no-store');
    return new StreamableFile(createReadStream(file.absolutePath));
  }
}
