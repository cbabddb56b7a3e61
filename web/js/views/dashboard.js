// Tổng quan: counts as of today (GET /api/tasks totals), the year's figures (GET /api/reports/appendix),
// completion and overdue by lead agency as CSS bars, and the overdue list with days overdue.

import { api } from '../api.js';
import { dueCell, loadError, pageHeader, statCard, table, taskLink } from '../components.js';
import { allPrograms } from '../directory.js';
import { field, h, loading, replace, select, setTitle } from '../dom.js';
import { formatNumber, formatPercent, todayLocal } from '../format.js';
import { navigate } from '../router.js';
import { can } from '../session.js';

const OPEN = ['new', 'in_progress', 'submitted'];
const SEGMENTS = [
  ['doneOnTime', 'Hoàn thành đúng hạn', 'seg-ontime'],
  ['doneLate', 'Hoàn thành quá hạn', 'seg-late'],
  ['openInTime', 'Chưa hoàn thành, trong hạn', 'seg-open'],
  ['openOverdue', 'Chưa hoàn thành, quá hạn', 'seg-overdue'],
];

export async function render({ main, query, user }) {
  setTitle('Tổng quan');
  replace(main, pageHeader('Tổng quan'), loading());
  const today = todayLocal();
  const thisYear = Number(today.slice(0, 4));
  const year = Math.min(thisYear, Math.max(2000, Number(query.get('year')) || thisYear));
  const asOf = year === thisYear ? today : `${year}-12-31`;
  const scope = can.isAgency(user) ? { agencyId: user.agencyId } : {};
  const count = (q) => api.get('/tasks', { ...scope, ...q, limit: 1 }).then((r) => r.total);

  let live;
  let report;
  let overdue;
  let years;
  try {
    [live, report, overdue, years] = await Promise.all([
      Promise.all([count({ timeliness: 'overdue' }), count({ timeliness: 'due_soon' }), count({ status: OPEN }), count({ status: ['done'] })]),
      api.get('/reports/appendix', { period: String(year), window: 'calendar', asOf, ...scope }),
      api.get('/tasks', { ...scope, timeliness: 'overdue', sort: 'dueDate', limit: 20 }),
      allPrograms()
        .then((ps) => ps.map((p) => p.year))
        .catch(() => []),
    ]);
  } catch (err) {
    replace(main, loadError(err));
    return;
  }
  const yearList = [...new Set([thisYear, thisYear - 1, ...years.filter((y) => y <= thisYear)])].sort((a, b) => b - a);
  const yearSelect = select('year', yearList.map((y) => [y, `Năm ${y}`]), year, { id: 'year' });
  const yearForm = h('form', { class: 'toolbar toolbar-inline' }, field({ label: 'Năm', name: 'year', control: yearSelect }), h('button', { type: 'submit', class: 'btn btn-secondary' }, 'Xem'));
  yearForm.addEventListener('submit', (e) => {
    e.preventDefault();
    void navigate(`/app/dashboard?year=${yearSelect.value}`);
  });

  const [overdueNow, dueSoon, open, done] = live;
  const t = report.tasks;
  const p = report.programItems;
  replace(
    main,
    pageHeader('Tổng quan', { subtitle: can.isAgency(user) ? user.agencyName : `Tình hình thực hiện nhiệm vụ đến ngày ${formatDay(today)}` }),
    h(
      'section',
      { 'aria-labelledby': 'now-title', class: 'section' },
      h('h2', { id: 'now-title' }, 'Hiện nay'),
      h(
        'div',
        { class: 'stats', id: 'live-stats' },
        statCard({ label: 'Quá hạn', value: formatNumber(overdueNow), tone: 'danger', href: '/app/tasks?tab=overdue' }),
        statCard({ label: 'Sắp đến hạn (7 ngày)', value: formatNumber(dueSoon), tone: 'warning', href: '/app/tasks?tab=due_soon' }),
        statCard({ label: 'Đang thực hiện', value: formatNumber(open), tone: 'info', href: '/app/tasks?tab=open' }),
        statCard({ label: 'Đã hoàn thành', value: formatNumber(done), tone: 'success', href: '/app/tasks?tab=done' }),
      ),
    ),
    h(
      'section',
      { 'aria-labelledby': 'year-title', class: 'section' },
      h('div', { class: 'section-head' }, h('h2', { id: 'year-title' }, `Kết quả năm ${year}`), yearForm),
      h('p', { class: 'muted' }, `Nhiệm vụ được giao (Phụ lục II), tính đến ngày ${formatDay(report.period.asOf)}.`),
      h(
        'div',
        { class: 'stats', id: 'year-stats' },
        statCard({ label: 'Tổng số nhiệm vụ', value: formatNumber(t.total), sub: `Chuyển từ kỳ trước: ${formatNumber(t.carriedOver)}` }),
        statCard({ label: 'Đã hoàn thành', value: formatNumber(t.done), tone: 'success', sub: `Đúng hạn ${formatNumber(t.doneOnTime)} · quá hạn ${formatNumber(t.doneLate)}` }),
        statCard({ label: 'Chưa hoàn thành', value: formatNumber(t.open), tone: 'info', sub: `Trong hạn ${formatNumber(t.openInTime)} · quá hạn ${formatNumber(t.openOverdue)}` }),
        statCard({ label: 'Tỷ lệ hoàn thành so với tổng số giao', value: formatPercent(t.doneRate), tone: 'plain', sub: `Đã hoàn thành ${formatNumber(t.done)}/${formatNumber(t.total)}` }),
        statCard({ label: 'Tỷ lệ hoàn thành so với số đã đến hạn', value: formatPercent(t.completionRate), tone: 'plain', sub: 'Đã hoàn thành / (đã hoàn thành + quá hạn)' }),
        statCard({
          label: 'Đề án, nội dung phải trình',
          value: `${formatNumber(p.submitted)}/${formatNumber(p.total)}`,
          sub: `Đã trình ${formatPercent(p.submittedRate)} · đã ban hành ${formatNumber(p.issued)}`,
        }),
      ),
      agencyChart(report.byAgency),
    ),
    h(
      'section',
      { 'aria-labelledby': 'overdue-title', class: 'section card' },
      h('h2', { id: 'overdue-title' }, `Nhiệm vụ quá hạn (${formatNumber(overdue.total)})`),
      overdue.items.length
        ? table(
            [
              { label: 'TT', class: 'col-no', cell: (x) => String(overdue.items.indexOf(x) + 1) },
              { label: 'Nội dung nhiệm vụ', class: 'col-title', cell: (x) => [taskLink(x), x.sourceDocument ? h('span', { class: 'muted small block' }, x.sourceDocument) : null] },
              { label: 'Thời hạn', class: 'col-date', cell: dueCell },
              { label: 'Cơ quan chủ trì', cell: (x) => x.leadAgency?.name ?? '' },
              { label: 'Ghi chú', class: 'col-nowrap', cell: (x) => h('span', { class: 'text-danger strong' }, `Quá hạn ${formatNumber(x.daysOverdue)} ngày`) },
            ],
            overdue.items,
            { caption: 'Nhiệm vụ quá hạn' },
          )
        : h('p', { class: 'empty' }, 'Không có nhiệm vụ quá hạn.'),
      overdue.total > overdue.items.length ? h('p', null, h('a', { href: '/app/tasks?tab=overdue' }, `Xem tất cả ${formatNumber(overdue.total)} nhiệm vụ quá hạn ›`)) : null,
    ),
  );
}

function formatDay(d) {
  return `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}`;
}

/** Stacked horizontal bars per lead agency (CSS; widths set through the CSSOM, allowed by the CSP). */
function agencyChart(rows) {
  const data = rows.filter((r) => r.total > 0).sort((a, b) => b.openOverdue - a.openOverdue || b.total - a.total || a.agencyName.localeCompare(b.agencyName, 'vi'));
  if (!data.length) return h('p', { class: 'empty' }, 'Chưa có nhiệm vụ nào trong năm.');
  const max = Math.max(...data.map((r) => r.total));
  const legend = h(
    'ul',
    { class: 'legend', 'aria-label': 'Chú giải' },
    SEGMENTS.map(([, text, cls]) => h('li', null, h('span', { class: `swatch ${cls}`, 'aria-hidden': 'true' }), text)),
  );
  const bars = h(
    'ul',
    { class: 'bars' },
    data.map((r) => {
      const summary = `${r.agencyName}: ${r.total} nhiệm vụ; hoàn thành ${r.done} (đúng hạn ${r.doneOnTime}, quá hạn ${r.doneLate}); chưa hoàn thành ${r.open} (trong hạn ${r.openInTime}, quá hạn ${r.openOverdue}); tỷ lệ hoàn thành ${formatPercent(r.completionRate)}`;
      const bar = h(
        'span',
        { class: 'bar', role: 'img', 'aria-label': summary, style: { width: `${(r.total / max) * 100}%` } },
        SEGMENTS.map(([key, text, cls]) =>
          r[key] ? h('span', { class: `seg ${cls}`, title: `${text}: ${r[key]}`, style: { width: `${(r[key] / r.total) * 100}%` } }) : null,
        ),
      );
      return h(
        'li',
        { class: 'bar-row' },
        h('span', { class: 'bar-label' }, r.agencyName),
        h('span', { class: 'bar-track' }, bar),
        h(
          'span',
          { class: 'bar-value' },
          `${r.done}/${r.total} · ${formatPercent(r.completionRate)}`,
          r.openOverdue ? h('span', { class: 'text-danger' }, ` · ${r.openOverdue} quá hạn`) : null,
        ),
      );
    }),
  );
  const asTable = h(
    'details',
    { class: 'disclosure' },
    h('summary', null, 'Xem dạng bảng'),
    table(
      [
        { label: 'Cơ quan chủ trì', cell: (r) => r.agencyName },
        { label: 'Tổng số', class: 'num', cell: (r) => formatNumber(r.total) },
        { label: 'Hoàn thành đúng hạn', class: 'num', cell: (r) => formatNumber(r.doneOnTime) },
        { label: 'Hoàn thành quá hạn', class: 'num', cell: (r) => formatNumber(r.doneLate) },
        { label: 'Chưa hoàn thành, trong hạn', class: 'num', cell: (r) => formatNumber(r.openInTime) },
        { label: 'Chưa hoàn thành, quá hạn', class: 'num', cell: (r) => formatNumber(r.openOverdue) },
        { label: 'Tỷ lệ hoàn thành', class: 'num', cell: (r) => formatPercent(r.completionRate) },
      ],
      data,
      { caption: 'Kết quả theo cơ quan chủ trì' },
    ),
  );
  return h('div', { class: 'card chart', id: 'agency-chart' }, h('h3', null, 'Hoàn thành và quá hạn theo cơ quan chủ trì'), legend, bars, asTable);
}
