// The signed-in user and the bearer token, kept in sessionStorage (gone when the tab closes).
// The token's lifetime comes from the login answer (expiresIn); when it runs out, or when the API
// answers 401, the session ends and the user is sent back to the sign-in page with a message.

const KEY = 'nhiemvu.session';
const MAX_TIMEOUT = 2_147_483_647;

let timer = null;
let onEnd = () => {};

/** Called with the reason ('expired' | 'signed-out') when the session ends. */
export function onSessionEnd(handler) {
  onEnd = handler;
}

export function getSession() {
  try {
    const s = JSON.parse(sessionStorage.getItem(KEY) ?? 'null');
    if (!s || !s.token || !s.user) return null;
    if (s.expiresAt && Date.now() >= s.expiresAt) {
      end('expired');
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

export function token() {
  return getSession()?.token ?? null;
}

export function startSession({ accessToken, expiresIn, user }) {
  const session = { token: accessToken, user, expiresAt: Date.now() + expiresIn * 1000 };
  sessionStorage.setItem(KEY, JSON.stringify(session));
  watch();
  return session;
}

export function updateUser(user) {
  const s = getSession();
  if (!s) return;
  sessionStorage.setItem(KEY, JSON.stringify({ ...s, user }));
}

/** Ends the session ('expired' after a 401 or at expiry, 'signed-out' on request). */
export function end(reason) {
  const had = sessionStorage.getItem(KEY) !== null;
  sessionStorage.removeItem(KEY);
  if (timer) clearTimeout(timer);
  timer = null;
  if (had || reason === 'signed-out') onEnd(reason);
}

/** Arms the expiry timer of the stored session (after a reload too). */
export function watch() {
  if (timer) clearTimeout(timer);
  timer = null;
  const s = getSession();
  if (!s?.expiresAt) return;
  timer = setTimeout(() => end('expired'), Math.min(MAX_TIMEOUT, Math.max(0, s.expiresAt - Date.now())));
}

// A laptop waking from sleep does not fire the timer on time: check when the tab comes back.
document.addEventListener('visibilitychange', () => {
  if (document.visibilityState === 'visible') getSession();
});

export const can = {
  manageTasks: (u) => u?.role === 'office' || u?.role === 'admin',
  approve: (u) => ['office', 'leader', 'admin'].includes(u?.role),
  buildReports: (u) => ['office', 'leader', 'admin'].includes(u?.role),
  readMail: (u) => u?.role === 'office' || u?.role === 'admin',
  import: (u) => u?.role === 'office' || u?.role === 'admin',
  calendarFeed: (u) => ['office', 'admin', 'agency'].includes(u?.role),
  isAgency: (u) => u?.role === 'agency',
};
