// @ts-check
// On-screen preview of the appendix tables (Phụ lục I, II, III) from GET /api/reports/appendix,
// laid out like the documents, with both rates of Phụ lục II labelled; every count of Phụ lục I and
// II (per agency and total) links to the task list behind it (web/js/drill-down.js), and every row of
// Phụ lục III to its task.

import { table } from '../components.js';
import { h } from '../dom.js';
import { programItemFigureHref, taskFigureHref } from '../drill-down.js';
import { formatDate, formatNumber, formatPercent } from '../format.js';

export const DONE_RATE_LABEL = 'Tỷ lệ hoàn thành so với tổng số nhiệm vụ giao';
export const COMPLETION_RATE_LABEL = 'Tỷ lệ hoàn thành so với số nhiệm vụ đã đến hạn';

/** A count as a link to the tasks it counts (`data-figure` names the column). */
function figure(value, href, key) {
  return h('a', { href, dataset: { figure: key, value } }, formatNumber(value));
}

/** The report's scope (program, agency) carried into the list. */
function scopeOf(report, agencyId) {
  return { agencyId: agencyId ?? report.scope?.agencyId, programId: report.scope?.programId };
}
function programItemsSection(r) {
  const rows = [...(r.programItemsByAgency ?? []).map((a, i) => ({ ...a, no: i + 1 })), { ...r.programItems, no: '', agencyName: 'Tổng cộng', agencyId: undefined, total_row: true }];
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
        { label: '(1) Giao đầu năm', class: 'num', cell: (a) => figure(a.initial, programItemFigureHref(r.period, 'initial', scopeOf(r, a.agencyId)), 'initial') },
        { label: '(2) Giao thêm', class: 'num', cell: (a) => figure(a.added, programItemFigureHref(r.period, 'added', scopeOf(r, a.agencyId)), 'added') },
        { label: '(3) Xin chuyển, xin rút', class: 'num', cell: (a) => figure(a.withdrawnOrDeferred, programItemFigureHref(r.period, 'withdrawnOrDeferred', scopeOf(r, a.agencyId)), 'withdrawnOrDeferred') },
        { label: '(4) Tổng số', class: 'num', cell: (a) => figure(a.total, programItemFigureHref(r.period, 'total', scopeOf(r, a.agencyId)), 'total') },
        { label: '(5) Đã trình', class: 'num', cell: (a) => figure(a.submitted, programItemFigureHref(r.period, 'submitted', scopeOf(r, a.agencyId)), 'submitted') },
        { label: '(6) Đã ban hành', class: 'num', cell: (a) => figure(a.issued, programItemFigureHref(r.period, 'issued', scopeOf(r, a.agencyId)), 'issued') },
        { label: '(7) Chưa trình', class: 'num', cell: (a) => figure(a.notSubmitted, programItemFigureHref(r.period, 'notSubmitted', scopeOf(r, a.agencyId)), 'notSubmitted') },
        { label: '(8) Tỷ lệ đã trình', class: 'num', cell: (a) => formatPercent(a.submittedRate) },
      ],
      rows,
      { caption: 'Phụ lục I', rowClass: (a) => (a.total_row ? 'total-row' : '') },
    ),
  );
}

function tasksSection(r) {
  const t = r.tasks;
  const rows = [...r.byAgency.map((a, i) => ({ ...a, no: i + 1 })), { ...t, no: '', agencyName: 'Tổng cộng', agencyId: undefined, total_row: true }];
  const cell = (a, key) => figure(a[key], taskFigureHref(r.period, key, scopeOf(r, a.agencyId)), key);
  const overdueCell = (a) => cell(a, 'openOverdue');
  return h(
    'section',
    { class: 'appendix', id: 'preview-p2', 'aria-labelledby': 'preview-p2-title' },
    h('h3', { id: 'preview-p2-title' }, 'Phụ lục II — Kết quả thực hiện nhiệm vụ được giao'),
    h(
      'ul',
      { class: 'plain-list' },
      h('li', null, 'Tổng số nhiệm vụ giao: ', cell(t, 'total'), ' (chuyển từ kỳ trước: ', cell(t, 'carriedOver'), '; giao trong kỳ: ', cell(t, 'assignedInPeriod'), ')'),
      h('li', null, 'Đã hoàn thành: ', cell(t, 'done'), ' (đúng hạn ', cell(t, 'doneOnTime'), '; quá hạn ', cell(t, 'doneLate'), ')'),
      h('li', null, 'Chưa hoàn thành: ', cell(t, 'open'), ' (trong hạn ', cell(t, 'openInTime'), '; quá hạn ', cell(t, 'openOverdue'), ')'),
      h('li', { dataset: { rate: 'done' } }, h('strong', null, `${DONE_RATE_LABEL}: `), `${t.done}/${t.total} = ${formatPercent(t.doneRate)}`),
      h('li', { dataset: { rate: 'completion' } }, h('strong', null, `${COMPLETION_RATE_LABEL}: `), `${t.done}/${t.done + t.openOverdue} = ${formatPercent(t.completionRate)}`),
    ),
    r.byAgency.length
      ? table(
          [
            { label: 'TT', class: 'num', cell: (a) => String(a.no) },
            { label: 'Cơ quan chủ trì', cell: (a) => (a.total_row ? h('strong', null, a.agencyName) : a.agencyName) },
            { label: 'Tổng số', class: 'num', cell: (a) => figure(a.total, taskFigureHref(r.period, 'total', scopeOf(r, a.agencyId)), 'total') },
            { label: 'Đã hoàn thành', class: 'num', cell: (a) => figure(a.done, taskFigureHref(r.period, 'done', scopeOf(r, a.agencyId)), 'done') },
            { label: 'Đúng hạn', class: 'num', cell: (a) => figure(a.doneOnTime, taskFigureHref(r.period, 'doneOnTime', scopeOf(r, a.agencyId)), 'doneOnTime') },
            { label: 'Quá hạn', class: 'num', cell: (a) => figure(a.doneLate, taskFigureHref(r.period, 'doneLate', scopeOf(r, a.agencyId)), 'doneLate') },
            { label: 'Chưa hoàn thành', class: 'num', cell: (a) => figure(a.open, taskFigureHref(r.period, 'open', scopeOf(r, a.agencyId)), 'open') },
            { label: 'Trong hạn', class: 'num', cell: (a) => figure(a.openInTime, taskFigureHref(r.period, 'openInTime', scopeOf(r, a.agencyId)), 'openInTime') },
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
    shownOfTotal(r),
  );
}

/**
 * Phụ lục III comes a page at a time (at national scale it has tens of thousands of rows): when the
 * preview shows part of it, it says so and links to the whole list; the XLSX and DOCX hold every row.
 */
function shownOfTotal(r) {
  const total = r.overduePage?.total ?? r.overdue.length;
  if (total <= r.overdue.length) return null;
  return h(
    'p',
    { class: 'muted', id: 'preview-p3-more' },
    `Hiển thị ${formatNumber(r.overdue.length)} nhiệm vụ đầu tiên trong tổng số ${formatNumber(total)} nhiệm vụ chưa hoàn thành quá hạn; toàn bộ danh sách có trong tệp XLSX, DOCX của báo cáo và trong `,
    h('a', { href: taskFigureHref(r.period, 'openOverdue', scopeOf(r)) }, 'danh sách nhiệm vụ quá hạn'),
    '.',
  );
}

/**
 * The three appendices of `report` (GET /api/reports/appendix or a run's snapshot); `scope` (programId,
 * agencyId of the request or run) is carried into the lists the figures link to.
 */
export function appendixPreview(data, scope = {}) {
  const report = { ...data, scope };
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
