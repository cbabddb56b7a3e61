// @ts-check
// Phê duyệt (office, leader, admin): the requests inbox, GET /api/requests?status=pending, approve or
// reject with a comment. Agency users get "Đề nghị đã gửi": their agency's requests, read only.

import { api } from '../api.js';
import { loadError, pageHeader, pager, requestStatusBadge, table, tabs, taskLink } from '../components.js';
import { busy, clearErrors, field, h, loading, notice, replace, setTitle, showErrors } from '../dom.js';
import { formatDate, formatDateTime } from '../format.js';
import { label, REQUEST_STATUS, REQUEST_TYPE } from '../i18n.js';
import { can } from '../session.js';

const PAGE_SIZE = 50;

/** @param {import('../../types/web').ViewContext} ctx @param {string | null} [flash] a message of the change just made */
export async function render(ctx, flash = null) {
  const { main, query, user } = ctx;
  const approver = can.approve(user);
  const title = approver ? 'Phê duyệt đề nghị' : 'Đề nghị đã gửi';
  setTitle(title);
  replace(main, pageHeader(title), loading());
  const statuses = Object.keys(REQUEST_STATUS);
  const active = statuses.includes(query.get('status') ?? '') ? query.get('status') ?? '' : 'pending';
  const page = Math.max(1, Number(query.get('page')) || 1);
  const path = approver ? '/app/approvals' : '/app/requests';
  let counts;
  let list;
  try {
    [counts, list] = await Promise.all([
      Promise.all(statuses.map((s) => api.get('/requests', { status: s, limit: 1 }).then((r) => r.total))),
      api.get('/requests', { status: active, limit: PAGE_SIZE, page }),
    ]);
  } catch (err) {
    replace(main, loadError(err));
    return;
  }
  const tabItems = statuses.map((s, i) => ({ key: s, label: label(REQUEST_STATUS, s), count: counts[i], href: `${path}?status=${s}` }));
  const rerender = (message) => render(ctx, message);
  replace(
    main,
    pageHeader(title, { subtitle: approver ? 'Đề nghị gia hạn, xin rút, xin chuyển của các cơ quan, đơn vị' : user.agencyName }),
    flash ? notice('success', flash) : null,
    tabs(tabItems, active, 'Trạng thái đề nghị'),
    h(
      'section',
      { class: 'tab-panel', 'aria-label': label(REQUEST_STATUS, active) },
      list.items.length
        ? approver && active === 'pending'
          ? h('div', { class: 'request-list' }, list.items.map((r) => requestCard(r, rerender)))
          : requestsTable(list.items)
        : h('p', { class: 'empty' }, 'Không có đề nghị nào.'),
      pager(list, (p) => `${path}?status=${active}&page=${p}`),
    ),
  );
}

function requestsTable(items) {
  return table(
    [
      { label: 'Nhiệm vụ', class: 'col-title', cell: (r) => [taskLink(r.task), h('span', { class: 'muted small block' }, r.task.leadAgency?.name ?? '')] },
      { label: 'Loại', cell: (r) => label(REQUEST_TYPE, r.type) },
      { label: 'Lý do', cell: (r) => r.reason },
      { label: 'Thời hạn đề nghị', class: 'col-date', cell: (r) => (r.proposedDueDate ? formatDate(r.proposedDueDate) : '—') },
      { label: 'Trạng thái', cell: (r) => requestStatusBadge(r.status) },
      { label: 'Gửi lúc', class: 'col-date', cell: (r) => [formatDateTime(r.createdAt), h('span', { class: 'muted small block' }, r.requestedBy?.fullName ?? '')] },
      { label: 'Ý kiến xử lý', cell: (r) => (r.decisionComment ? [r.decisionComment, h('span', { class: 'muted small block' }, `${r.decidedBy?.fullName ?? ''} ${formatDateTime(r.decidedAt)}`)] : '—') },
    ],
    items,
    { caption: 'Đề nghị' },
  );
}

function requestCard(r, rerender) {
  const id = `req-${r.id}`;
  const approve = h('button', { type: 'submit', class: 'btn btn-primary', value: 'approve' }, 'Duyệt');
  const reject = h('button', { type: 'submit', class: 'btn btn-danger', value: 'reject' }, 'Từ chối');
  const form = h(
    'form',
    { class: 'form', novalidate: true },
    field({ label: 'Ý kiến xử lý', name: 'comment', type: 'textarea', hint: 'Bắt buộc khi từ chối', attrs: { maxlength: 2000, rows: 2, id: `${id}-comment` } }),
    h('div', { class: 'form-actions' }, approve, reject),
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    clearErrors(form);
    const action = /** @type {HTMLButtonElement | null} */ (e.submitter)?.value === 'reject' ? 'reject' : 'approve';
    const comment = form.elements.comment.value.trim();
    if (action === 'reject' && !comment) {
      showErrors(form, { message: 'Vui lòng nêu lý do từ chối', details: [{ field: 'comment', message: 'Nhập lý do từ chối' }] });
      return;
    }
    void busy(e.submitter ?? approve, async () => {
      try {
        await api.post(`/requests/${r.id}/${action}`, comment ? { comment } : {});
        const what = `${label(REQUEST_TYPE, r.type).toLowerCase()} của nhiệm vụ “${r.task.title}”`;
        await rerender(action === 'approve' ? `Đã duyệt đề nghị ${what}.` : `Đã từ chối đề nghị ${what}.`);
      } catch (err) {
        showErrors(form, err);
      }
    });
  });
  return h(
    'article',
    { class: 'card request-card', 'aria-labelledby': `${id}-title` },
    h('h2', { id: `${id}-title`, class: 'h3' }, `${label(REQUEST_TYPE, r.type)}: `, taskLink(r.task)),
    h(
      'dl',
      { class: 'details details-compact' },
      h('dt', null, 'Cơ quan chủ trì'),
      h('dd', null, r.task.leadAgency?.name ?? ''),
      h('dt', null, 'Thời hạn hiện tại'),
      h('dd', null, r.task.dueDate ? formatDate(r.task.dueDate) : 'Thường xuyên'),
      r.proposedDueDate ? [h('dt', null, 'Thời hạn đề nghị'), h('dd', { class: 'strong' }, formatDate(r.proposedDueDate))] : null,
      h('dt', null, 'Lý do'),
      h('dd', null, r.reason),
      h('dt', null, 'Người gửi'),
      h('dd', null, `${r.requestedBy?.fullName ?? ''}, ${formatDateTime(r.createdAt)}`),
    ),
    form,
  );
}
