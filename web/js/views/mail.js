// @ts-check
// Thư đã gửi (office, admin): the mail log — what was sent to whom, what failed — with retry.

import { api } from '../api.js';
import { loadError, pageHeader, pager, table } from '../components.js';
import { busy, field, h, loading, notice, replace, select, setTitle } from '../dom.js';
import { formatDateTime } from '../format.js';
import { label, MAIL_KIND, MAIL_STATUS } from '../i18n.js';
import { navigate } from '../router.js';

const PAGE_SIZE = 50;

/** @param {import('../../types/web').ViewContext} ctx @param {string | null} [flash] a message of the change just made */
export async function render(ctx, flash = null) {
  const { main, query } = ctx;
  setTitle('Thư đã gửi');
  replace(main, pageHeader('Thư đã gửi'), loading());
  const status = Object.keys(MAIL_STATUS).includes(query.get('status') ?? '') ? query.get('status') ?? '' : '';
  const kind = Object.keys(MAIL_KIND).includes(query.get('kind') ?? '') ? query.get('kind') ?? '' : '';
  const to = query.get('to')?.trim() ?? '';
  const page = Math.max(1, Number(query.get('page')) || 1);
  let list;
  try {
    list = await api.get('/mail/messages', { status: status || undefined, kind: kind || undefined, to: to || undefined, page, limit: PAGE_SIZE });
  } catch (err) {
    replace(main, loadError(err));
    return;
  }
  const filters = h(
    'form',
    { class: 'toolbar', role: 'search' },
    field({ label: 'Trạng thái', name: 'status', control: select('status', [['', 'Tất cả'], ...Object.entries(MAIL_STATUS)], status) }),
    field({ label: 'Loại thư', name: 'kind', control: select('kind', [['', 'Tất cả'], ...Object.entries(MAIL_KIND)], kind) }),
    field({ label: 'Người nhận', name: 'to', type: 'search', value: to, attrs: { placeholder: 'Địa chỉ email' } }),
    h('button', { type: 'submit', class: 'btn' }, 'Lọc'),
  );
  filters.addEventListener('submit', (e) => {
    e.preventDefault();
    const q = new URLSearchParams();
    for (const [k, v] of new FormData(filters)) if (String(v).trim()) q.set(k, String(v).trim());
    void navigate(`/app/mail${q.size ? `?${q}` : ''}`);
  });
  const qs = new URLSearchParams(query);
  replace(
    main,
    pageHeader('Thư đã gửi', { subtitle: 'Thư nhắc việc, đôn đốc và báo cáo hệ thống đã gửi, kèm kết quả gửi' }),
    flash ? notice('success', flash) : null,
    filters,
    list.items.length
      ? table(
          [
            { label: 'Thời gian', class: 'col-date', cell: (m) => [formatDateTime(m.sentAt ?? m.createdAt)] },
            { label: 'Loại', cell: (m) => label(MAIL_KIND, m.kind) },
            { label: 'Người nhận', cell: (m) => [m.to.join(', '), m.cc.length ? h('span', { class: 'muted small block' }, `CC: ${m.cc.join(', ')}`) : null] },
            { label: 'Tiêu đề', class: 'col-title', cell: (m) => messageDetails(m) },
            {
              label: 'Kết quả',
              cell: (m) => [
                h('span', { class: `badge badge-mail-${m.status}` }, label(MAIL_STATUS, m.status)),
                m.attempts > 1 ? h('span', { class: 'muted small block' }, `${m.attempts} lần gửi`) : null,
                m.lastError ? h('span', { class: 'text-danger small block' }, m.lastError) : null,
                m.status === 'failed' ? retryButton(m, ctx) : null,
              ],
            },
          ],
          list.items,
          { caption: 'Nhật ký thư', rowClass: (m) => (m.status === 'failed' ? 'row-error' : null) },
        )
      : h('p', { class: 'empty' }, 'Chưa có thư nào.'),
    pager({ page, limit: PAGE_SIZE, total: list.total }, (p) => {
      qs.set('page', String(p));
      return `/app/mail?${qs}`;
    }),
  );
}

/** The subject; opening it loads the plain-text body (never the HTML, so nothing runs). */
function messageDetails(m) {
  const body = h('div', { class: 'mail-body' });
  const d = h(
    'details',
    { class: 'disclosure' },
    h('summary', null, m.subject),
    body,
    m.taskIds.length ? h('p', { class: 'small' }, 'Nhiệm vụ: ', taskLinks(m)) : null,
  );
  d.addEventListener('toggle', () => {
    if (!d.open || body.dataset.loaded) return;
    body.dataset.loaded = '1';
    replace(body, loading());
    api
      .get(`/mail/messages/${m.id}`)
      .then((full) =>
        replace(
          body,
          h('pre', { class: 'pre-wrap' }, full.text),
          full.attachments.length ? h('p', { class: 'small muted' }, `Tệp đính kèm: ${full.attachments.map((a) => a.filename).join(', ')}`) : null,
        ),
      )
      .catch((err) => replace(body, notice('error', err.message)));
  });
  return d;
}

/** The tasks a message is about, by code (or the start of the title), never by database id. */
function taskLinks(m) {
  const links = m.tasks.map((t, i) => [
    i ? ', ' : '',
    h('a', { href: `/app/tasks/${t.id}`, title: t.title }, t.code ?? (t.title.length > 40 ? `${t.title.slice(0, 40)}…` : t.title)),
  ]);
  const more = m.taskIds.length - m.tasks.length;
  return [links, more > 0 ? ` và ${more} nhiệm vụ khác` : ''];
}

function retryButton(m, ctx) {
  const b = h('button', { type: 'button', class: 'btn btn-small btn-secondary' }, 'Gửi lại');
  b.addEventListener('click', () =>
    void busy(b, async () => {
      try {
        await api.post(`/mail/messages/${m.id}/retry`);
        await render(ctx, `Đã đưa thư “${m.subject}” vào hàng đợi gửi lại.`);
      } catch (err) {
        b.after(notice('error', err.message));
      }
    }),
  );
  return b;
}
