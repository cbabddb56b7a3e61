// @ts-check
// Pieces several pages share: headings, badges, the task table, tabs, pager, date inputs.

import { h, notice } from './dom.js';
import { deadlineNote, formatDate, formatNumber } from './format.js';
import { label, MESSAGES, REQUEST_STATUS, TASK_STATUS, TIMELINESS } from './i18n.js';
import { reload } from './router.js';

// Lives in dom.js, where field() builds it for type 'file': every file input of the UI is this one.
export { filePicker } from './dom.js';

/** @typedef {import('./dom.js').Child} Child */
/** @typedef {import('../types/web').Schemas['TaskResponseDto']} Task */
/**
 * A column of table(): its heading (`header` when it is more than text, e.g. a sort link) and its cell.
 * @template T
 * @typedef {{ label: string, header?: Child, class?: string, cell: (row: T) => Child }} Column
 */

/** @param {Child} title @param {{ subtitle?: Child, actions?: Child }} [options] */
export function pageHeader(title, { subtitle, actions } = {}) {
  return h(
    'div',
    { class: 'page-header' },
    h('div', null, h('h1', null, title), subtitle ? h('p', { class: 'subtitle' }, subtitle) : null),
    actions ? h('div', { class: 'actions' }, actions) : null,
  );
}

/** @param {string} status */
export function statusBadge(status) {
  return h('span', { class: `badge badge-status-${status}` }, label(TASK_STATUS, status));
}

/** @param {string | null | undefined} timeliness */
export function timelinessBadge(timeliness) {
  if (!timeliness || timeliness === 'none') return null;
  return h('span', { class: `badge badge-${timeliness}` }, label(TIMELINESS, timeliness));
}

/** @param {string} status */
export function requestStatusBadge(status) {
  return h('span', { class: `badge badge-request-${status}` }, label(REQUEST_STATUS, status));
}

/** @param {number | string | null | undefined} value */
export function progressBar(value) {
  const v = Math.max(0, Math.min(100, Number(value) || 0));
  return h(
    'span',
    { class: 'progress' },
    h('progress', { max: 100, value: v, 'aria-label': `Tiến độ ${v}%` }),
    h('span', { class: 'progress-text' }, `${v}%`),
  );
}

/** The title of a task as a link to its page. @param {{ id?: number, taskId?: number, title: string }} task */
export function taskLink(task) {
  return h('a', { href: `/app/tasks/${task.id ?? task.taskId}` }, task.title);
}

/** A responsive table: on narrow screens each row becomes a card, cells labelled by data-label (`header`, when given, is the heading cell's content, e.g. a sort link). */
/**
 * @template T
 * @param {NoInfer<Column<T>>[]} columns
 * @param {T[]} rows
 * @param {{ caption?: string, rowClass?: (row: T) => string | null | undefined, rowAttrs?: (row: T) => Record<string, any>, className?: string }} [options]
 */
export function table(columns, rows, { caption, rowClass, rowAttrs, className } = {}) {
  return h(
    'div',
    { class: 'table-wrap' },
    h(
      'table',
      { class: className ? `table ${className}` : 'table' },
      caption ? h('caption', { class: 'visually-hidden' }, caption) : null,
      h('thead', null, h('tr', null, columns.map((c) => h('th', { scope: 'col', class: c.class }, c.header ?? c.label)))),
      h(
        'tbody',
        null,
        rows.map((r) =>
          h(
            'tr',
            { class: rowClass?.(r), ...(rowAttrs?.(r) ?? {}) },
            columns.map((c) => h('td', { 'data-label': c.label, class: c.class }, h('div', { class: 'cell' }, c.cell(r)))),
          ),
        ),
      ),
    ),
  );
}

/** @param {{ dueDate?: string | null, dueText?: string | null }} task */
export function dueCell(task) {
  return h(
    'span',
    { class: 'due' },
    task.dueDate ? formatDate(task.dueDate) : 'Thường xuyên',
    task.dueText && task.dueText !== formatDate(task.dueDate) ? h('span', { class: 'muted small' }, ` (${task.dueText})`) : null,
  );
}

/** @param {Task[]} tasks @param {{ showLead?: boolean, caption?: string }} [options] */
export function taskTable(tasks, { showLead = true, caption } = {}) {
  if (!tasks.length) return h('p', { class: 'empty' }, 'Không có nhiệm vụ nào.');
  /** @type {Column<Task>[]} */
  const columns = [
    { label: 'Mã', class: 'col-code', cell: (t) => t.code ?? '—' },
    { label: 'Nội dung', class: 'col-title', cell: (t) => taskLink(t) },
    ...(showLead ? [{ label: 'Cơ quan chủ trì', cell: (t) => t.leadAgency?.name ?? '' }] : []),
    { label: 'Thời hạn', class: 'col-date', cell: dueCell },
    { label: 'Trạng thái', cell: (t) => statusBadge(t.status) },
    { label: 'Tiến độ', class: 'col-progress', cell: (t) => progressBar(t.progress) },
    {
      label: 'Ghi chú',
      class: 'col-nowrap',
      cell: (t) => h('span', { class: t.timeliness === 'overdue' ? 'text-danger' : null }, deadlineNote(t)),
    },
  ];
  return table(columns, tasks, { caption, rowClass: (t) => (t.timeliness === 'overdue' ? 'row-overdue' : null) });
}

/**
 * Tabs as links (each tab is its own URL): [{key, label, count, href}].
 * @param {{ key: string, label: string, count?: number | null, href: string }[]} items
 * @param {string} active
 * @param {string} ariaLabel
 */
export function tabs(items, active, ariaLabel) {
  return h(
    'nav',
    { class: 'tabs', 'aria-label': ariaLabel },
    h(
      'ul',
      null,
      items.map((t) =>
        h(
          'li',
          null,
          h(
            'a',
            { href: t.href, class: `tab tab-${t.key}`, 'aria-current': t.key === active ? 'page' : null, dataset: { tab: t.key } },
            h('span', { class: 'tab-label' }, t.label),
            t.count == null ? null : [h('span', { class: 'visually-hidden' }, ': '), h('span', { class: 'count' }, formatNumber(t.count))],
          ),
        ),
      ),
    ),
  );
}

/** "Hiển thị 1–50 trên 137" with previous / next. @param {{ page: number, limit: number, total: number }} page @param {(page: number) => string} hrefFor */
export function pager({ page, limit, total }, hrefFor) {
  if (total <= limit && page === 1) return total ? h('p', { class: 'muted small' }, `${formatNumber(total)} kết quả`) : null;
  const from = (page - 1) * limit + 1;
  const to = Math.min(total, page * limit);
  const last = Math.max(1, Math.ceil(total / limit));
  return h(
    'nav',
    { class: 'pager', 'aria-label': 'Phân trang' },
    page > 1 ? h('a', { class: 'btn btn-secondary', href: hrefFor(page - 1), rel: 'prev' }, '‹ Trang trước') : null,
    h('span', { class: 'muted' }, `Hiển thị ${formatNumber(from)}–${formatNumber(to)} trên ${formatNumber(total)}`),
    page < last ? h('a', { class: 'btn btn-secondary', href: hrefFor(page + 1), rel: 'next' }, 'Trang sau ›') : null,
  );
}

/** A date typed as dd/mm/yyyy whatever the browser's language (type=date would follow it). @param {string} name @param {string | null} [value] @param {Record<string, any>} [attrs] */
export function dateInput(name, value, attrs = {}) {
  return h('input', {
    type: 'text',
    name,
    value: value ? formatDate(value) : '',
    inputmode: 'numeric',
    placeholder: 'dd/mm/yyyy',
    autocomplete: 'off',
    pattern: '\\d{1,2}/\\d{1,2}/\\d{4}',
    size: 12,
    ...attrs,
  });
}

/** What a page shows when loading failed: not found, forbidden, or the message. @param {{ status?: number, message?: string } | null | undefined} err @param {{ notFound?: string }} [options] */
export function loadError(err, { notFound = MESSAGES.notFoundPage } = {}) {
  if (err?.status === 404) return h('div', { class: 'state' }, h('h1', null, 'Không tìm thấy'), notice('error', notFound), backHome());
  if (err?.status === 403) return h('div', { class: 'state' }, h('h1', null, 'Không có quyền truy cập'), notice('error', err.message || MESSAGES.forbidden), backHome());
  if (err?.status === 401) return h('div');
  return h(
    'div',
    { class: 'state' },
    h('h1', null, 'Không tải được dữ liệu'),
    notice('error', err?.message ?? MESSAGES.network),
    h('button', { type: 'button', class: 'btn', onclick: () => reload() }, MESSAGES.reload),
  );
}

function backHome() {
  return h('p', null, h('a', { href: '/', class: 'btn btn-secondary' }, 'Về trang chủ'));
}

/** The stale-version (409) message with its reload button. */
export function staleNotice() {
  return notice(
    'warning',
    h('p', null, MESSAGES.stale),
    h('button', { type: 'button', class: 'btn', onclick: () => reload() }, MESSAGES.reload),
  );
}

/** Summary card: big number and label, optionally a link. @param {{ label: string, value: Child, tone?: string, href?: string | null, sub?: Child }} card */
export function statCard({ label: text, value, tone, href, sub }) {
  const body = [h('span', { class: 'stat-value' }, value), h('span', { class: 'stat-label' }, text), sub ? h('span', { class: 'stat-sub' }, sub) : null];
  return href ? h('a', { class: `stat stat-${tone ?? 'plain'}`, href }, body) : h('div', { class: `stat stat-${tone ?? 'plain'}` }, body);
}

/**
 * Asks before a change that is hard to undo (done, withdraw, defer, reopen): a modal dialog with the
 * consequence spelled out. Resolves true on "confirm", false on "back" or Escape.
 * @param {{ title: string, message: Child, confirmLabel: string }} options
 * @returns {Promise<boolean>}
 */
export function confirmDialog({ title, message, confirmLabel }) {
  return new Promise((resolve) => {
    const ok = h('button', { type: 'button', class: 'btn btn-primary' }, confirmLabel);
    const back = h('button', { type: 'button', class: 'btn btn-secondary' }, 'Quay lại');
    const dialog = h(
      'dialog',
      { class: 'reauth-dialog confirm-dialog', 'aria-labelledby': 'confirm-title' },
      h('h2', { id: 'confirm-title' }, title),
      h('p', null, message),
      h('div', { class: 'form-actions' }, ok, back),
    );
    /** @param {boolean} answer */
    const finish = (answer) => {
      dialog.close();
      dialog.remove();
      resolve(answer);
    };
    ok.addEventListener('click', () => finish(true));
    back.addEventListener('click', () => finish(false));
    dialog.addEventListener('cancel', (e) => {
      e.preventDefault();
      finish(false);
    });
    document.body.append(dialog);
    dialog.showModal();
    back.focus();
  });
}
