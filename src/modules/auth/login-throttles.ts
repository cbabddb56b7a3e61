import { ExecutionContext } from '@nestjs/common';
import { ThrottlerModuleOptions } from '@nestjs/throttler';
import { Request } from 'express';

export const LOGIN_WINDOW_MS = 60_000;
export const LOGIN_THROTTLED_MESSAGE = 'Quá nhiều lần đăng nhập; vui lòng thử lại sau một phút';
export const PASSWORD_THROTTLED_MESSAGE = 'Quá nhiều lần đổi mật khẩu; vui lòng thử lại sau một phút';

/**
 * The account a login attempt names, written as UsersService looks it up (trimmed, lowercase), so
 * "A@x.vn" and " a@x.vn" share one counter; on a signed-in route (the password change) the caller's
 * own account; the client address when neither names one.
 */
export function accountTracker(req: Record<string, any>): string {
  const r = req as Request & { user?: { email: string } };
  if (r.user?.email) return `account:${r.user.email}`;
  const body: unknown = r.body;
  const email = typeof body === 'object' && body !== null && 'email' in body ? body.email : undefined;
  return typeof email === 'string' ? `account:${email.trim().toLowerCase()}` : `address:${r.ip}`;
}

/**
 * Two throttles on POST /api/auth/login (and POST /api/auth/password, counted apart), each `limit` attempts a minute, successful or not: per
 * client address (`req.ip`, whatever account it tries; X-Forwarded-For counts only from a proxy
 * named in TRUST_PROXY) and per account (whatever address it is tried from). Either one answers 429.
 */
export function loginThrottles(limit: number): Exclude<ThrottlerModuleOptions, unknown[]> {
  return {
    errorMessage: (context: ExecutionContext) =>
      context.switchToHttp().getRequest<Request>().path.endsWith('/auth/password') ? PASSWORD_THROTTLED_MESSAGE : LOGIN_THROTTLED_MESSAGE,
    throttlers: [
      { name: 'address', ttl: LOGIN_WINDOW_MS, limit },
      { name: 'account', ttl: LOGIN_WINDOW_MS, limit, getTracker: accountTracker },
    ],
  };
}
