// @ts-check
// Boot: the routes, the page frame (header, navigation by role) and the session rules.

import { api } from './api.js';
import { reauthenticate } from './reauth.js';
import { refreshUnread } from './unread.js';
import { loadError } from './components.js';
import { h, notice, replace, setTitle } from './dom.js';
import { APP_NAME, APP_OWNER, MESSAGES, ROLE } from './i18n.js';
import { defineRoutes, navigate, startRouter } from './router.js';
import { can, currentUser, homeOf, onSessionEnd, onSessionWarning, restore, updateUser, watch } from './session.js';
import * as account from './views/account.js';
import * as admin from './views/admin.js';
import { openQueueConsole } from './queue-console.js';
import * as agencyGroups from './views/agency-groups.js';
import * as approvals from './views/approvals.js';
import * as calendarFeed from './views/calendar-feed.js';
import * as dashboard from './views/dashboard.js';
import * as imports from './views/imports.js';
import * as login from './views/login.js';
import * as mail from './views/mail.js';
import * as notifications from './views/notifications.js';
import * as programs from './views/programs.js';
import * as reports from './views/reports.js';
import * as taskDetail from './views/task-detail.js';
import * as taskForm from './views/task-form.js';
import * as tasks from './views/tasks.js';

const ALL = ['admin', 'office', 'leader', 'agency'];
const OFFICE = ['admin', 'office'];
const READERS = ['admin', 'office', 'leader'];

/** @typedef {import('../types/web').User} User */
/**
 * A page: its path pattern, its view module (render(ctx) draws it; null = the user's home), who may open it and
 * which menu entry it lights.
 * @typedef {{ path: string, view: { render: (ctx: any) => any } | null, public?: boolean, roles?: string[],
 *   nav?: string | ((ctx: import('./router.js').RouteContext) => string) }} Route
 */

/** @type {Route[]} */
const ROUTES = [
  { path: '/app/login', view: login, public: true },
  { path: '/app/dashboard', view: dashboard, roles: ALL, nav: 'dashboard' },
  { path: '/app/tasks', view: tasks, roles: ALL, nav: 'tasks' },
  { path: '/app/tasks/new', view: taskForm, roles: OFFICE, nav: 'tasks' },
  { path: '/app/tasks/:id/edit', view: taskForm, roles: OFFICE, nav: 'tasks' },
  { path: '/app/tasks/:id', view: taskDetail, roles: ALL, nav: 'tasks' },
  { path: '/app/programs', view: programs, roles: READERS, nav: 'programs' },
  { path: '/app/imports', view: imports, roles: OFFICE, nav: 'imports' },
  { path: '/app/approvals', view: approvals, roles: READERS, nav: 'approvals' },
  { path: '/app/requests', view: approvals, roles: ['agency'], nav: 'requests' },
  { path: '/app/mail', view: mail, roles: OFFICE, nav: 'mail' },
  // The office's way in is the imports page (a button by its title); admins have the Quản trị tab.
  { path: '/app/groups', view: agencyGroups, roles: OFFICE, nav: 'imports' },
  { path: '/app/notifications', view: notifications, roles: ALL, nav: 'notifications' },
  { path: '/app/reports', view: reports, roles: READERS, nav: 'reports' },
  { path: '/app/admin', view: admin, roles: ['admin'], nav: 'admin-users' },
  { path: '/app/admin/:section', view: admin, roles: ['admin'], nav: (ctx) => `admin-${ctx.params.section}` },
  // Issue #17 item 9's comparison (docs/web-ui-library.md): ?ui=preact draws the same page with Preact + htm,
  // loaded only then, so no other page fetches the library.
  {
    path: '/app/account/password',
    view: { render: async (ctx) => (ctx.query.get('ui') === 'preact' ? await import('./views/account.preact.js') : account).render(ctx) },
    roles: ALL,
    nav: 'account',
  },
  { path: '/app/calendar', view: calendarFeed, roles: ['admin', 'office', 'agency'], nav: 'calendar' },
  { path: '/app', view: null, roles: ALL },
  { path: '/', view: null, roles: ALL },
];

/** The navigation of each role: what it may use, nothing else. @param {User} user @returns {string[][]} */
function navItems(user) {
  if (can.isAgency(user)) {
    return [
      ['tasks', '/app/tasks', 'Nhiệm vụ của đơn vị'],
      ['dashboard', '/app/dashboard', 'Tổng quan'],
      ['requests', '/app/requests', 'Đề nghị đã gửi'],
      ['calendar', '/app/calendar', 'Lịch nhiệm vụ'],
      ['notifications', '/app/notifications', 'Thông báo'],
    ];
  }
  // Admins run the system: their own menu (Quản trị), then what they may read.
  if (user?.role === 'admin') {
    return [
      ['admin-users', '/app/admin/users', 'Người dùng'],
      ['admin-agencies', '/app/admin/agencies', 'Cơ quan'],
      ['admin-templates', '/app/admin/templates', 'Mẫu văn bản'],
      ['admin-letters', '/app/admin/letters', 'Công văn đôn đốc'],
      ['admin-reminders', '/app/admin/reminders', 'Nhắc việc ngay'],
      ['admin-rules', '/app/admin/rules', 'Quy tắc nhắc việc'],
      // Not a page of the app: opens the queue console in a new tab (queue-console.js).
      ['queue-console', '/api/queues', 'Hàng đợi công việc'],
      ['mail', '/app/mail', 'Thư đã gửi'],
      ['tasks', '/app/tasks', 'Nhiệm vụ'],
      ['reports', '/app/reports', 'Báo cáo'],
    ];
  }
  const items = [
    ['dashboard', '/app/dashboard', 'Tổng quan'],
    ['tasks', '/app/tasks', 'Nhiệm vụ'],
    ['programs', '/app/programs', 'Chương trình'],
  ];
  if (can.import(user)) items.push(['imports', '/app/imports', 'Nhập chương trình']);
  if (can.approve(user)) items.push(['approvals', '/app/approvals', 'Phê duyệt']);
  items.push(['reports', '/app/reports', 'Báo cáo']);
  if (can.readMail(user)) items.push(['mail', '/app/mail', 'Thư đã gửi']);
  if (can.calendarFeed(user)) items.push(['calendar', '/app/calendar', 'Lịch']);
  items.push(['notifications', '/app/notifications', 'Thông báo']);
  return items;
}

export { homeOf };

/** @param {User | null} user @param {string | null} [active] */
function renderHeader(user, active) {
  const header = /** @type {HTMLElement} */ (document.getElementById('site-header'));
  if (!user) {
    header.hidden = true;
    header.replaceChildren();
    return;
  }
  header.hidden = false;
  const navId = 'main-nav';
  const toggle = h(
    'button',
    { type: 'button', class: 'nav-toggle', 'aria-expanded': 'false', 'aria-controls': navId },
    'Danh mục',
  );
  const nav = h(
    'nav',
    { id: navId, class: 'main-nav', 'aria-label': 'Điều hướng chính' },
    h(
      'ul',
      null,
      navItems(user).map(([key, href, text]) =>
        h(
          'li',
          null,
          h(
            'a',
            { href, 'aria-current': key === active ? 'page' : null, dataset: { nav: key } },
            text,
            key === 'notifications' ? [' ', h('span', { class: 'nav-count', hidden: true })] : null,
          ),
        ),
      ),
    ),
  );
  toggle.addEventListener('click', () => {
    const open = toggle.getAttribute('aria-expanded') !== 'true';
    toggle.setAttribute('aria-expanded', String(open));
    nav.classList.toggle('open', open);
  });
  nav.addEventListener('click', (e) => {
    const target = e.target instanceof Element ? e.target : null;
    if (target?.closest('a[data-nav="queue-console"]')) {
      e.preventDefault();
      void openQueueConsole();
    }
    if (target?.closest('a')) {
      toggle.setAttribute('aria-expanded', 'false');
      nav.classList.remove('open');
    }
  });
  replace(
    header,
    h(
      'div',
      { class: 'header-bar' },
      h(
        'a',
        { class: 'brand', href: homeOf(user) },
        h('img', { src: '/app/img/logo.svg', alt: '', width: 32, height: 32 }),
        h('span', null, h('strong', null, APP_NAME), h('span', { class: 'brand-sub' }, APP_OWNER)),
      ),
      h(
        'div',
        { class: 'user-box' },
        h('span', { class: 'user-name' }, user.fullName, h('span', { class: 'user-role' }, user.agencyName ?? ROLE[user.role])),
        h(
          'span',
          { class: 'user-actions' },
          h('a', { class: 'btn btn-secondary btn-small', id: 'change-password', href: '/app/account/password', 'aria-current': active === 'account' ? 'page' : null }, 'Đổi mật khẩu'),
          h('button', { type: 'button', class: 'btn btn-secondary btn-small', id: 'sign-out', onclick: () => void api.logout() }, 'Đăng xuất'),
        ),
      ),
      toggle,
    ),
    nav,
  );
}

/** The agency's name beside the user's (read once per session). */
/** @param {User} user @returns {Promise<User>} */
async function ensureAgencyName(user) {
  if (!user.agencyId || user.agencyName) return user;
  try {
    const agency = await api.get(`/agencies/${user.agencyId}`);
    const next = { ...user, agencyName: agency.name, agencyCode: agency.code };
    updateUser(next);
    return next;
  } catch {
    return user;
  }
}

/** @param {string | null} reason */
function loginUrl(reason) {
  const here = location.pathname + location.search;
  const next = here.startsWith('/app/') && !here.startsWith('/app/login') ? here : '';
  const q = new URLSearchParams();
  if (reason) q.set('reason', reason);
  if (next && reason !== 'signed-out') q.set('next', next);
  const qs = q.toString();
  return `/app/login${qs ? `?${qs}` : ''}`;
}

defineRoutes(ROUTES, {
  async resolve(route, ctx) {
    let user = currentUser() ?? (await restore());
    if (route.public) {
      renderHeader(null);
      if (user && route.view === login) return navigate(homeOf(user), { replace: true });
      return route.view?.render({ ...ctx, user: null });
    }
    if (!user) return navigate(loginUrl(null), { replace: true });
    if (!route.view) return navigate(homeOf(user), { replace: true });
    user = await ensureAgencyName(user);
    renderHeader(user, typeof route.nav === 'function' ? route.nav(ctx) : route.nav);
    void refreshUnread();
    if (route.roles && !route.roles.includes(user.role)) {
      setTitle('Không có quyền truy cập');
      replace(ctx.main, loadError({ status: 403, message: MESSAGES.forbidden }));
      return null;
    }
    try {
      return await route.view.render({ ...ctx, user });
    } catch (err) {
      replace(ctx.main, loadError(err));
      return null;
    }
  },
  notFound(ctx) {
    const user = currentUser();
    renderHeader(user, null);
    setTitle('Không tìm thấy trang');
    replace(ctx.main, loadError({ status: 404 }));
  },
});

onSessionEnd((reason) => void navigate(loginUrl(reason), { replace: reason === 'expired' }));

/** The banner shown five minutes before the session ends (renew = sign in again, in place). */
onSessionWarning((endsAt) => {
  document.getElementById('session-warning')?.remove();
  if (!endsAt) return;
  const at = new Date(endsAt);
  const time = `${String(at.getHours()).padStart(2, '0')}:${String(at.getMinutes()).padStart(2, '0')}`;
  const renew = h('button', { type: 'button', class: 'btn btn-small btn-secondary' }, 'Đăng nhập lại để gia hạn');
  renew.addEventListener('click', () => void reauthenticate((email, password) => api.login(email, password)));
  const banner = h(
    'div',
    { id: 'session-warning', class: 'notice notice-warning session-warning', role: 'status' },
    Date.now() < endsAt
      ? `Phiên đăng nhập sẽ hết hạn lúc ${time}. Nội dung đang nhập sẽ không bị mất. `
      : 'Phiên đăng nhập đã hết hạn. Lần lưu tiếp theo sẽ hỏi lại mật khẩu; nội dung đang nhập không bị mất. ',
    renew,
  );
  document.body.prepend(banner);
});

watch();
startRouter().catch((err) => {
  replace(/** @type {HTMLElement} */ (document.getElementById('main')), notice('error', String(err?.message ?? err)));
});
