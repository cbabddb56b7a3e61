// @ts-check
// Thông báo: the user's inbox (requests, decisions, reopened or reassigned tasks, deadline
// reminders), each linking its task, and how each kind is delivered (email now, daily digest, or
// only here).

import { api } from '../api.js';
import { pageHeader } from '../components.js';
import { announce, busy, field, h, loading, notice, replace, select, setTitle, showErrors } from '../dom.js';
import { formatDateTime } from '../format.js';
import { refreshUnread } from '../unread.js';

const KINDS = [
  ['request_created', 'Đề nghị gia hạn, xin rút, xin chuyển của cơ quan'],
  ['request_decided', 'Kết quả xử lý đề nghị'],
  ['task_reopened', 'Nhiệm vụ được mở lại'],
  ['task_reassigned', 'Nhiệm vụ được giao lại cho cơ quan khác'],
];
const DELIVERIES = [
  ['immediate', 'Gửi email ngay'],
  ['digest', 'Tổng hợp một thư mỗi ngày (16:30)'],
  ['in_app', 'Chỉ hiện trên hệ thống'],
];

/** @param {import('../../types/web').ViewContext} ctx */
export async function render(ctx) {
  const { main, query } = ctx;
  setTitle('Thông báo');
  replace(main, loading());
  const unreadOnly = query.get('unread') === '1';
  const [page, prefs] = await Promise.all([
    api.get('/notifications', { unread: unreadOnly ? 'true' : undefined, limit: 50 }),
    api.get('/notifications/preferences'),
  ]);
  const readAll = h('button', { type: 'button', class: 'btn btn-secondary' }, 'Đánh dấu tất cả đã đọc');
  readAll.addEventListener('click', () =>
    void busy(readAll, async () => {
      await api.post('/notifications/read-all');
      await refreshUnread();
      await render(ctx);
    }),
  );
  replace(
    main,
    pageHeader('Thông báo', {
      subtitle: page.unread ? `${page.unread} thông báo chưa đọc` : 'Không có thông báo chưa đọc',
      actions: page.unread ? readAll : null,
    }),
    h(
      'p',
      { class: 'filters' },
      unreadOnly ? h('a', { href: '/app/notifications' }, 'Xem tất cả') : h('a', { href: '/app/notifications?unread=1' }, 'Chỉ xem thông báo chưa đọc'),
    ),
    page.items.length
      ? h('ul', { class: 'inbox' }, page.items.map((n) => item(n)))
      : h('p', { class: 'empty' }, unreadOnly ? 'Không có thông báo chưa đọc.' : 'Chưa có thông báo nào.'),
    page.total > page.items.length ? h('p', { class: 'muted' }, `Hiển thị ${page.items.length} thông báo mới nhất trong tổng số ${page.total}.`) : null,
    preferencesSection(prefs),
  );
}

function item(n) {
  const open = h('a', { href: n.link ?? '/app/notifications', class: 'inbox-title' }, n.title);
  // Opening the item marks it read (the page it links to opens at once; the mark is not awaited).
  open.addEventListener('click', () => {
    if (!n.read) void api.post(`/notifications/${n.id}/read`).then(refreshUnread).catch(() => {});
  });
  return h(
    'li',
    { class: `inbox-item${n.read ? '' : ' unread'}` },
    h('p', { class: 'inbox-meta' }, h('span', { class: 'badge' }, n.kindLabel), ' ', h('time', { datetime: n.createdAt }, formatDateTime(n.createdAt)), n.read ? null : h('span', { class: 'visually-hidden' }, ' (chưa đọc)')),
    open,
    n.lines.length ? h('ul', { class: 'inbox-lines' }, n.lines.map((l) => h('li', null, l))) : null,
  );
}

function preferencesSection(prefs) {
  const submit = h('button', { type: 'submit', class: 'btn btn-primary' }, 'Lưu cách nhận thông báo');
  const form = h(
    'form',
    { class: 'form', novalidate: true, 'aria-labelledby': 'prefs-title' },
    KINDS.map(([kind, text]) => field({ label: text, name: kind, control: select(kind, DELIVERIES, prefs[kind]) })),
    h('p', { class: 'hint' }, 'Thư nhắc hạn nhiệm vụ được gửi đến cơ quan theo lịch nhắc việc và luôn hiện trong hộp thông báo.'),
    submit,
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const body = Object.fromEntries(KINDS.map(([kind]) => [kind, form.elements[kind].value]));
    void busy(submit, async () => {
      try {
        await api.put('/notifications/preferences', body);
        form.querySelectorAll('.notice').forEach((x) => x.remove());
        form.prepend(notice('success', 'Đã lưu cách nhận thông báo.'));
        announce('Đã lưu cách nhận thông báo.');
      } catch (err) {
        showErrors(form, err);
      }
    });
  });
  return h('section', { class: 'card', 'aria-labelledby': 'prefs-title' }, h('h2', { id: 'prefs-title' }, 'Cách nhận thông báo'), form);
}
