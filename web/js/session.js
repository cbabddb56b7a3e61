// @ts-check
// The signed-in user of this tab. The sign-in itself is an httpOnly session cookie the page never
// sees (shared by every tab and by links opened from emails); this module keeps the user, the
// session's CSRF token (sent as X-CSRF-Token on every change) and when the session ends, in
// sessionStorage. A new tab reads them from GET /api/auth/session (restore()).
// Five minutes before the end a banner warns; after it, the next request that gets a 401 asks for
// the password in a dialog (reauth.js) and is then sent again, so nothing typed is lost.

const KEY = 'nhiemvu.session';
const WARN_BEFORE_MS = 5 * 60_000;
const MAX_TIMEOUT = 2_147_483_647;

/** @typedef {import('../types/web').User} User */
/** @typedef {{ user: User, csrfToken: string, expiresAt: number | null }} Session */

/** @type {ReturnType<typeof setTimeout> | null} */
let warnTimer = null;
/** @type {(reason: 'expired' | 'signed-out') => void} */
let onEnd = () => {};
/** @type {(endsAt: number | null) => void} */
let onWarn = () => {};

/** Called with the reason ('expired' | 'signed-out') when the session ends. @param {typeof onEnd} handler */
export function onSessionEnd(handler) {
  onEnd = handler;
}

/** Called with the end (ms since epoch) when the session is about to end, and with null when renewed. @param {typeof onWarn} handler */
export function onSessionWarning(handler) {
  onWarn = handler;
}

/** @returns {Session | null} */
export function getSession() {
  try {
    const s = JSON.parse(sessionStorage.getItem(KEY) ?? 'null');
    if (!s || !s.user) return null;
    // Stored by an earlier version (a bearer token, no CSRF token): read again from the cookie.
    if (s.token || !s.csrfToken) {
      sessionStorage.removeItem(KEY);
      return null;
    }
    return s;
  } catch {
    return null;
  }
}

export function currentUser() {
  return getSession()?.user ?? null;
}

export function csrfToken() {
  return getSession()?.csrfToken ?? null;
}

/**
 * From POST /api/auth/login or GET /api/auth/session.
 * @param {{ user: User, csrfToken: string, sessionExpiresAt?: string | null }} answer
 */
export function startSession({ user, csrfToken: csrf, sessionExpiresAt }) {
  const session = { user, csrfToken: csrf, expiresAt: sessionExpiresAt ? Date.parse(sessionExpiresAt) : null };
  sessionStorage.setItem(KEY, JSON.stringify(session));
  watch();
  return session;
}

/**
 * A tab without a stored session (a link opened from an email, a new tab): asks the server whether
 * this browser is signed in. Returns the user or null.
 */
/** @returns {Promise<User | null>} */
export async function restore() {
  const s = getSession();
  if (s) return s.user;
  try {
    const res = await fetch('/api/auth/session', { headers: { Accept: 'application/json' }, credentials: 'same-origin', cache: 'no-store' });
    if (!res.ok) return null;
    return startSession(await res.json()).user;
  } catch {
    return null;
  }
}

/** Re-reads this browser's session (after another tab signed in again); false when there is none. */
export async function refreshSession() {
  const had = getSession();
  sessionStorage.removeItem(KEY);
  const user = await restore();
  if (!user && had) sessionStorage.setItem(KEY, JSON.stringify(had));
  return !!user;
}

/** @param {User} user */
export function updateUser(user) {
  const s = getSession();
  if (!s) return;
  sessionStorage.setItem(KEY, JSON.stringify({ ...s, user }));
}

/** Forgets this tab's session ('expired' after a refused re-sign-in, 'signed-out' on request). @param {'expired' | 'signed-out'} reason */
export function end(reason) {
  const had = sessionStorage.getItem(KEY) !== null;
  sessionStorage.removeItem(KEY);
  if (warnTimer) clearTimeout(warnTimer);
  warnTimer = null;
  onWarn(null);
  if (had || reason === 'signed-out') onEnd(reason);
}

/** Arms the warning before the stored session's end (after a reload too). */
export function watch() {
  if (warnTimer) clearTimeout(warnTimer);
  warnTimer = null;
  onWarn(null);
  const s = getSession();
  if (!s?.expiresAt) return;
  const wait = s.expiresAt - WARN_BEFORE_MS - Date.now();
  if (wait <= 0) onWarn(s.expiresAt);
  else warnTimer = setTimeout(() => onWarn(s.expiresAt), Math.min(MAX_TIMEOUT, wait));
}

// A laptop waking from sleep does not fire the timer on time: check when the tab comes back.
document.addEventListener('visibilitychange', () => {
  if (document.visibilityState === 'visible') watch();
});

/** @type {Record<string, (u: User | null | undefined) => boolean>} */
export const can = {
  manageTasks: (u) => u?.role === 'office' || u?.role === 'admin',
  approve: (u) => ['office', 'leader', 'admin'].includes(u?.role ?? ''),
  buildReports: (u) => ['office', 'leader', 'admin'].includes(u?.role ?? ''),
  readMail: (u) => u?.role === 'office' || u?.role === 'admin',
  import: (u) => u?.role === 'office' || u?.role === 'admin',
  calendarFeed: (u) => ['office', 'admin', 'agency'].includes(u?.role ?? ''),
  isAgency: (u) => u?.role === 'agency',
};

/** Where a user lands after signing in: admins on their own menu, agency users on their tasks. */
/** @param {User | null | undefined} user */
export function homeOf(user) {
  if (user?.role === 'admin') return '/app/admin/users';
  return can.isAgency(user) ? '/app/tasks' : '/app/dashboard';
}
