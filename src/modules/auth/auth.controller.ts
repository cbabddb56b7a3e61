import { Body, Controller, Get, HttpCode, Post, Req, Res, UseGuards } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { ApiBearerAuth, ApiCookieAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ThrottlerGuard } from '@nestjs/throttler';
import { Request, Response } from 'express';
import { AppConfig } from 'src/core/config/configuration';
import { ApiErrors } from 'src/core/http/api-errors';
import { toUserResponse, UserResponseDto } from 'src/modules/users/dto/user.dto';
import { UserRole } from 'src/modules/users/user-role.enum';
import { UsersService } from 'src/modules/users/users.service';
import { AuthUser, CurrentUser, Public, Roles } from './auth.decorators';
import { AuthService } from './auth.service';
import { assertSameOrigin, CROSS_SITE_MESSAGE } from './csrf';
import { ChangePasswordDto, ChangePasswordResponseDto, LoginDto, LoginResponseDto, SessionResponseDto } from './dto/login.dto';
import { LOGIN_THROTTLED_MESSAGE, PASSWORD_THROTTLED_MESSAGE } from './login-throttles';
import { SESSION_COOKIE, SessionsService } from './sessions.service';

const ALL_ROLES = [UserRole.Admin, UserRole.Office, UserRole.Leader, UserRole.Agency];

@ApiTags('auth')
@Controller()
export class AuthController {
  private readonly appUrl: string;

  constructor(
    private readonly auth: AuthService,
    private readonly users: UsersService,
    private readonly sessions: SessionsService,
    config: ConfigService<AppConfig, true>,
  ) {
    this.appUrl = config.get('app.appUrl', { infer: true });
  }

  /** Rate-limited per client address and per account (see login-throttles.ts). */
  @Public()
  @UseGuards(ThrottlerGuard)
  @Post('auth/login')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Sign in',
    description:
      'Returns a bearer token for API clients and sets the browser session cookie (httpOnly, SameSite=Lax) with the csrfToken ' +
      'the browser echoes as X-CSRF-Token on every POST/PATCH/DELETE. A wrong email, a wrong password and a locked account get the same 401. ' +
      'At most LOGIN_RATE_LIMIT attempts a minute per client address and per account (429). A cross-site form post is refused (403).',
  })
  @ApiOkResponse({ type: LoginResponseDto })
  @ApiErrors(400, [401, 'Email hoặc mật khẩu không đúng'], [403, CROSS_SITE_MESSAGE], [429, LOGIN_THROTTLED_MESSAGE])
  async login(
    @Body() dto: LoginDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<LoginResponseDto> {
    assertSameOrigin(req, this.appUrl);
    const result = await this.auth.login(dto.email, dto.password);
    const { token, session } = await this.sessions.open(result.user.id, result.tokenVersion);
    res.cookie(SESSION_COOKIE, token, this.cookieOptions(req, session.expiresAt));
    return {
      accessToken: result.accessToken,
      expiresIn: result.expiresIn,
      user: result.user,
      csrfToken: session.csrfToken,
      sessionExpiresAt: session.expiresAt.toISOString(),
    };
  }

  @ApiCookieAuth()
  @Get('auth/session')
  @Roles(...ALL_ROLES)
  @ApiOperation({
    summary: 'The browser session',
    description: 'What a new tab of a signed-in browser reads: the user, the CSRF token and when the session ends.',
  })
  @ApiOkResponse({ type: SessionResponseDto })
  @ApiErrors(401)
  async session(@CurrentUser() user: AuthUser): Promise<SessionResponseDto> {
    const s = user.sessionId ? await this.sessions.get(user.sessionId) : null;
    return {
      user: toUserResponse(await this.users.get(user.id)),
      csrfToken: s?.csrfToken ?? null,
      sessionExpiresAt: s?.expiresAt.toISOString() ?? null,
    };
  }

  @ApiCookieAuth()
  @Post('auth/logout')
  @HttpCode(204)
  @Roles(...ALL_ROLES)
  @ApiOperation({
    summary: 'Sign out',
    description: 'Ends the browser session on the server (the cookie, replayed, is refused afterwards) and clears the cookie.',
  })
  @ApiErrors(401, [403, CROSS_SITE_MESSAGE])
  async logout(@CurrentUser() user: AuthUser, @Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<void> {
    if (user.sessionId) await this.sessions.revoke(user.sessionId);
    res.clearCookie(SESSION_COOKIE, { ...this.cookieOptions(req, new Date()), expires: undefined, maxAge: undefined });
  }

  /** Rate-limited like the login (per address and per account): it also tries a password. */
  @ApiCookieAuth()
  @ApiBearerAuth()
  @UseGuards(ThrottlerGuard)
  @Post('auth/password')
  @HttpCode(200)
  @Roles(...ALL_ROLES)
  @ApiOperation({
    summary: 'Change my password',
    description:
      'Every role. Needs the current password (wrong → 400, nothing changed); the new one follows the password rule. ' +
      'Every other session and bearer token of the user ends; the browser session that asked stays signed in, and the answer ' +
      'carries a fresh bearer token. At most LOGIN_RATE_LIMIT attempts a minute per client address and per account (429).',
  })
  @ApiOkResponse({ type: ChangePasswordResponseDto })
  @ApiErrors([400, 'Mật khẩu hiện tại không đúng'], 401, [403, CROSS_SITE_MESSAGE], [429, PASSWORD_THROTTLED_MESSAGE])
  changePassword(@CurrentUser() user: AuthUser, @Body() dto: ChangePasswordDto): Promise<ChangePasswordResponseDto> {
    return this.auth.changePassword(user.id, user.sessionId, dto.currentPassword, dto.newPassword);
  }

  @ApiBearerAuth()
  @Get('me')
  @Roles(...ALL_ROLES)
  @ApiOperation({ summary: 'The signed-in user', description: 'Every role.' })
  @ApiOkResponse({ type: UserResponseDto })
  @ApiErrors(401)
  async me(@CurrentUser() user: AuthUser): Promise<UserResponseDto> {
    return toUserResponse(await this.users.get(user.id));
  }

  private cookieOptions(req: Request, expires: Date) {
    return {
      httpOnly: true,
      // Lax: sent when a link in an email opens the app (a top-level GET), never on a cross-site POST.
      sameSite: 'lax' as const,
      secure: req.secure || this.appUrl.startsWith('https:'),
      path: '/',
      expires,
    };
  }
}
