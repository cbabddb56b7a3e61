import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { ApiErrors } from 'src/core/http/api-errors';
import { ParseIdPipe } from 'src/core/http/validation';
import { AuthUser, CurrentUser, Roles } from 'src/modules/auth/auth.decorators';
import { UserRole } from 'src/modules/users/user-role.enum';
import { CreateTaskRequestDto } from './dto/create-task-request.dto';
import { ApproveTaskRequestDto, RejectTaskRequestDto } from './dto/decide-task-request.dto';
import { ListTaskRequestsQuery } from './dto/list-task-requests.query.dto';
import { TaskRequestPageDto, TaskRequestResponseDto, toTaskRequestResponse } from './dto/task-request-response.dto';
import { LoadedTaskRequest, TaskRequestsService } from './task-requests.service';

const toResponse = ({ request, users }: LoadedTaskRequest) => toTaskRequestResponse(request, users);

@ApiTags('requests')
@ApiBearerAuth()
@ApiErrors(401)
@Controller()
export class RequestsController {
  constructor(private readonly requests: TaskRequestsService) {}

  @Post('tasks/:id/requests')
  @Roles(UserRole.Agency)
  @ApiOperation({
    summary: 'Gửi yêu cầu gia hạn, xin rút, xin chuyển (lead agency)',
    description:
      'Only on open tasks; extension needs proposedDueDate after the current due date; one pending request of a type at a time.',
  })
  @ApiParam({ name: 'id', example: 42, description: 'Task id' })
  @ApiCreatedResponse({ type: TaskRequestResponseDto })
  @ApiErrors(
    [400, 'Thời hạn đề nghị (2024-06-01) phải sau thời hạn hiện tại (2024-06-30)'],
    [403, 'Chỉ cơ quan chủ trì được gửi yêu cầu gia hạn, xin rút hoặc xin chuyển'],
    [404, 'Không tìm thấy nhiệm vụ'],
    [409, 'Nhiệm vụ đã có một yêu cầu gia hạn đang chờ xử lý'],
  )
  async create(
    @Param('id', ParseIdPipe) id: number,
    @Body() dto: CreateTaskRequestDto,
    @CurrentUser() user: AuthUser,
  ): Promise<TaskRequestResponseDto> {
    return toResponse(await this.requests.create(id, dto, user));
  }

  @Get('requests')
  @Roles(UserRole.Admin, UserRole.Office, UserRole.Leader, UserRole.Agency)
  @ApiOperation({
    summary: 'Danh sách yêu cầu',
    description: 'Newest first. Agency users see the requests on tasks their agency leads. Example: ?status=pending',
  })
  @ApiOkResponse({ type: TaskRequestPageDto })
  @ApiErrors(400)
  async list(@Query() query: ListTaskRequestsQuery, @CurrentUser() user: AuthUser): Promise<TaskRequestPageDto> {
    const page = await this.requests.list(query, user);
    return {
      items: page.items.map((r) => toTaskRequestResponse(r, page.users)),
      total: page.total,
      page: page.page,
      limit: page.limit,
    };
  }

  @Get('requests/:id')
  @Roles(UserRole.Admin, UserRole.Office, UserRole.Leader, UserRole.Agency)
  @ApiOperation({ summary: 'Chi tiết yêu cầu' })
  @ApiParam({ name: 'id', example: 12 })
  @ApiOkResponse({ type: TaskRequestResponseDto })
  @ApiErrors([400, 'Mã định danh không hợp lệ'], [404, 'Không tìm thấy yêu cầu'])
  async get(@Param('id', ParseIdPipe) id: number, @CurrentUser() user: AuthUser): Promise<TaskRequestResponseDto> {
    return toResponse(await this.requests.get(id, user));
  }

  @Post('requests/:id/approve')
  @HttpCode(200)
  @Roles(UserRole.Office, UserRole.Leader, UserRole.Admin)
  @ApiOperation({
    summary: 'Duyệt yêu cầu (office, leader, admin)',
    description:
      'Applies it in the same transaction: extension → new due date; withdrawal → withdrawn; deferral → deferred.',
  })
  @ApiParam({ name: 'id', example: 12 })
  @ApiOkResponse({ type: TaskRequestResponseDto })
  @ApiErrors(400, 403, [404, 'Không tìm thấy yêu cầu'], [409, 'Yêu cầu đã được duyệt; chỉ xử lý được yêu cầu đang chờ'])
  async approve(
    @Param('id', ParseIdPipe) id: number,
    @Body() dto: ApproveTaskRequestDto,
    @CurrentUser() user: AuthUser,
  ): Promise<TaskRequestResponseDto> {
    return toResponse(await this.requests.approve(id, dto.comment ?? null, user));
  }

  @Post('requests/:id/reject')
  @HttpCode(200)
  @Roles(UserRole.Office, UserRole.Leader, UserRole.Admin)
  @ApiOperation({
    summary: 'Từ chối yêu cầu (office, leader, admin)',
    description: 'comment (the reason) is required.',
  })
  @ApiParam({ name: 'id', example: 12 })
  @ApiOkResponse({ type: TaskRequestResponseDto })
  @ApiErrors(400, 403, [404, 'Không tìm thấy yêu cầu'], [409, 'Yêu cầu đã bị từ chối; chỉ xử lý được yêu cầu đang chờ'])
  async reject(
    @Param('id', ParseIdPipe) id: number,
    @Body() dto: RejectTaskRequestDto,
    @CurrentUser() user: AuthUser,
  ): Promise<TaskRequestResponseDto> {
    return toResponse(await this.requests.reject(id, dto.comment, user));
  }
}
