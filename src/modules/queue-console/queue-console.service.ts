import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { JwtService } from '@nestjs/jwt';
import { NextFunction, Request, Response } from 'express';
import { createHmac } from 'node:crypto';
import { AppConfig } from 'src/core/config/configuration';
import { UserRole } from 'src/modules/users/user-role.enum';
import { UsersService } from 'src/modules/users/users.service';

/** Where Bull Board is served (under the /api prefix: /api/queues). */
export const QUEUE_CONSOLE_ROUTE = '/queues';
export const QUEUE_CONSOLE_PATH = `/api${QUEUE_CONSOLE_ROUTE}`;
export const QUEUE_CONSOLE_COOKIE = 'nhiemvu_queues';
/** The link an admin opens is good for one minute; the console session it starts for 30. */
export const LINK_TTL_SECONDS = 60;
export const SESSION_TTL_SECONDS = 30 * 60;

interface ConsoleToken {
  sub: number;
  tv: number;
  /** 'link' (in the URL, once) or 'session' (in the cookie). */
  use: 'link' | 'session';
}

/**
 * Access to the queue console (Bull Board) for admins only. A browser cannot put the app's bearer
 * token on a page navigation, so an admin asks the API (bearer) for a short-lived signed link; opening
 * it sets an HttpOnly, SameSite=Strict cookie scoped to /api/queues for 30 minutes. API clients may
 * send their bearer token instead. Console tokens are signed with a key derived from JWT_SECRET for
 * this purpose only, so they are never accepted as API tokens and API tokens never as console cookies.
 * The user is reloaded on each request: an admin who is demoted, locked or signs out everywhere
 * (tokenVersion) loses the console at once.
 */
@Injectable()
export class QueueConsoleService {
  /** Signs and checks console tokens only: its own key (the app's JwtService always uses JWT_SECRET's). */
  private readonly consoleJwt: JwtService;

  constructor(
    private readonly jwt: JwtService,
    private readonly users: UsersService,
    private readonly config: ConfigService<AppConfig, true>,
  ) {
    const secret = createHmac('sha256', config.get('auth.jwtSecret', { infer: true })).update('queue-console').digest('base64url');
    this.consoleJwt = new JwtService({ secret, signOptions: { algorithm: 'HS256' }, verifyOptions: { algorithms: ['HS256'] } });
  }

  async link(user: { id: number }): Promise<{ url: string; expiresInSeconds: number }> {
    const found = await this.users.findActiveById(user.id);
    const ticket = await this.sign({ sub: user.id, tv: found?.tokenVersion ?? -1, use: 'link' }, LINK_TTL_SECONDS);
    return { url: `${this.config.get('app.appUrl', { infer: true })}${QUEUE_CONSOLE_PATH}?ticket=${ticket}`, expiresInSeconds: LINK_TTL_SECONDS };
  }

  /** Express middleware in front of Bull Board's router. */
  readonly middleware = (req: Request, res: Response, next: NextFunction): void => {
    this.check(req, res).then(
      (ok) => (ok ? next() : undefined),
      (err: Error) => next(err),
    );
  };

  private async check(req: Request, res: Response): Promise<boolean> {
    const ticket = typeof req.query.ticket === 'string' ? req.query.ticket : null;
    if (ticket) {
      const payload = await this.verify(ticket, 'link');
      if (!payload || !(await this.isAdmin(payload))) return this.refuse(res, payload ? 403 : 401);
      const session = await this.sign({ sub: payload.sub, tv: payload.tv, use: 'session' }, SESSION_TTL_SECONDS);
      const secure = this.config.get('app.appUrl', { infer: true }).startsWith('https:') ? '; Secure' : '';
      res.setHeader(
        'Set-Cookie',
        `${QUEUE_CONSOLE_COOKIE}=${session}; Path=${QUEUE_CONSOLE_PATH}; Max-Age=${SESSION_TTL_SECONDS}; HttpOnly; SameSite=Strict${secure}`,
      );
      // Off the URL at once, so the ticket stays out of the history and the console's own links.
      res.redirect(303, QUEUE_CONSOLE_PATH);
      return false;
    }
    const cookie = readCookie(req.headers.cookie, QUEUE_CONSOLE_COOKIE);
    if (cookie) {
      const payload = await this.verify(cookie, 'session');
      if (payload && (await this.isAdmin(payload))) return true;
    }
    const bearer = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1];
    if (bearer) {
      const payload = await this.jwt.verifyAsync<{ sub: number; tv: number }>(bearer).catch(() => null);
      if (!payload) return this.refuse(res, 401);
      return (await this.isAdmin(payload)) || this.refuse(res, 403);
    }
    return this.refuse(res, 401);
  }

  private async isAdmin(payload: { sub: number; tv: number }): Promise<boolean> {
    const user = await this.users.findActiveById(payload.sub);
    return !!user && user.role === UserRole.Admin && user.tokenVersion === payload.tv;
  }

  private refuse(res: Response, status: 401 | 403): false {
    const message =
      status === 401
        ? 'Chưa đăng nhập: mở bảng theo dõi hàng đợi từ trang quản trị (đường dẫn có hiệu lực một phút)'
        : 'Chỉ quản trị hệ thống được xem bảng theo dõi hàng đợi';
    res.status(status).json({ statusCode: status, error: status === 401 ? 'Unauthorized' : 'Forbidden', message, details: [] });
    return false;
  }

  private sign(payload: ConsoleToken, ttlSeconds: number): Promise<string> {
    return this.consoleJwt.signAsync({ ...payload }, { expiresIn: ttlSeconds });
  }

  private async verify(token: string, use: ConsoleToken['use']): Promise<ConsoleToken | null> {
    const payload = await this.consoleJwt.verifyAsync<ConsoleToken>(token).catch(() => null);
    return payload && payload.use === use ? payload : null;
  }
}

function readCookie(header: string | undefined, name: string): string | null {
  for (const part of (header ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return v.join('=') || null;
  }
  return null;
}
