import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import { ApiErrors } from 'src/core/http/api-errors';
import { pageOfList, PageQuery } from 'src/core/http/pagination';
import { ParseIdPipe } from 'src/core/http/validation';
import { Roles } from 'src/modules/auth/auth.decorators';
import { UserRole } from 'src/modules/users/user-role.enum';
import { AgencyGroupsService } from './agency-groups.service';
import {
  AgencyGroupPageDto,
  AgencyGroupResponseDto,
  CreateAgencyGroupDto,
  toAgencyGroupResponse,
  UpdateAgencyGroupDto,
} from './dto/agency-group.dto';

const NOT_FOUND: [number, string] = [404, 'Không tìm thấy nhóm cơ quan'];

/** Agency groups ("UBND các huyện, thị xã, thành phố"): what the importer recognises as groups. */
@ApiTags('agencies')
@ApiBearerAuth()
@ApiErrors(401)
@Controller('agency-groups')
export class AgencyGroupsController {
  constructor(private readonly groups: AgencyGroupsService) {}

  @Get()
  @Roles(UserRole.Admin, UserRole.Office, UserRole.Leader, UserRole.Agency)
  @ApiOperation({ summary: 'List agency groups', description: 'Every role.' })
  @ApiOkResponse({ type: AgencyGroupPageDto })
  @ApiErrors([400, 'Tham số không hợp lệ'])
  async list(@Query() query: PageQuery): Promise<AgencyGroupPageDto> {
    return pageOfList((await this.groups.list()).map(toAgencyGroupResponse), query);
  }

  @Get(':id')
  @Roles(UserRole.Admin, UserRole.Office, UserRole.Leader, UserRole.Agency)
  @ApiOperation({ summary: 'Get an agency group' })
  @ApiParam({ name: 'id', type: Number, example: 1 })
  @ApiOkResponse({ type: AgencyGroupResponseDto })
  @ApiErrors([400, 'Mã định danh không hợp lệ'], NOT_FOUND)
  async get(@Param('id', ParseIdPipe) id: number): Promise<AgencyGroupResponseDto> {
    return toAgencyGroupResponse(await this.groups.get(id));
  }

  @Post()
  @Roles(UserRole.Admin, UserRole.Office)
  @ApiOperation({ summary: 'Create an agency group', description: 'Office and admin: members by kind or by codes.' })
  @ApiCreatedResponse({ type: AgencyGroupResponseDto })
  @ApiErrors(400, 403, [409, 'Tên “UBND cấp huyện” đã thuộc nhóm “UBND các huyện, thị xã, thành phố”'])
  async create(@Body() dto: CreateAgencyGroupDto): Promise<AgencyGroupResponseDto> {
    return toAgencyGroupResponse(await this.groups.create(dto));
  }

  @Patch(':id')
  @Roles(UserRole.Admin, UserRole.Office)
  @ApiOperation({ summary: 'Update an agency group', description: 'Send only the fields to change.' })
  @ApiParam({ name: 'id', type: Number, example: 1 })
  @ApiOkResponse({ type: AgencyGroupResponseDto })
  @ApiErrors(400, 403, NOT_FOUND, 409)
  async update(
    @Param('id', ParseIdPipe) id: number,
    @Body() dto: UpdateAgencyGroupDto,
  ): Promise<AgencyGroupResponseDto> {
    return toAgencyGroupResponse(await this.groups.update(id, dto));
  }

  @Delete(':id')
  @HttpCode(204)
  @Roles(UserRole.Admin, UserRole.Office)
  @ApiOperation({ summary: 'Delete an agency group' })
  @ApiParam({ name: 'id', type: Number, example: 1 })
  @ApiNoContentResponse()
  @ApiErrors([400, 'Mã định danh không hợp lệ'], 403, NOT_FOUND)
  async remove(@Param('id', ParseIdPipe) id: number): Promise<void> {
    await this.groups.remove(id);
  }
}
