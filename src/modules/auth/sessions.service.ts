import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectRepository } from '@nestjs/typeorm';
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { EntityManager, IsNull, LessThan, MoreThan, Not, Repository } from 'typeorm';
import { AUTH_CACHE_TTL_MS, ShortLivedCache } from 'src/core/cache/short-lived-cache';
import { AppConfig } from 'src/core/config/configuration';
import { AuthSession } from './session.entity';

export const SESSION_COOKIE = 'nhiemvu_session';
export const CSRF_HEADER = 'x-csrf-token';

/** "30m", "8h", "1d" (EnvDto has checked the form) → milliseconds. */
export function ttlMs(ttl: string): number {
  const m = /^(\d+)([smhd])$/.exec(ttl);
  if (!m) throw new Error(`bad duration ${ttl}`);
  return Number(m[1]) * { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 }[m[2] as 's' | 'm' | 'h' | 'd'];
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** Constant-time comparison of two tokens of any length. */
export function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a, 'utf8');
  const y = Buffer.from(b, 'utf8');
  return x.length === y.length && timingSafeEqual(x, y);
}

export interface OpenedSession {
  token: string;
  session: AuthSession;
}

/**
 * Server-side browser sessions: the cookie's random token is looked up by its hash on every
 * request (through a cache of a few seconds that every write here clears), so sign-out (revokedAt)
 * ends it at once and a forged or replayed cookie finds nothing valid. Lifetime: JWT_TTL, the same
 * as a bearer token.
 */
@Injectable()
export class SessionsService {
  private readonly live = new ShortLivedCache<string, AuthSession | null>(AUTH_CACHE_TTL_MS);

  constructor(
    @InjectRepository(AuthSession) private readonly repo: Repository<AuthSession>,
    private readonly config: ConfigService<AppConfig, true>,
  ) {}

  get ttlMs(): number {
    return ttlMs(this.config.get('auth.jwtTtl', { infer: true }));
  }

  async open(userId: number, tokenVersion: number): Promise<OpenedSession> {
    const token = randomBytes(32).toString('base64url');
    const session = await this.repo.save(
      this.repo.create({
        tokenHash: hashToken(token),
        csrfToken: randomBytes(32).toString('base64url'),
        userId,
        tokenVersion,
        expiresAt: new Date(Date.now() + this.ttlMs),
        revokedAt: null,
      }),
    );
    // Expired rows of anyone are of no use: removed now and then, on sign-in.
    await this.repo.delete({ expiresAt: LessThan(new Date(Date.now() - 86_400_000)) });
    return { token, session };
  }

  /** The live session a cookie token names, or null (unknown, signed out, expired). */
  async find(token: string): Promise<AuthSession | null> {
    if (!token || token.length > 200) return null;
    const tokenHash = hashToken(token);
    const s = await this.live.through(tokenHash, () => this.repo.findOneBy({ tokenHash, revokedAt: IsNull() }));
    if (!s || s.expiresAt.getTime() <= Date.now()) return null;
    return s;
  }

  get(id: number): Promise<AuthSession | null> {
    return this.repo.findOneBy({ id });
  }

  async revoke(id: number): Promise<void> {
    try {
      await this.repo.update({ id, revokedAt: IsNull() }, { revokedAt: new Date() });
    } finally {
      this.live.forgetWhere((s) => s?.id === id);
    }
  }

  /** After a change to the user's sessions in a transaction that has now committed (a password change). */
  forgetUser(userId: number): void {
    this.live.forgetWhere((s) => s?.userId === userId);
  }

  /**
   * After a password change (tokenVersion bumped to `tokenVersion`): every other live session of the
   * user is revoked, and `keep` (the browser that made the change, if any) moves to the new version
   * so it stays signed in. Returns how many sessions were revoked.
   */
  async keepOnly(userId: number, keep: number | undefined, tokenVersion: number, manager: EntityManager): Promise<number> {
    const repo = manager.getRepository(AuthSession);
    const live = { userId, revokedAt: IsNull(), expiresAt: MoreThan(new Date()) };
    const others = keep === undefined ? live : { ...live, id: Not(keep) };
    const revoked = (await repo.update(others, { revokedAt: new Date() })).affected ?? 0;
    if (keep !== undefined) await repo.update({ id: keep, userId }, { tokenVersion });
    this.forgetUser(userId);
    return revoked;
  }

  /** Test and operator helper: move a session's end (e.g. to the past). */
  async setExpiry(id: number, at: Date): Promise<void> {
    await this.repo.update({ id }, { expiresAt: at });
    this.live.forgetWhere((s) => s?.id === id);
  }
}
