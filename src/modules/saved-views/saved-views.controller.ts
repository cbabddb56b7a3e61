import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrors } from 'src/core/http/api-errors';
import { pageOfList } from 'src/core/http/pagination';
import { ParseIdPipe } from 'src/core/http/validation';
import { AuthUser, CurrentUser } from 'src/modules/auth/auth.decorators';
import { CreateSavedViewDto, ListSavedViewsQuery, SavedViewPageDto, SavedViewResponseDto, toSavedViewResponse } from './dto/saved-view.dto';
import { SavedViewsService } from './saved-views.service';

@ApiTags('saved-views')
@ApiBearerAuth()
@ApiErrors(401)
@Controller('saved-views')
export class SavedViewsController {
  constructor(private readonly views: SavedViewsService) {}

  @Get()
  @ApiOperation({ summary: 'My saved list views' })
  @ApiOkResponse({ type: SavedViewPageDto })
  @ApiErrors([400, 'Tham số không hợp lệ'])
  async list(@CurrentUser() user: AuthUser, @Query() query: ListSavedViewsQuery): Promise<SavedViewPageDto> {
    return pageOfList((await this.views.list(user, query.screen ?? 'tasks')).map(toSavedViewResponse), query);
  }

  @Post()
  @ApiOperation({ summary: 'Save a list view (filters and sort) under a name', description: 'An unknown filter or an invalid value → 400 naming it; nothing is saved.' })
  @ApiCreatedResponse({ type: SavedViewResponseDto })
  @ApiErrors([400, 'Bộ lọc không hợp lệ: bộ lọc "colour" không được hỗ trợ'], [409, 'Đã có bộ lọc tên "Quá hạn"'])
  async create(@Body() dto: CreateSavedViewDto, @CurrentUser() user: AuthUser): Promise<SavedViewResponseDto> {
    return toSavedViewResponse(await this.views.create(dto, user));
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete one of my saved views' })
  @ApiErrors([404, 'Không tìm thấy bộ lọc đã lưu'])
  async remove(@Param('id', ParseIdPipe) id: number, @CurrentUser() user: AuthUser): Promise<void> {
    await this.views.remove(id, user);
  }
}
