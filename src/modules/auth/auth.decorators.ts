import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { UserRole } from 'src/modules/users/user-role.enum';

export const IS_PUBLIC = 'isPublic';
export const ROLES = 'roles';

/** No token needed (login, health, docs, the web pages' shell). */
export const Public = () => SetMetadata(IS_PUBLIC, true);

/** Only these roles may call the route (checked after authentication). */
export const Roles = (...roles: UserRole[]) => SetMetadata(ROLES, roles);

/** Who is calling: set on the request by JwtAuthGuard. */
export interface AuthUser {
  id: number;
  email: string;
  fullName: string;
  role: UserRole;
  agencyId: number | null;
  /** Set when signed in with the browser's session cookie (not a bearer token). */
  sessionId?: number;
}

export const CurrentUser = createParamDecorator((_: unknown, ctx: ExecutionContext): AuthUser => {
  return ctx.switchToHttp().getRequest<{ user: AuthUser }>().user;
});
