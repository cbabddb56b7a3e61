import { CanActivate, ExecutionContext, ForbiddenException, Injectable, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import { Request } from 'express';
import { UsersService } from 'src/modules/users/users.service';
import { UserRole } from 'src/modules/users/user-role.enum';
import { AuthUser, IS_PUBLIC, ROLES } from './auth.decorators';

export interface TokenPayload {
  sub: number;
  tv: number;
}

/**
 * APP_GUARD: every route needs a valid bearer token unless @Public(). The user is reloaded on
 * each request so a deactivated account or a bumped tokenVersion takes effect at once; then
 * @Roles() is checked.
 */
@Injectable()
export class JwtAuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly jwt: JwtService,
    private readonly users: UsersService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const req = context.switchToHttp().getRequest<Request & { user?: AuthUser }>();
    const header = req.headers.authorization ?? '';
    const token = /^Bearer\s+(\S+)$/i.exec(header)?.[1];
    if (!token) throw new UnauthorizedException('Chưa đăng nhập');
    let payload: TokenPayload;
    try {
      payload = await this.jwt.verifyAsync<TokenPayload>(token);
    } catch {
      throw new UnauthorizedException('Phiên đăng nhập không hợp lệ hoặc đã hết hạn');
    }
    const user = await this.users.findActiveById(payload.sub);
    if (!user || user.tokenVersion !== payload.tv) throw new UnauthorizedException('Phiên đăng nhập không hợp lệ hoặc đã hết hạn');
    req.user = { id: user.id, email: user.email, fullName: user.fullName, role: user.role, agencyId: user.agencyId };

    const roles = this.reflector.getAllAndOverride<UserRole[] | undefined>(ROLES, targets);
    if (roles && !roles.includes(user.role)) throw new ForbiddenException('Bạn không có quyền thực hiện thao tác này');
    return true;
  }
}
