import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { ApiErrors } from 'src/core/http/api-errors';
import { ParseIdPipe } from 'src/core/http/validation';
import { Roles } from 'src/modules/auth/auth.decorators';
import { UserRole } from 'src/modules/users/user-role.enum';
import { AgenciesService } from './agencies.service';
import { AgencyPageDto, AgencyResponseDto, toAgencyResponse } from './dto/agency-response.dto';
import { CreateAgencyDto } from './dto/create-agency.dto';
import { ListAgenciesQuery } from './dto/list-agencies.query';
import { UpdateAgencyDto } from './dto/update-agency.dto';

const NOT_FOUND: [number, string] = [404, 'Không tìm thấy cơ quan, đơn vị'];

@ApiTags('agencies')
@ApiBearerAuth()
@ApiErrors(401)
@Controller('agencies')
export class AgenciesController {
  constructor(private readonly agencies: AgenciesService) {}

  @Get()
  @Roles(UserRole.Admin, UserRole.Office, UserRole.Leader, UserRole.Agency)
  @ApiOperation({ summary: 'List agencies', description: 'Every role. `q` matches code, name and aliases without regard to case or diacritics ("so tai chinh" finds "Sở Tài chính").' })
  @ApiOkResponse({ type: AgencyPageDto })
  @ApiErrors(400)
  async list(@Query() query: ListAgenciesQuery): Promise<AgencyPageDto> {
    const page = await this.agencies.list(query);
    return { ...page, items: page.items.map(toAgencyResponse) };
  }

  @Get(':id')
  @Roles(UserRole.Admin, UserRole.Office, UserRole.Leader, UserRole.Agency)
  @ApiOperation({ summary: 'Get an agency', description: 'Every role.' })
  @ApiParam({ name: 'id', type: Number, example: 5 })
  @ApiOkResponse({ type: AgencyResponseDto })
  @ApiErrors([400, 'Mã định danh không hợp lệ'], NOT_FOUND)
  async get(@Param('id', ParseIdPipe) id: number): Promise<AgencyResponseDto> {
    return toAgencyResponse(await this.agencies.get(id));
  }

  @Post()
  @Roles(UserRole.Admin)
  @ApiOperation({ summary: 'Create an agency', description: 'Admin only.' })
  @ApiCreatedResponse({ type: AgencyResponseDto })
  @ApiErrors(400, 403, [409, 'Mã cơ quan, đơn vị STC đã được sử dụng'])
  async create(@Body() dto: CreateAgencyDto): Promise<AgencyResponseDto> {
    return toAgencyResponse(await this.agencies.create(dto));
  }

  @Patch(':id')
  @Roles(UserRole.Admin)
  @ApiOperation({ summary: 'Update an agency', description: 'Admin only. Send only the fields to change. To merge an agency into another, use POST /api/agencies/{id}/merge.' })
  @ApiParam({ name: 'id', type: Number, example: 5 })
  @ApiOkResponse({ type: AgencyResponseDto })
  @ApiErrors(400, 403, NOT_FOUND, [409, 'Mã cơ quan, đơn vị STC đã được sử dụng'])
  async update(@Param('id', ParseIdPipe) id: number, @Body() dto: UpdateAgencyDto): Promise<AgencyResponseDto> {
    return toAgencyResponse(await this.agencies.update(id, dto));
  }
}
