import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { ApiErrors } from 'src/core/http/api-errors';
import { ParseIdPipe } from 'src/core/http/validation';
import { Roles } from 'src/modules/auth/auth.decorators';
import { CreateUserDto, ListUsersQuery, toUserResponse, UpdateUserDto, UserPageDto, UserResponseDto } from './dto/user.dto';
import { UserRole } from './user-role.enum';
import { UsersService } from './users.service';

const NOT_FOUND: [number, string] = [404, 'Không tìm thấy người dùng'];
const CONFLICT: [number, string] = [409, 'Email đã được sử dụng'];

/** User accounts: admin only. Passwords are never returned. */
@ApiTags('users')
@ApiBearerAuth()
@ApiErrors(401, 403)
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @Roles(UserRole.Admin)
  @ApiOperation({ summary: 'List users', description: 'Admin only.' })
  @ApiOkResponse({ type: UserPageDto })
  @ApiErrors(400)
  async list(@Query() query: ListUsersQuery): Promise<UserPageDto> {
    const page = await this.users.list(query);
    return { ...page, items: page.items.map(toUserResponse) };
  }

  @Get(':id')
  @Roles(UserRole.Admin)
  @ApiOperation({ summary: 'Get a user', description: 'Admin only.' })
  @ApiParam({ name: 'id', type: Number, example: 7 })
  @ApiOkResponse({ type: UserResponseDto })
  @ApiErrors([400, 'Mã định danh không hợp lệ'], NOT_FOUND)
  async get(@Param('id', ParseIdPipe) id: number): Promise<UserResponseDto> {
    return toUserResponse(await this.users.get(id));
  }

  @Post()
  @Roles(UserRole.Admin)
  @ApiOperation({ summary: 'Create a user', description: 'Admin only. Role agency needs agencyId (an existing, active agency).' })
  @ApiCreatedResponse({ type: UserResponseDto })
  @ApiErrors(400, CONFLICT)
  async create(@Body() dto: CreateUserDto): Promise<UserResponseDto> {
    return toUserResponse(await this.users.create(dto));
  }

  @Patch(':id')
  @Roles(UserRole.Admin)
  @ApiOperation({ summary: 'Update a user', description: 'Admin only. Send only the fields to change; a new password or active=false signs the user out everywhere.' })
  @ApiParam({ name: 'id', type: Number, example: 7 })
  @ApiOkResponse({ type: UserResponseDto })
  @ApiErrors(400, NOT_FOUND, CONFLICT)
  async update(@Param('id', ParseIdPipe) id: number, @Body() dto: UpdateUserDto): Promise<UserResponseDto> {
    return toUserResponse(await this.users.update(id, dto));
  }
}
