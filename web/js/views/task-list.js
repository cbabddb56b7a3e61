// @ts-check
// The task list of the office and leaders: every filter lives in the URL (so a link, a saved view or
// a dashboard figure opens exactly that list), sortable columns, views saved per user, export of
// exactly the filtered list to XLSX, and bulk actions on a selection (office and admin).

import { api } from '../api.js';
import { COUNTED } from '../drill-down.js';
import { apiQueryOf, urlOf } from '../task-filters.js';
import { dateInput, dueCell, loadError, pageHeader, pager, statusBadge, table, taskLink } from '../components.js';
import { agencyOptions, allAgencies, allPrograms, programOptions } from '../directory.js';
import { busy, field, h, loading, notice, replace, select, setTitle, showErrors } from '../dom.js';
import { deadlineNote, formatDate, formatNumber, parseDate } from '../format.js';
import { TASK_STATUS, TIMELINESS } from '../i18n.js';
import { navigate, reload } from '../router.js';
import { can } from '../session.js';

const PAGE_SIZE = 50;
/** The outcome of a bulk action, shown once by the next render of the list. */
let flash = null;
const DATE_KEYS = ['asOf', 'dueFrom', 'dueTo', 'assignedFrom', 'assignedTo', 'notDoneBefore'];

function hrefWith(params, changes) {
  const q = new URLSearchParams(params);
  for (const [k, v] of Object.entries(changes)) {
    if (v === null || v === undefined || v === '') q.delete(k);
    else q.set(k, String(v));
  }
  if (!('page' in changes)) q.delete('page');
  return `/app/tasks?${q}`;
}

/** A column header that sorts the list (ascending first, then descending). */
function sortHeader(params, key, text) {
  const current = params.get('sort') || 'dueDate';
  const dir = current === key ? 'asc' : current === `-${key}` ? 'desc' : null;
  const next = dir === 'asc' ? `-${key}` : key;
  return h(
    'a',
    { href: hrefWith(params, { sort: next }), class: `sort-link${dir ? ` sorted-${dir}` : ''}`, 'aria-sort': dir === 'asc' ? 'ascending' : dir === 'desc' ? 'descending' : null, dataset: { sort: key } },
    text,
    dir ? h('span', { 'aria-hidden': 'true' }, dir === 'asc' ? ' ▲' : ' ▼') : null,
  );
}

function filterForm(params, agencies, programs) {
  const v = (k) => params.get(k) ?? '';
  const form = h(
    'form',
    { class: 'filters form-grid', id: 'task-filters', role: 'search' },
    field({ label: 'Cơ quan', name: 'agencyId', control: select('agencyId', agencyOptions(agencies, { empty: 'Tất cả cơ quan' }), v('agencyId')) }),
    field({ label: 'Vai trò của cơ quan', name: 'role', control: select('role', [['lead', 'Chủ trì'], ['involving', 'Chủ trì hoặc phối hợp']], v('role') || 'lead') }),
    field({ label: 'Chương trình', name: 'programId', control: select('programId', programOptions(programs, { empty: 'Tất cả' }), v('programId')) }),
    field({
      label: 'Trạng thái',
      name: 'status',
      control: select(
        'status',
        [['open', 'Đang mở (chưa hoàn thành)'], ['all', 'Tất cả trạng thái'], [COUNTED, 'Trừ xin rút, xin chuyển'], ['withdrawn,deferred', 'Xin rút hoặc xin chuyển'], ...Object.entries(TASK_STATUS)],
        v('status') || 'open',
      ),
    }),
    field({ label: 'Tình trạng hạn', name: 'timeliness', control: select('timeliness', [['', 'Tất cả'], ...Object.entries(TIMELINESS).filter(([k]) => k !== 'none')], v('timeliness')) }),
    field({ label: 'Tính đến ngày (trống: hôm nay)', name: 'asOf', control: dateInput('asOf', v('asOf') || null) }),
    field({ label: 'Hạn từ ngày', name: 'dueFrom', control: dateInput('dueFrom', v('dueFrom') || null) }),
    field({ label: 'Hạn đến ngày', name: 'dueTo', control: dateInput('dueTo', v('dueTo') || null) }),
    field({ label: 'Giao từ ngày', name: 'assignedFrom', control: dateInput('assignedFrom', v('assignedFrom') || null) }),
    field({ label: 'Giao đến ngày', name: 'assignedTo', control: dateInput('assignedTo', v('assignedTo') || null) }),
    field({ label: 'Chưa hoàn thành trước ngày', name: 'notDoneBefore', control: dateInput('notDoneBefore', v('notDoneBefore') || null) }),
    field({ label: 'Đề án đã trình (tính đến ngày)', name: 'submitted', control: select('submitted', [['', 'Tất cả'], ['true', 'Đã trình'], ['false', 'Chưa trình']], v('submitted')) }),
    field({ label: 'Lãnh đạo phụ trách', name: 'leaderInCharge', value: v('leaderInCharge') }),
    field({ label: 'Loại', name: 'kind', control: select('kind', [['', 'Tất cả'], ['proposal', 'Đề án, nội dung phải trình'], ['task', 'Nhiệm vụ']], v('kind')) }),
    field({ label: 'Nguồn giao', name: 'origin', control: select('origin', [['', 'Tất cả'], ['initial', 'Giao đầu năm'], ['added', 'Giao thêm']], v('origin')) }),
    field({ label: 'Văn bản giao nhiệm vụ', name: 'sourceDocument', value: v('sourceDocument'), attrs: { placeholder: 'Số, ký hiệu…' } }),
    field({ label: 'Tìm', name: 'q', type: 'search', value: v('q'), attrs: { placeholder: 'Mã, nội dung…' } }),
    h('div', { class: 'form-actions' }, h('button', { type: 'submit', class: 'btn btn-primary' }, 'Lọc'), h('a', { class: 'btn btn-link', href: '/app/tasks' }, 'Xóa bộ lọc')),
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const next = new URLSearchParams();
    const bad = [];
    for (const [k, raw] of new FormData(form)) {
      let value = String(raw).trim();
      if (DATE_KEYS.includes(k)) {
        const d = parseDate(value);
        if (d === undefined) bad.push({ field: k, message: 'Ngày không hợp lệ (dd/mm/yyyy)' });
        value = d ?? '';
      }
      if (k === 'role' && value === 'lead') continue;
      if (value) next.set(k, value);
    }
    if (bad.length) return showErrors(form, { message: 'Dữ liệu chưa hợp lệ', details: bad });
    if (params.get('sort')) next.set('sort', params.get('sort'));
    void navigate(`/app/tasks?${next}`);
  });
  return form;
}

function savedViewsBar(params, views, query) {
  const chooser = select('savedView', [['', 'Bộ lọc đã lưu…'], ...views.map((v) => [String(v.id), v.name])], '', { id: 'saved-view', 'aria-label': 'Bộ lọc đã lưu' });
  chooser.addEventListener('change', () => {
    const view = views.find((v) => String(v.id) === chooser.value);
    if (view) void navigate(urlOf(view.query));
  });
  const name = h('input', { type: 'text', name: 'viewName', placeholder: 'Tên bộ lọc', 'aria-label': 'Tên bộ lọc', maxlength: 100, id: 'view-name' });
  const save = h('button', { type: 'button', class: 'btn btn-secondary', id: 'save-view' }, 'Lưu bộ lọc');
  const remove = h('button', { type: 'button', class: 'btn btn-link', id: 'delete-view' }, 'Xóa bộ lọc đã chọn');
  const message = h('span', { class: 'small', 'aria-live': 'polite' });
  save.addEventListener('click', () =>
    busy(save, async () => {
      const { sort, ...filters } = query;
      try {
        await api.post('/saved-views', { name: name.value, page: 'tasks', query: { ...filters, sort } });
        reload();
      } catch (err) {
        replace(message, notice('error', err.message));
      }
    }),
  );
  remove.addEventListener('click', () => {
    if (!chooser.value) return replace(message, notice('error', 'Chọn một bộ lọc đã lưu để xóa'));
    return busy(remove, async () => {
      await api.del(`/saved-views/${chooser.value}`);
      reload();
    });
  });
  return h('div', { class: 'toolbar saved-views' }, chooser, name, save, views.length ? remove : null, message);
}

function bulkBar(selected, programs, onDone) {
  const action = select('action', [['', 'Thao tác với nhiệm vụ đã chọn…'], ['extend', 'Gia hạn'], ['setLeader', 'Giao lãnh đạo phụ trách'], ['moveProgram', 'Chuyển sang chương trình khác'], ['remind', 'Gửi nhắc việc ngay']], '', { id: 'bulk-action', 'aria-label': 'Thao tác hàng loạt' });
  const due = field({ label: 'Thời hạn mới', name: 'dueDate', control: dateInput('dueDate', null) });
  const reason = field({ label: 'Lý do gia hạn', name: 'reason', attrs: { maxlength: 2000 } });
  const leader = field({ label: 'Lãnh đạo phụ trách', name: 'leaderInCharge', attrs: { maxlength: 255 } });
  const program = field({ label: 'Chương trình', name: 'programId', control: select('programId', programOptions(programs, { empty: 'Chọn chương trình' }), '') });
  const count = h('span', { class: 'muted', id: 'bulk-count' }, 'Chưa chọn nhiệm vụ nào');
  const apply = h('button', { type: 'submit', class: 'btn btn-primary', disabled: true }, 'Thực hiện');
  const form = h('form', { class: 'bulk-bar toolbar', id: 'bulk-form', novalidate: true }, count, action, due, reason, leader, program, apply);
  const sync = () => {
    due.hidden = reason.hidden = action.value !== 'extend';
    leader.hidden = action.value !== 'setLeader';
    program.hidden = action.value !== 'moveProgram';
    count.textContent = selected.size ? `Đã chọn ${formatNumber(selected.size)} nhiệm vụ` : 'Chưa chọn nhiệm vụ nào';
    apply.disabled = !selected.size || !action.value;
  };
  action.addEventListener('change', sync);
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const el = form.elements;
    const body = { action: action.value, taskIds: [...selected] };
    if (action.value === 'extend') {
      const d = parseDate(el.dueDate.value);
      if (!d) return showErrors(form, { message: 'Dữ liệu chưa hợp lệ', details: [{ field: 'dueDate', message: 'Nhập thời hạn mới (dd/mm/yyyy)' }] });
      body.dueDate = d;
      body.reason = el.reason.value;
    }
    if (action.value === 'setLeader') body.leaderInCharge = el.leaderInCharge.value;
    if (action.value === 'moveProgram') body.programId = Number(el.programId.value) || undefined;
    return busy(apply, async () => {
      try {
        // A reminder now goes through the reminders module (one digest per lead agency).
        const res =
          action.value === 'remind'
            ? await api.post('/reminders/send-now', { taskIds: body.taskIds }).then((r) => ({
                message: `Đã gửi nhắc việc ${r.tasks} nhiệm vụ tới ${r.agencies} cơ quan.${r.notSent?.length ? ` Chưa gửi được cho ${r.notSent.join(', ')} (hệ thống vừa gửi nhắc việc định kỳ hoặc gặp lỗi); vui lòng thử lại.` : ''}`,
              }))
            : await api.post('/tasks/bulk', body);
        onDone(res);
      } catch (err) {
        showErrors(form, err, { aliases: { taskIds: 'action' } });
      }
    });
  });
  sync();
  return { form, sync };
}

/** @param {import('../../types/web').ViewContext} ctx */
export async function renderOfficeList({ main, query: params, user }) {
  const title = 'Danh sách nhiệm vụ';
  setTitle(title);
  replace(main, pageHeader(title), loading());
  const query = apiQueryOf(params);
  const page = Math.max(1, Number(params.get('page')) || 1);
  /** @type {import('../../types/web').Schemas['TaskPageDto']} */
  let list;
  let agencies;
  let programs;
  /** @type {import('../../types/web').Schemas['SavedViewResponseDto'][]} */
  let views;
  try {
    [list, agencies, programs, views] = await Promise.all([
      api.get('/tasks', { ...query, page, limit: PAGE_SIZE }),
      allAgencies(),
      allPrograms(),
      api.get('/saved-views', { screen: 'tasks', limit: 500 }).then((r) => r.items),
    ]);
  } catch (err) {
    replace(main, loadError(err));
    return;
  }
  const manage = can.manageTasks(user);
  const shownFlash = flash;
  flash = null;
  const selected = new Set();
  const bulk = manage
    ? bulkBar(selected, programs, (res) => {
        flash = res.message ?? `Đã thay đổi ${res.changed} nhiệm vụ.`;
        reload();
      })
    : null;

  const exportButton = h('button', { type: 'button', class: 'btn btn-secondary', id: 'export-xlsx' }, 'Xuất Excel');
  exportButton.addEventListener('click', () =>
    busy(exportButton, () => {
      const qs = new URLSearchParams();
      for (const [k, v] of Object.entries(query)) for (const one of [].concat(v)) qs.append(k, String(one));
      return api.download(`/tasks/export?${qs}`, 'danh-sach-nhiem-vu.xlsx').catch((err) => exportButton.after(notice('error', err.message)));
    }),
  );

  const checkbox = (t) => {
    const box = h('input', { type: 'checkbox', 'aria-label': `Chọn nhiệm vụ ${t.code ?? t.title}`, dataset: { taskId: t.id } });
    box.addEventListener('change', () => {
      if (box.checked) selected.add(t.id);
      else selected.delete(t.id);
      bulk?.sync();
    });
    return box;
  };
  const columns = [
    ...(manage ? [{ label: 'Chọn', class: 'col-check', cell: checkbox }] : []),
    { label: 'Mã', header: sortHeader(params, 'code', 'Mã'), class: 'col-code', cell: (t) => t.code ?? '—' },
    { label: 'Nội dung', header: sortHeader(params, 'title', 'Nội dung'), class: 'col-title', cell: (t) => [taskLink(t), t.sourceDocument ? h('span', { class: 'muted small block' }, t.sourceDocument) : null] },
    { label: 'Cơ quan chủ trì', header: sortHeader(params, 'leadAgency', 'Cơ quan chủ trì'), cell: (t) => t.leadAgency?.name ?? '' },
    { label: 'Lãnh đạo phụ trách', header: sortHeader(params, 'leaderInCharge', 'Lãnh đạo phụ trách'), cell: (t) => t.leaderInCharge ?? '—' },
    { label: 'Thời hạn', header: sortHeader(params, 'dueDate', 'Thời hạn'), class: 'col-date', cell: dueCell },
    { label: 'Trạng thái', header: sortHeader(params, 'status', 'Trạng thái'), cell: (t) => statusBadge(t.status) },
    { label: 'Ghi chú', class: 'col-note', cell: (t) => h('span', { class: t.timeliness === 'overdue' ? 'text-danger' : null }, deadlineNote(t, params.get('asOf') || undefined)) },
  ];
  replace(
    main,
    pageHeader(title, {
      subtitle: `${formatNumber(list.total)} nhiệm vụ${params.get('asOf') ? `, tình trạng tính đến ngày ${formatDate(params.get('asOf'))}` : ''}`,
      actions: [exportButton, manage ? h('a', { class: 'btn btn-primary', href: '/app/tasks/new' }, 'Giao nhiệm vụ') : null],
    }),
    h('details', { class: 'card filters-card', open: true }, h('summary', null, 'Bộ lọc'), filterForm(params, agencies, programs), savedViewsBar(params, views, query)),
    h('div', { id: 'task-list-result', 'aria-live': 'polite' }, shownFlash ? notice('success', shownFlash) : null),
    bulk?.form ?? null,
    h(
      'section',
      { class: 'tab-panel', id: 'task-list', 'aria-label': 'Danh sách nhiệm vụ' },
      list.items.length ? table(columns, list.items, { caption: title, className: 'task-list-table', rowClass: (t) => (t.timeliness === 'overdue' ? 'row-overdue' : null) }) : h('p', { class: 'empty' }, 'Không có nhiệm vụ nào.'),
      pager(list, (p) => hrefWith(params, { page: p })),
    ),
  );
}
