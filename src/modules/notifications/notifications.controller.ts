import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { ApiErrors } from 'src/core/http/api-errors';
import { ParseIdPipe } from 'src/core/http/validation';
import { AuthUser, CurrentUser, Roles } from 'src/modules/auth/auth.decorators';
import { UserRole } from 'src/modules/users/user-role.enum';
import {
  ListNotificationsQuery,
  NotificationPageDto,
  NotificationPreferencesDto,
  NotificationResponseDto,
  toNotificationResponse,
} from './dto/notification.dto';
import { NotificationsService } from './notifications.service';

const ALL_ROLES = [UserRole.Admin, UserRole.Office, UserRole.Leader, UserRole.Agency];

@ApiTags('notifications')
@ApiBearerAuth()
@ApiErrors(401)
@Roles(...ALL_ROLES)
@Controller('notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get()
  @ApiOperation({ summary: 'Hộp thông báo của người dùng (mới nhất trước)', description: 'With the unread count of all pages.' })
  @ApiOkResponse({ type: NotificationPageDto })
  @ApiErrors(400)
  async list(@Query() q: ListNotificationsQuery, @CurrentUser() user: AuthUser): Promise<NotificationPageDto> {
    const page = await this.notifications.list(user.id, q);
    return { ...page, items: page.items.map(toNotificationResponse) };
  }

  @Get('unread-count')
  @ApiOperation({ summary: 'Số thông báo chưa đọc (the menu badge)' })
  async unreadCount(@CurrentUser() user: AuthUser): Promise<{ count: number }> {
    return { count: await this.notifications.unreadCount(user.id) };
  }

  @Post('read-all')
  @HttpCode(200)
  @ApiOperation({ summary: 'Đánh dấu tất cả đã đọc' })
  async readAll(@CurrentUser() user: AuthUser): Promise<{ updated: number }> {
    return { updated: await this.notifications.markAllRead(user.id) };
  }

  @Get('preferences')
  @ApiOperation({ summary: 'Cách nhận thông báo theo từng loại', description: 'immediate (email ngay), digest (tổng hợp hằng ngày), in_app (chỉ trên hệ thống).' })
  @ApiOkResponse({ type: NotificationPreferencesDto })
  preferences(@CurrentUser() user: AuthUser) {
    return this.notifications.preferences(user.id);
  }

  @Put('preferences')
  @ApiOperation({ summary: 'Chọn cách nhận thông báo', description: 'Only the kinds given change; an unknown kind or value is a 400 and changes nothing.' })
  @ApiOkResponse({ type: NotificationPreferencesDto })
  @ApiErrors(400)
  setPreferences(@Body() dto: NotificationPreferencesDto, @CurrentUser() user: AuthUser) {
    return this.notifications.setPreferences(user.id, dto);
  }

  @Post(':id/read')
  @HttpCode(200)
  @ApiOperation({ summary: 'Đánh dấu đã đọc' })
  @ApiParam({ name: 'id', example: 3 })
  @ApiOkResponse({ type: NotificationResponseDto })
  @ApiErrors([400, 'Mã định danh không hợp lệ'], [404, 'Không tìm thấy thông báo'])
  async read(@Param('id', ParseIdPipe) id: number, @CurrentUser() user: AuthUser): Promise<NotificationResponseDto> {
    return toNotificationResponse(await this.notifications.markRead(user.id, id));
  }
}
