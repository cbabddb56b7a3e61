import { ThrottlerModuleOptions } from '@nestjs/throttler';
import { Request } from 'express';

export const LOGIN_WINDOW_MS = 60_000;
export const LOGIN_THROTTLED_MESSAGE = 'Quá nhiều lần đăng nhập; vui lòng thử lại sau một phút';

/**
 * The account a login attempt names, written as UsersService looks it up (trimmed, lowercase), so
 * "A@x.vn" and " a@x.vn" share one counter; the client address when the body names no account.
 */
export function accountTracker(req: Record<string, any>): string {
  const r = req as Request;
  const email: unknown = r.body?.email;
  return typeof email === 'string' ? `account:${email.trim().toLowerCase()}` : `address:${r.ip}`;
}

/**
 * Two throttles on POST /api/auth/login, each `limit` attempts a minute, successful or not: per
 * client address (`req.ip`, whatever account it tries; X-Forwarded-For counts only from a proxy
 * named in TRUST_PROXY) and per account (whatever address it is tried from). Either one answers 429.
 */
export function loginThrottles(limit: number): Exclude<ThrottlerModuleOptions, unknown[]> {
  return {
    errorMessage: LOGIN_THROTTLED_MESSAGE,
    throttlers: [
      { name: 'address', ttl: LOGIN_WINDOW_MS, limit },
      { name: 'account', ttl: LOGIN_WINDOW_MS, limit, getTracker: accountTracker },
    ],
  };
}
