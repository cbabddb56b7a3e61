// @ts-check
// "Nhiệm vụ của đơn vị" (agency users) and the task list of the office and leaders: tabs with
// counts (one GET /api/tasks/summary for the same filters), search, pages.

import { api } from '../api.js';
import { loadError, pageHeader, pager, tabs, taskTable } from '../components.js';
import { allAgencies, allPrograms, agencyOptions, programOptions } from '../directory.js';
import { field, h, loading, replace, select, setTitle } from '../dom.js';
import { navigate } from '../router.js';
import { can } from '../session.js';
import { renderOfficeList } from './task-list.js';
import { hasListFilters } from '../task-filters.js';

const PAGE_SIZE = 50;
const OPEN = ['new', 'in_progress', 'submitted'];

const TABS = {
  all: { label: 'Tất cả', query: {}, sort: 'dueDate' },
  overdue: { label: 'Quá hạn', query: { timeliness: 'overdue' }, sort: 'dueDate' },
  due_soon: { label: 'Sắp đến hạn', query: { timeliness: 'due_soon' }, sort: 'dueDate' },
  open: { label: 'Đang thực hiện', query: { status: OPEN }, sort: 'dueDate' },
  done: { label: 'Đã hoàn thành', query: { status: ['done'] }, sort: '-updatedAt' },
  coordinating: { label: 'Phối hợp thực hiện', query: {}, sort: 'dueDate' },
};

/** The summary's field behind each tab's count. */
const SUMMARY_FIELDS = { all: 'total', overdue: 'overdue', due_soon: 'dueSoon', open: 'open', done: 'done', coordinating: 'coordinating' };

function hrefWith(query, changes) {
  const q = new URLSearchParams(query);
  for (const [k, v] of Object.entries(changes)) {
    if (v === null || v === undefined || v === '') q.delete(k);
    else q.set(k, String(v));
  }
  if (!('page' in changes)) q.delete('page');
  const s = q.toString();
  return `/app/tasks${s ? `?${s}` : ''}`;
}

/** @param {import('../../types/web').ViewContext} ctx */
export async function render(ctx) {
  // Office, leaders and admin: the filterable list (task-list.js); agency users keep their tabs, and get
  // the filtered list (of what they may see) when they follow a figure of their dashboard to it.
  if (!ctx.query.get('tab') && (!can.isAgency(ctx.user) || hasListFilters(ctx.query))) return renderOfficeList(ctx);
  return renderTabs(ctx);
}

async function renderTabs({ main, query, user }) {
  const agencyUser = can.isAgency(user);
  const title = agencyUser ? 'Nhiệm vụ của đơn vị' : 'Danh sách nhiệm vụ';
  setTitle(title);
  replace(main, pageHeader(title), loading());

  const keys = agencyUser ? ['overdue', 'due_soon', 'open', 'done', 'coordinating'] : ['all', 'overdue', 'due_soon', 'open', 'done'];
  const active = keys.includes(query.get('tab')) ? query.get('tab') : keys[0];
  const q = query.get('q')?.trim() || undefined;
  const page = Math.max(1, Number(query.get('page')) || 1);
  const base = { q };
  if (agencyUser) base.agencyId = user.agencyId;
  else {
    if (query.get('agencyId')) base.agencyId = query.get('agencyId');
    if (query.get('programId')) base.programId = query.get('programId');
  }

  let counts;
  let list;
  /** @type {[any[], any[]]} */
  let directories = [[], []];
  try {
    // Every tab's count in one call; the coordinating tab (agency users) lists what the agency coordinates.
    const listQuery =
      active === 'coordinating'
        ? { q, coordinatingAgencyId: user.agencyId, sort: TABS[active].sort, limit: PAGE_SIZE, page }
        : { ...base, ...TABS[active].query, sort: TABS[active].sort, limit: PAGE_SIZE, page };
    const results = await Promise.all([
      api.get('/tasks/summary', base),
      agencyUser ? null : Promise.all([allAgencies(), allPrograms()]),
      api.get('/tasks', listQuery),
    ]);
    counts = Object.fromEntries(keys.map((k) => [k, results[0][SUMMARY_FIELDS[k]]]));
    if (results[1]) directories = results[1];
    list = results[2];
  } catch (err) {
    replace(main, loadError(err));
    return;
  }

  const searchForm = h(
    'form',
    { class: 'toolbar', role: 'search', method: 'get', action: '/app/tasks' },
    h('input', { type: 'hidden', name: 'tab', value: active }),
    !agencyUser
      ? [
          field({ label: 'Cơ quan chủ trì', name: 'agencyId', control: select('agencyId', agencyOptions(directories[0], { empty: 'Tất cả cơ quan' }), query.get('agencyId')) }),
          field({ label: 'Chương trình', name: 'programId', control: select('programId', programOptions(directories[1], { empty: 'Tất cả' }), query.get('programId')) }),
        ]
      : null,
    field({ label: 'Tìm nhiệm vụ', name: 'q', type: 'search', value: q ?? '', attrs: { placeholder: 'Mã, nội dung, văn bản giao…' } }),
    h('button', { type: 'submit', class: 'btn' }, 'Tìm'),
    q || query.get('agencyId') || query.get('programId')
      ? h('a', { class: 'btn btn-link', href: hrefWith(new URLSearchParams({ tab: active }), {}) }, 'Xóa bộ lọc')
      : null,
  );
  searchForm.addEventListener('submit', (e) => {
    e.preventDefault();
    const data = new FormData(searchForm);
    const next = new URLSearchParams();
    for (const [k, v] of data) if (String(v).trim()) next.set(k, String(v).trim());
    void navigate(`/app/tasks?${next}`);
  });

  const tabQuery = new URLSearchParams(query);
  tabQuery.delete('page');
  const tabItems = keys.map((k) => ({ key: k, label: TABS[k].label, count: counts[k], href: hrefWith(tabQuery, { tab: k }) }));
  const readOnly = active === 'coordinating';
  replace(
    main,
    pageHeader(title, {
      subtitle: agencyUser ? user.agencyName : null,
      actions: can.manageTasks(user) ? h('a', { class: 'btn btn-primary', href: '/app/tasks/new' }, 'Giao nhiệm vụ') : null,
    }),
    searchForm,
    tabs(tabItems, active, 'Nhóm nhiệm vụ'),
    h(
      'section',
      { class: 'tab-panel', 'aria-label': TABS[active].label },
      readOnly ? h('p', { class: 'muted' }, 'Nhiệm vụ do cơ quan khác chủ trì, đơn vị bạn phối hợp thực hiện (chỉ xem).') : null,
      taskTable(list.items, { showLead: !agencyUser || readOnly, caption: TABS[active].label }),
      pager(list, (p) => hrefWith(query, { page: p })),
    ),
  );
}
