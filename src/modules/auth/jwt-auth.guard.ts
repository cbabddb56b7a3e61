import { CanActivate, ExecutionContext, ForbiddenException, Injectable, UnauthorizedException } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import { Request } from 'express';
import { AppConfig } from 'src/core/config/configuration';
import { UsersService } from 'src/modules/users/users.service';
import { UserRole } from 'src/modules/users/user-role.enum';
import { AuthUser, IS_PUBLIC, ROLES } from './auth.decorators';
import { assertSameOrigin, CSRF_MESSAGE, isSafeMethod, parseCookies } from './csrf';
import { CSRF_HEADER, sameToken, SESSION_COOKIE, SessionsService } from './sessions.service';

export interface TokenPayload {
  sub: number;
  tv: number;
}

const INVALID_SESSION = 'Phiên đăng nhập không hợp lệ hoặc đã hết hạn';

/**
 * APP_GUARD: every route needs a signed-in caller unless @Public(). Two ways in: a bearer token
 * (API clients) or the browser's session cookie (checked against its server-side row, and for
 * unsafe methods against cross-site requests and the session's CSRF token). The user comes from
 * UsersService.authUser (a cache of a few seconds that every write to the user clears, so a
 * deactivated account or a bumped tokenVersion takes effect at once); then @Roles() is checked.
 */
@Injectable()
export class JwtAuthGuard implements CanActivate {
  private readonly appUrl: string;

  constructor(
    private readonly reflector: Reflector,
    private readonly jwt: JwtService,
    private readonly users: UsersService,
    private readonly sessions: SessionsService,
    config: ConfigService<AppConfig, true>,
  ) {
    this.appUrl = config.get('app.appUrl', { infer: true });
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const req = context.switchToHttp().getRequest<Request & { user?: AuthUser }>();
    const header = req.headers.authorization ?? '';
    const token = /^Bearer\s+(\S+)$/i.exec(header)?.[1];
    let userId: number;
    let tokenVersion: number;
    let sessionId: number | undefined;
    if (token) {
      let payload: TokenPayload;
      try {
        payload = await this.jwt.verifyAsync<TokenPayload>(token);
      } catch {
        throw new UnauthorizedException(INVALID_SESSION);
      }
      userId = payload.sub;
      tokenVersion = payload.tv;
    } else {
      const cookie = parseCookies(req.headers.cookie).get(SESSION_COOKIE);
      if (!cookie) throw new UnauthorizedException('Chưa đăng nhập');
      const session = await this.sessions.find(cookie);
      if (!session) throw new UnauthorizedException(INVALID_SESSION);
      if (!isSafeMethod(req.method)) {
        assertSameOrigin(req, this.appUrl);
        const sent = req.headers[CSRF_HEADER];
        if (typeof sent !== 'string' || !sameToken(sent, session.csrfToken)) throw new ForbiddenException(CSRF_MESSAGE);
      }
      userId = session.userId;
      tokenVersion = session.tokenVersion;
      sessionId = session.id;
    }
    const user = await this.users.authUser(userId);
    if (!user || user.tokenVersion !== tokenVersion) throw new UnauthorizedException(INVALID_SESSION);
    req.user = { id: user.id, email: user.email, fullName: user.fullName, role: user.role, agencyId: user.agencyId, sessionId };

    const roles = this.reflector.getAllAndOverride<UserRole[] | undefined>(ROLES, targets);
    if (roles && !roles.includes(user.role)) throw new ForbiddenException('Bạn không có quyền thực hiện thao tác này');
    return true;
  }
}
