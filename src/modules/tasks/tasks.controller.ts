import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { ApiErrors } from 'src/core/http/api-errors';
import { ParseIdPipe } from 'src/core/http/validation';
import { AuthUser, CurrentUser, Roles } from 'src/modules/auth/auth.decorators';
import { UserRole } from 'src/modules/users/user-role.enum';
import { CreateTaskDto } from './dto/create-task.dto';
import { ListTasksQuery } from './dto/list-tasks.query.dto';
import { TaskHistoryResponseDto, toTaskHistoryResponse } from './dto/task-history-response.dto';
import { TaskPageDto, TaskResponseDto, toTaskResponse } from './dto/task-response.dto';
import { UpdateTaskDto } from './dto/update-task.dto';
import { STALE_VERSION, TASK_NOT_FOUND, TasksService } from './tasks.service';

const NOT_FOUND: [number, string] = [404, TASK_NOT_FOUND];

const ALL_ROLES = [UserRole.Admin, UserRole.Office, UserRole.Leader, UserRole.Agency];

@ApiTags('tasks')
@ApiBearerAuth()
@ApiErrors(401)
@Controller('tasks')
export class TasksController {
  constructor(private readonly tasks: TasksService) {}

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
    const page = await this.tasks.list(query, user);
    return {
      items: page.items.map((t) => toTaskResponse(t, page.asOf)),
      total: page.total,
      page: page.page,
      limit: page.limit,
    };
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
  @ApiOkResponse({ type: [TaskHistoryResponseDto] })
  @ApiErrors([400, 'Mã định danh không hợp lệ'], NOT_FOUND)
  async history(
    @Param('id', ParseIdPipe) id: number,
    @CurrentUser() user: AuthUser,
  ): Promise<TaskHistoryResponseDto[]> {
    return (await this.tasks.listHistory(id, user)).map(toTaskHistoryResponse);
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
    return toTaskResponse(await this.tasks.update(id, dto, user), this.tasks.today());
  }
}
