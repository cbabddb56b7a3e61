import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { ApiErrors } from 'src/core/http/api-errors';
import { ParseIdPipe } from 'src/core/http/validation';
import { Roles } from 'src/modules/auth/auth.decorators';
import { UserRole } from 'src/modules/users/user-role.enum';
import { CreateProgramDto } from './dto/create-program.dto';
import { ListProgramsQuery } from './dto/list-programs.query';
import { ProgramPageDto, ProgramResponseDto, toProgramResponse } from './dto/program-response.dto';
import { UpdateProgramDto } from './dto/update-program.dto';
import { ProgramsService } from './programs.service';

const NOT_FOUND: [number, string] = [404, 'Không tìm thấy chương trình công tác'];
const CONFLICT: [number, string] = [409, 'Mã chương trình CTCT-2024 đã được sử dụng'];

@ApiTags('programs')
@ApiBearerAuth()
@ApiErrors(401)
@Controller('programs')
export class ProgramsController {
  constructor(private readonly programs: ProgramsService) {}

  @Get()
  @Roles(UserRole.Admin, UserRole.Office, UserRole.Leader, UserRole.Agency)
  @ApiOperation({ summary: 'List work programs (chương trình công tác)', description: 'Every role. Newest year first.' })
  @ApiOkResponse({ type: ProgramPageDto })
  @ApiErrors(400)
  async list(@Query() query: ListProgramsQuery): Promise<ProgramPageDto> {
    const page = await this.programs.list(query);
    return { ...page, items: page.items.map(toProgramResponse) };
  }

  @Get(':id')
  @Roles(UserRole.Admin, UserRole.Office, UserRole.Leader, UserRole.Agency)
  @ApiOperation({ summary: 'Get a work program', description: 'Every role.' })
  @ApiParam({ name: 'id', type: Number, example: 1 })
  @ApiOkResponse({ type: ProgramResponseDto })
  @ApiErrors([400, 'Mã định danh không hợp lệ'], NOT_FOUND)
  async get(@Param('id', ParseIdPipe) id: number): Promise<ProgramResponseDto> {
    return toProgramResponse(await this.programs.get(id));
  }

  @Post()
  @Roles(UserRole.Admin, UserRole.Office)
  @ApiOperation({ summary: 'Create a work program', description: 'Office and admin.' })
  @ApiCreatedResponse({ type: ProgramResponseDto })
  @ApiErrors(400, 403, CONFLICT)
  async create(@Body() dto: CreateProgramDto): Promise<ProgramResponseDto> {
    return toProgramResponse(await this.programs.create(dto));
  }

  @Patch(':id')
  @Roles(UserRole.Admin, UserRole.Office)
  @ApiOperation({ summary: 'Update a work program', description: 'Office and admin. Send only the fields to change.' })
  @ApiParam({ name: 'id', type: Number, example: 1 })
  @ApiOkResponse({ type: ProgramResponseDto })
  @ApiErrors(400, 403, NOT_FOUND, CONFLICT)
  async update(@Param('id', ParseIdPipe) id: number, @Body() dto: UpdateProgramDto): Promise<ProgramResponseDto> {
    return toProgramResponse(await this.programs.update(id, dto));
  }
}
