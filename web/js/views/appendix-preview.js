// On-screen preview of the appendix tables (Phụ lục I, II, III) from GET /api/reports/appendix,
// laid out like the documents, with both rates of Phụ lục II labelled; every count of Phụ lục II
// and every row of Phụ lục III links to the task list behind it.

import { table } from '../components.js';
import { h } from '../dom.js';
import { formatDate, formatNumber, formatPercent } from '../format.js';

export const DONE_RATE_LABEL = 'Tỷ lệ hoàn thành so với tổng số nhiệm vụ giao';
export const COMPLETION_RATE_LABEL = 'Tỷ lệ hoàn thành so với số nhiệm vụ đã đến hạn';

/** The task list of one lead agency's open overdue tasks as of the report's day. */
function overdueHref(report, agencyId) {
  const q = new URLSearchParams({ timeliness: 'overdue', asOf: report.period.asOf, kind: 'task', sort: 'dueDate' });
  if (agencyId) q.set('agencyId', String(agencyId));
  return `/app/tasks?${q}`;
}

function programItemsSection(r) {
  const rows = [...(r.programItemsByAgency ?? []).map((a, i) => ({ ...a, no: i + 1 })), { ...r.programItems, no: '', agencyName: 'Tổng cộng', total_row: true }];
  const p = r.programItems;
  return h(
    'section',
    { class: 'appendix', id: 'preview-p1', 'aria-labelledby': 'preview-p1-title' },
    h('h3', { id: 'preview-p1-title' }, 'Phụ lục I — Kết quả thực hiện Chương trình công tác'),
    h('p', null, `Đã trình ${p.submitted}/${p.total} đề án phải trình (đạt ${formatPercent(p.submittedRate)}); đã ban hành ${p.issued}; chưa trình ${p.notSubmitted}.`),
    table(
      [
        { label: 'TT', class: 'num', cell: (a) => String(a.no) },
        { label: 'Cơ quan chủ trì', cell: (a) => (a.total_row ? h('strong', null, a.agencyName) : a.agencyName) },
        { label: '(1) Giao đầu năm', class: 'num', cell: (a) => formatNumber(a.initial) },
        { label: '(2) Giao thêm', class: 'num', cell: (a) => formatNumber(a.added) },
        { label: '(3) Xin chuyển, xin rút', class: 'num', cell: (a) => formatNumber(a.withdrawnOrDeferred) },
        { label: '(4) Tổng số', class: 'num', cell: (a) => formatNumber(a.total) },
        { label: '(5) Đã trình', class: 'num', cell: (a) => formatNumber(a.submitted) },
        { label: '(6) Đã ban hành', class: 'num', cell: (a) => formatNumber(a.issued) },
        { label: '(7) Chưa trình', class: 'num', cell: (a) => formatNumber(a.notSubmitted) },
        { label: '(8) Tỷ lệ đã trình', class: 'num', cell: (a) => formatPercent(a.submittedRate) },
      ],
      rows,
      { caption: 'Phụ lục I', rowClass: (a) => (a.total_row ? 'total-row' : '') },
    ),
  );
}

function tasksSection(r) {
  const t = r.tasks;
  const rows = [...r.byAgency.map((a, i) => ({ ...a, no: i + 1 })), { ...t, no: '', agencyName: 'Tổng cộng', agencyId: null, total_row: true }];
  const overdueCell = (a) => (a.openOverdue ? h('a', { href: overdueHref(r, a.agencyId) }, formatNumber(a.openOverdue)) : '0');
  return h(
    'section',
    { class: 'appendix', id: 'preview-p2', 'aria-labelledby': 'preview-p2-title' },
    h('h3', { id: 'preview-p2-title' }, 'Phụ lục II — Kết quả thực hiện nhiệm vụ được giao'),
    h(
      'ul',
      { class: 'plain-list' },
      h('li', null, `Tổng số nhiệm vụ giao: ${formatNumber(t.total)} (chuyển từ kỳ trước: ${formatNumber(t.carriedOver)}; giao trong kỳ: ${formatNumber(t.assignedInPeriod)})`),
      h('li', null, `Đã hoàn thành: ${formatNumber(t.done)} (đúng hạn ${formatNumber(t.doneOnTime)}; quá hạn ${formatNumber(t.doneLate)})`),
      h('li', null, `Chưa hoàn thành: ${formatNumber(t.open)} (trong hạn ${formatNumber(t.openInTime)}; quá hạn `, overdueCell({ ...t, agencyId: null }), ')'),
      h('li', { dataset: { rate: 'done' } }, h('strong', null, `${DONE_RATE_LABEL}: `), `${t.done}/${t.total} = ${formatPercent(t.doneRate)}`),
      h('li', { dataset: { rate: 'completion' } }, h('strong', null, `${COMPLETION_RATE_LABEL}: `), `${t.done}/${t.done + t.openOverdue} = ${formatPercent(t.completionRate)}`),
    ),
    r.byAgency.length
      ? table(
          [
            { label: 'TT', class: 'num', cell: (a) => String(a.no) },
            { label: 'Cơ quan chủ trì', cell: (a) => (a.total_row ? h('strong', null, a.agencyName) : a.agencyName) },
            { label: 'Tổng số', class: 'num', cell: (a) => formatNumber(a.total) },
            { label: 'Đã hoàn thành', class: 'num', cell: (a) => formatNumber(a.done) },
            { label: 'Đúng hạn', class: 'num', cell: (a) => formatNumber(a.doneOnTime) },
            { label: 'Quá hạn', class: 'num', cell: (a) => formatNumber(a.doneLate) },
            { label: 'Chưa hoàn thành', class: 'num', cell: (a) => formatNumber(a.open) },
            { label: 'Trong hạn', class: 'num', cell: (a) => formatNumber(a.openInTime) },
            { label: 'Quá hạn', class: 'num', cell: overdueCell },
            { label: 'Tỷ lệ / tổng số giao', class: 'num', cell: (a) => formatPercent(a.doneRate) },
            { label: 'Tỷ lệ / đã đến hạn', class: 'num', cell: (a) => formatPercent(a.completionRate) },
          ],
          rows,
          { caption: 'Phụ lục II theo cơ quan chủ trì', rowClass: (a) => (a.total_row ? 'total-row' : '') },
        )
      : h('p', { class: 'empty' }, 'Không có nhiệm vụ trong kỳ báo cáo.'),
  );
}

function overdueSection(r) {
  return h(
    'section',
    { class: 'appendix', id: 'preview-p3', 'aria-labelledby': 'preview-p3-title' },
    h('h3', { id: 'preview-p3-title' }, 'Phụ lục III — Danh sách nhiệm vụ chưa hoàn thành quá hạn'),
    r.overdue.length
      ? table(
          [
            { label: 'TT', class: 'num', cell: (o) => String(o.no) },
            { label: 'Văn bản giao nhiệm vụ', cell: (o) => o.sourceDocument ?? '' },
            { label: 'Nội dung nhiệm vụ', cell: (o) => h('a', { href: `/app/tasks/${o.taskId}` }, o.code ? `${o.code}. ${o.title}` : o.title) },
            { label: 'Thời hạn', class: 'col-date', cell: (o) => formatDate(o.dueDate ?? o.effectiveDueDate) },
            { label: 'Cơ quan được giao', cell: (o) => o.agencyName },
            { label: 'Ghi chú', cell: (o) => o.note },
          ],
          r.overdue,
          { caption: 'Phụ lục III' },
        )
      : h('p', { class: 'empty' }, 'Không có nhiệm vụ quá hạn.'),
  );
}

/** The three appendices of `report` (GET /api/reports/appendix or a run's snapshot). */
export function appendixPreview(report) {
  return h(
    'section',
    { class: 'card appendix-preview', id: 'appendix-preview', 'aria-label': 'Xem trước phụ lục' },
    h('h2', null, 'Xem trước phụ lục'),
    h('p', { class: 'muted' }, `Số liệu từ ngày ${formatDate(report.period.from)} đến ngày ${formatDate(report.period.to)}, tính đến ngày ${formatDate(report.period.asOf)}.`),
    programItemsSection(report),
    tasksSection(report),
    overdueSection(report),
  );
}
