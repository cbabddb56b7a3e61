import { Body, Controller, Get, HttpCode, Logger, Param, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiParam, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Response } from 'express';
import { ApiErrors } from 'src/core/http/api-errors';
import { contentDisposition } from 'src/core/http/content-disposition';
import { Page, pageOfList, PageQuery } from 'src/core/http/pagination';
import { ParseIdPipe } from 'src/core/http/validation';
import { AuthUser, CurrentUser, Roles } from 'src/modules/auth/auth.decorators';
import { UserRole } from 'src/modules/users/user-role.enum';
import { CreateTaskDto } from './dto/create-task.dto';
import { ListTasksQuery, TaskFiltersQuery } from './dto/list-tasks.query.dto';
import { TaskSummaryDto } from './dto/task-summary.dto';
import { TaskHistoryPageDto, toTaskHistoryResponse } from './dto/task-history-response.dto';
import { TaskPageDto, TaskResponseDto, toTaskResponse } from './dto/task-response.dto';
import { UpdateTaskDto } from './dto/update-task.dto';
import { BulkTaskActionDto, BulkTaskResultDto } from './dto/bulk-task-action.dto';
import { TASK_EXPORT_MAX_ROWS, writeTaskListXlsx } from './task-export';
import { TASK_NOT_FOUND } from './task-access.policy';
import { STALE_VERSION, TaskChangesService } from './task-changes.service';
import { TasksService } from './tasks.service';
import { TaskListingService } from './task-listing.service';

const NOT_FOUND: [number, string] = [404, TASK_NOT_FOUND];

const ALL_ROLES = [UserRole.Admin, UserRole.Office, UserRole.Leader, UserRole.Agency];

@ApiTags('tasks')
@ApiBearerAuth()
@ApiErrors(401)
@Controller('tasks')
export class TasksController {
  private readonly logger = new Logger(TasksController.name);

  constructor(
    private readonly tasks: TasksService,
    private readonly changes: TaskChangesService,
    private readonly listing: TaskListingService,
  ) {}

  @Post()
  @Roles(UserRole.Office, UserRole.Admin)
  @ApiOperation({
    summary: 'Giao nhiệm vụ (office, admin)',
    description:
      'Creates a task in status new. dueDate null = recurring (thường xuyên); a due date before assignedAt is refused; ' +
      'the lead agency may not also coordinate. effectiveDueDate moves a weekend/holiday deadline to the next working day.',
  })
  @ApiCreatedResponse({ type: TaskResponseDto })
  @ApiErrors(400, 403, [409, 'Mã nhiệm vụ "B.2.3" đã tồn tại trong chương trình'])
  async create(@Body() dto: CreateTaskDto, @CurrentUser() user: AuthUser): Promise<TaskResponseDto> {
    return toTaskResponse(await this.tasks.create(dto, user), this.tasks.today());
  }

  @Get()
  @Roles(...ALL_ROLES)
  @ApiOperation({
    summary: 'Danh sách nhiệm vụ',
    description:
      'Agency users see the tasks their agency leads or coordinates. Each task carries its timeliness as of asOf (default today). ' +
      'Example: ?involvingAgencyId=3&timeliness=overdue&asOf=2024-06-30&sort=dueDate',
  })
  @ApiOkResponse({ type: TaskPageDto })
  @ApiErrors(400)
  async list(@Query() query: ListTasksQuery, @CurrentUser() user: AuthUser): Promise<TaskPageDto> {
    const page = await this.listing.list(query, user);
    return {
      items: page.items.map((t) => toTaskResponse(t, page.asOf)),
      total: page.total,
      page: page.page,
      limit: page.limit,
    };
  }

  @Get('summary')
  @Roles(...ALL_ROLES)
  @ApiOperation({
    summary: 'Số nhiệm vụ theo từng nhóm (các thẻ của danh sách)',
    description:
      'The same filters as GET /api/tasks (no page, limit or sort), counted in one answer: total, overdue and dueSoon (timeliness as of asOf), ' +
      'open (new, in_progress, submitted), done, and with agencyId the tasks that agency coordinates without leading (coordinating; null without agencyId). ' +
      'Agency users count only what they may see, as on the list. Example: ?agencyId=3&asOf=2024-06-30',
  })
  @ApiOkResponse({ type: TaskSummaryDto })
  @ApiErrors(400)
  summary(@Query() query: TaskFiltersQuery, @CurrentUser() user: AuthUser): Promise<TaskSummaryDto> {
    return this.listing.summary(query, user);
  }

  @Get('leaders')
  @Roles(UserRole.Admin, UserRole.Office, UserRole.Leader)
  @ApiOperation({ summary: 'The leaders in charge named on tasks (for the view per leader)' })
  @ApiOkResponse({
    schema: {
      type: 'object',
      properties: { items: { type: 'array', items: { type: 'string' } }, total: { type: 'integer' }, page: { type: 'integer' }, limit: { type: 'integer' } },
      example: { items: ['Chủ tịch UBND tỉnh', 'Phó Chủ tịch UBND tỉnh Lê Hoàng Việt'], total: 2, page: 1, limit: 50 },
    },
  })
  @ApiErrors([400, 'Tham số không hợp lệ'])
  async leaders(@Query() query: PageQuery): Promise<Page<string>> {
    return pageOfList(await this.listing.leaders(), query);
  }

  @Get('export')
  @Roles(...ALL_ROLES)
  @ApiOperation({
    summary: 'Xuất danh sách nhiệm vụ ra Excel',
    description:
      `Exactly the list GET /api/tasks gives for the same filters and sort, every page, as one XLSX (streamed). ` +
      `More than ${TASK_EXPORT_MAX_ROWS} tasks → 400 asking to filter more (nothing is written).`,
  })
  @ApiProduces('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  @ApiOkResponse({ description: 'The file', schema: { type: 'string', format: 'binary' } })
  @ApiErrors([400, `Danh sách có 100.001 nhiệm vụ, vượt quá giới hạn 100.000 dòng của một tệp xuất; hãy lọc bớt …`])
  async export(@Query() query: ListTasksQuery, @CurrentUser() user: AuthUser, @Res() res: Response): Promise<void> {
    const { asOf, batches } = await this.listing.exportList(query, user, TASK_EXPORT_MAX_ROWS);
    res.setHeader('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    res.setHeader('Content-Disposition', contentDisposition(`Danh sách nhiệm vụ ${asOf.split('-').reverse().join('.')}.xlsx`));
    res.setHeader('Cache-Control', 'private, no-store');
    try {
      await writeTaskListXlsx(res, 'Danh sách nhiệm vụ', asOf, batches());
    } catch (err) {
      // Headers are gone: all that is left is to cut the download so it is not taken for a whole file.
      this.logger.error(`task export failed: ${(err as Error).message}`, (err as Error).stack);
      res.destroy(err as Error);
    }
  }

  @Post('bulk')
  @HttpCode(200)
  @Roles(UserRole.Office, UserRole.Admin, UserRole.Agency)
  @ApiOperation({
    summary: 'Thao tác hàng loạt trên các nhiệm vụ đã chọn',
    description:
      'setLeader (leaderInCharge), extend (dueDate + reason, kept in each task\'s history), moveProgram (programId), remind (send a reminder now). ' +
      'All or nothing: when any selected task is one the user may not change, or any change is invalid, nothing changes.',
  })
  @ApiOkResponse({ type: BulkTaskResultDto })
  @ApiErrors(400, [403, 'Bạn không được thay đổi 2 nhiệm vụ trong các nhiệm vụ đã chọn; không nhiệm vụ nào được thay đổi'], [409, STALE_VERSION])
  bulk(@Body() dto: BulkTaskActionDto, @CurrentUser() user: AuthUser): Promise<BulkTaskResultDto> {
    return this.changes.bulk(dto, user);
  }

  @Get(':id')
  @Roles(...ALL_ROLES)
  @ApiOperation({ summary: 'Chi tiết nhiệm vụ' })
  @ApiParam({ name: 'id', example: 42 })
  @ApiOkResponse({ type: TaskResponseDto })
  @ApiErrors([400, 'Mã định danh không hợp lệ'], NOT_FOUND)
  async get(@Param('id', ParseIdPipe) id: number, @CurrentUser() user: AuthUser): Promise<TaskResponseDto> {
    return toTaskResponse(await this.tasks.get(id, user), this.tasks.today());
  }

  @Get(':id/history')
  @Roles(...ALL_ROLES)
  @ApiOperation({ summary: 'Lịch sử thay đổi của nhiệm vụ (mới nhất trước)' })
  @ApiParam({ name: 'id', example: 42 })
  @ApiOkResponse({ type: TaskHistoryPageDto })
  @ApiErrors([400, 'Mã định danh không hợp lệ'], NOT_FOUND)
  async history(
    @Param('id', ParseIdPipe) id: number,
    @Query() query: PageQuery,
    @CurrentUser() user: AuthUser,
  ): Promise<TaskHistoryPageDto> {
    return pageOfList((await this.changes.listHistory(id, user)).map(toTaskHistoryResponse), query);
  }

  @Patch(':id')
  @Roles(UserRole.Office, UserRole.Admin, UserRole.Agency)
  @ApiOperation({
    summary: 'Cập nhật nhiệm vụ',
    description:
      'Send the version read with the task. The lead agency may change status, progress, completedAt, resultDocument and note; ' +
      'office and admin everything. Status: new→in_progress|submitted|done, in_progress→submitted|done, submitted→done|in_progress; ' +
      'office/admin: open→withdrawn|deferred and done→in_progress with a comment (reason).',
  })
  @ApiParam({ name: 'id', example: 42 })
  @ApiOkResponse({ type: TaskResponseDto })
  @ApiErrors(
    [400, 'Không thể chuyển trạng thái từ "Đã hoàn thành" sang "Mới giao"'],
    [403, 'Cơ quan phối hợp chỉ được xem nhiệm vụ; chỉ cơ quan chủ trì được cập nhật'],
    NOT_FOUND,
    [409, STALE_VERSION],
  )
  async update(
    @Param('id', ParseIdPipe) id: number,
    @Body() dto: UpdateTaskDto,
    @CurrentUser() user: AuthUser,
  ): Promise<TaskResponseDto> {
    return toTaskResponse(await this.changes.update(id, dto, user), this.tasks.today());
  }
}
