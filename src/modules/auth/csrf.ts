import { ForbiddenException } from '@nestjs/common';
import { Request } from 'express';

export const CROSS_SITE_MESSAGE = 'Yêu cầu gửi từ trang web khác bị từ chối';
export const CSRF_MESSAGE = 'Thiếu hoặc sai mã chống giả mạo yêu cầu (X-CSRF-Token); vui lòng tải lại trang';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function isSafeMethod(method: string): boolean {
  return SAFE_METHODS.has(method.toUpperCase());
}

/** The request's cookies (RFC 6265 pairs; a malformed pair is skipped). */
export function parseCookies(header: string | undefined): Map<string, string> {
  const out = new Map<string, string>();
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq < 1) continue;
    const name = part.slice(0, eq).trim();
    let value = part.slice(eq + 1).trim();
    if (value.startsWith('"') && value.endsWith('"')) value = value.slice(1, -1);
    try {
      if (!out.has(name)) out.set(name, decodeURIComponent(value));
    } catch {
      /* not percent-decodable: not one of ours */
    }
  }
  return out;
}

/**
 * OWASP's checks against cross-site requests, for the cookie-authenticated browser and the sign-in
 * form: the browser's own Sec-Fetch-Site when it sends one, then Origin against this host (or
 * APP_URL). A request with neither (curl, an API client) passes here; for cookie sessions the
 * synchronizer token (X-CSRF-Token) is checked as well, by the guard.
 */
export function assertSameOrigin(req: Request, appUrl: string): void {
  const site = req.headers['sec-fetch-site'];
  if (typeof site === 'string' && site !== 'same-origin' && site !== 'none') throw new ForbiddenException(CROSS_SITE_MESSAGE);
  const origin = req.headers.origin;
  if (typeof origin !== 'string' || !origin) return;
  const own = `${req.protocol}://${req.get('host') ?? ''}`;
  let app = '';
  try {
    app = new URL(appUrl).origin;
  } catch {
    /* APP_URL is validated at boot; nothing to compare with otherwise */
  }
  if (origin !== own && origin !== app) throw new ForbiddenException(CROSS_SITE_MESSAGE);
}
