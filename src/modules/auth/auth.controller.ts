import { Body, Controller, Get, HttpCode, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ThrottlerGuard } from '@nestjs/throttler';
import { ApiErrors } from 'src/core/http/api-errors';
import { toUserResponse, UserResponseDto } from 'src/modules/users/dto/user.dto';
import { UserRole } from 'src/modules/users/user-role.enum';
import { UsersService } from 'src/modules/users/users.service';
import { AuthUser, CurrentUser, Public, Roles } from './auth.decorators';
import { AuthService } from './auth.service';
import { LoginDto, LoginResponseDto } from './dto/login.dto';
import { LOGIN_THROTTLED_MESSAGE } from './login-throttles';

@ApiTags('auth')
@Controller()
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly users: UsersService,
  ) {}

  /** Rate-limited per client address and per account (see login-throttles.ts). */
  @Public()
  @UseGuards(ThrottlerGuard)
  @Post('auth/login')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Sign in',
    description:
      'Returns a bearer token for every other /api route. A wrong email, a wrong password and a locked account get the same 401. ' +
      'At most LOGIN_RATE_LIMIT attempts a minute per client address and per account (429, with Retry-After-address / Retry-After-account).',
  })
  @ApiOkResponse({ type: LoginResponseDto })
  @ApiErrors(400, [401, 'Email hoặc mật khẩu không đúng'], [429, LOGIN_THROTTLED_MESSAGE])
  login(@Body() dto: LoginDto): Promise<LoginResponseDto> {
    return this.auth.login(dto.email, dto.password);
  }

  @ApiBearerAuth()
  @Get('me')
  @Roles(UserRole.Admin, UserRole.Office, UserRole.Leader, UserRole.Agency)
  @ApiOperation({ summary: 'The signed-in user', description: 'Every role.' })
  @ApiOkResponse({ type: UserResponseDto })
  @ApiErrors(401)
  async me(@CurrentUser() user: AuthUser): Promise<UserResponseDto> {
    return toUserResponse(await this.users.get(user.id));
  }
}
