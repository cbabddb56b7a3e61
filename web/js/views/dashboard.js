// @ts-check
// Tổng quan: counts as of today (GET /api/tasks totals), the year's figures (GET /api/reports/appendix),
// the months of the year (GET /api/reports/trend), completion and overdue by lead agency as CSS bars,
// and the overdue list with days overdue. Every figure, bar and segment links to the task list behind
// it (web/js/drill-down.js); a leader chosen in the period form scopes every figure on the page.

import { api } from '../api.js';
import { dueCell, loadError, pageHeader, statCard, table, taskLink } from '../components.js';
import { allPrograms } from '../directory.js';
import { listHref, programItemFigureHref, taskFigureHref } from '../drill-down.js';
import { field, h, loading, replace, s as svg, select, setTitle } from '../dom.js';
import { formatNumber, formatPercent, todayLocal } from '../format.js';
import { navigate } from '../router.js';
import { can } from '../session.js';

/** The segments of an agency's bar: Phụ lục II figures (the key is also the drill-down figure). */
const SEGMENTS = [
  ['doneOnTime', 'Hoàn thành đúng hạn', 'seg-ontime'],
  ['doneLate', 'Hoàn thành quá hạn', 'seg-late'],
  ['openInTime', 'Chưa hoàn thành, trong hạn', 'seg-open'],
  ['openOverdue', 'Chưa hoàn thành, quá hạn', 'seg-overdue'],
];

/** @param {import('../../types/web').ViewContext} ctx */
export async function render({ main, query, user }) {
  setTitle('Tổng quan');
  replace(main, pageHeader('Tổng quan'), loading());
  const today = todayLocal();
  const thisYear = Number(today.slice(0, 4));
  const year = Math.min(thisYear, Math.max(2000, Number(query.get('year')) || thisYear));
  const asOf = year === thisYear ? today : `${year}-12-31`;
  // A view per leader in charge: every figure of the page counts the tasks they lead, across agencies.
  const leader = can.isAgency(user) ? null : query.get('leader')?.trim() || null;
  const scope = can.isAgency(user) ? { agencyId: user.agencyId } : {};
  const liveScope = leader ? { ...scope, leaderInCharge: leader } : scope;
  const leaderScope = leader ? { leaderInCharge: leader } : {};

  let live;
  let report;
  let overdue;
  let years;
  let trend;
  let leaders;
  try {
    [live, report, overdue, years, trend, leaders] = await Promise.all([
      api.get('/tasks/summary', liveScope).then((s) => [s.overdue, s.dueSoon, s.open, s.done]),
      api.get('/reports/appendix', { period: String(year), window: 'calendar', asOf, ...liveScope }),
      api.get('/tasks', { ...liveScope, timeliness: 'overdue', sort: 'dueDate', limit: 20 }),
      allPrograms()
        .then((ps) => ps.map((p) => p.year))
        .catch(() => []),
      api.get('/reports/trend', { year, ...liveScope }),
      can.isAgency(user) ? [] : api.get('/tasks/leaders', { limit: 500 }).then((r) => r.items),
    ]);
  } catch (err) {
    replace(main, loadError(err));
    return;
  }
  const yearList = [...new Set([thisYear, thisYear - 1, ...years.filter((y) => y <= thisYear)])].sort((a, b) => b - a);
  const yearSelect = select('year', yearList.map((y) => [y, `Năm ${y}`]), year, { id: 'year' });
  const leaderSelect = leaders.length ? select('leader', [['', 'Tất cả lãnh đạo'], ...leaders.map((l) => [l, l])], leader ?? '', { id: 'leader' }) : null;
  const yearForm = h(
    'form',
    { class: 'toolbar toolbar-inline', id: 'period-form' },
    field({ label: 'Năm', name: 'year', control: yearSelect }),
    leaderSelect ? field({ label: 'Lãnh đạo phụ trách', name: 'leader', control: leaderSelect }) : null,
    h('button', { type: 'submit', class: 'btn btn-secondary' }, 'Xem'),
  );
  yearForm.addEventListener('submit', (e) => {
    e.preventDefault();
    const q = new URLSearchParams({ year: yearSelect.value });
    if (leaderSelect?.value) q.set('leader', leaderSelect.value);
    void navigate(`/app/dashboard?${q}`);
  });

  const [overdueNow, dueSoon, open, done] = live;
  // Agency users keep their tabbed list; the others land on the filtered list.
  const agencyUser = can.isAgency(user);
  const liveHref = (tab, filters) => (agencyUser ? `/app/tasks?tab=${tab}` : listHref({ ...filters, leaderInCharge: leader }));
  // The lists behind the year's figures (Phụ lục II and I of the year, as of asOf); an agency user's are
  // their own agency's (the list they land on shows only what they may see).
  const own = agencyUser ? { agencyId: user.agencyId } : {};
  const yearHref = (figure, agencyId) => taskFigureHref(report.period, figure, { ...leaderScope, ...own, ...(agencyId ? { agencyId } : {}) });
  const itemsHref = (figure) => programItemFigureHref(report.period, figure, { ...leaderScope, ...own });
  const t = report.tasks;
  const p = report.programItems;
  replace(
    main,
    pageHeader('Tổng quan', { subtitle: can.isAgency(user) ? user.agencyName : `Tình hình thực hiện nhiệm vụ đến ngày ${formatDay(today)}` }),
    h(
      'section',
      { 'aria-labelledby': 'now-title', class: 'section' },
      h('h2', { id: 'now-title' }, leader ? `Hiện nay — nhiệm vụ do ${leader} phụ trách` : 'Hiện nay'),
      h(
        'div',
        { class: 'stats', id: 'live-stats' },
        statCard({ label: 'Quá hạn', value: formatNumber(overdueNow), tone: 'danger', href: liveHref('overdue', { timeliness: 'overdue' }) }),
        statCard({ label: 'Sắp đến hạn (7 ngày)', value: formatNumber(dueSoon), tone: 'warning', href: liveHref('due_soon', { timeliness: 'due_soon' }) }),
        statCard({ label: 'Đang thực hiện', value: formatNumber(open), tone: 'info', href: liveHref('open', { status: 'open' }) }),
        statCard({ label: 'Đã hoàn thành', value: formatNumber(done), tone: 'success', href: liveHref('done', { status: 'done', sort: '-updatedAt' }) }),
      ),
    ),
    h(
      'section',
      { 'aria-labelledby': 'year-title', class: 'section' },
      h('div', { class: 'section-head' }, h('h2', { id: 'year-title' }, `Kết quả năm ${year}`), yearForm),
      h('p', { class: 'muted' }, `Nhiệm vụ được giao (Phụ lục II)${leader ? ` do ${leader} phụ trách` : ''}, tính đến ngày ${formatDay(report.period.asOf)}.`),
      h(
        'div',
        { class: 'stats', id: 'year-stats' },
        statCard({ label: 'Tổng số nhiệm vụ', value: formatNumber(t.total), href: yearHref('total'), sub: `Chuyển từ kỳ trước: ${formatNumber(t.carriedOver)}` }),
        statCard({ label: 'Đã hoàn thành', value: formatNumber(t.done), tone: 'success', href: yearHref('done'), sub: `Đúng hạn ${formatNumber(t.doneOnTime)} · quá hạn ${formatNumber(t.doneLate)}` }),
        statCard({ label: 'Chưa hoàn thành, quá hạn', value: formatNumber(t.openOverdue), tone: 'danger', href: yearHref('openOverdue'), sub: `Chưa hoàn thành ${formatNumber(t.open)} · trong hạn ${formatNumber(t.openInTime)}` }),
        statCard({ label: 'Tỷ lệ hoàn thành so với tổng số giao', value: formatPercent(t.doneRate), tone: 'plain', sub: `Đã hoàn thành ${formatNumber(t.done)}/${formatNumber(t.total)}` }),
        statCard({ label: 'Tỷ lệ hoàn thành so với số đã đến hạn', value: formatPercent(t.completionRate), tone: 'plain', sub: 'Đã hoàn thành / (đã hoàn thành + quá hạn)' }),
        statCard({
          label: 'Đề án, nội dung đã trình / phải trình',
          value: `${formatNumber(p.submitted)}/${formatNumber(p.total)}`,
          href: itemsHref('submitted'),
          sub: `Đã trình ${formatPercent(p.submittedRate)} · đã ban hành ${formatNumber(p.issued)}`,
        }),
      ),
      yearTable(t, p, yearHref, itemsHref),
      trendChart(trend, year, (m, figure) => taskFigureHref(m, figure, { ...leaderScope, ...own })),
      agencyChart(report.byAgency, (agencyId, figure) => yearHref(figure, agencyId)),
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
      overdue.total > overdue.items.length ? h('p', null, h('a', { href: liveHref('overdue', { timeliness: 'overdue' }) }, `Xem tất cả ${formatNumber(overdue.total)} nhiệm vụ quá hạn ›`)) : null,
    ),
  );
}

function formatDay(d) {
  return `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}`;
}

const TREND_SERIES = [
  ['doneOnTime', 'Hoàn thành đúng hạn', 'var(--seg-ontime)'],
  ['doneLate', 'Hoàn thành quá hạn', 'var(--seg-late)'],
  ['openOverdue', 'Quá hạn chưa hoàn thành (cuối tháng)', 'var(--seg-overdue)'],
];

/** A figure as a link to its list (`data-figure` names it), or as text. */
function figureLink(value, href, figure) {
  return href ? h('a', { href, dataset: { figure, value } }, formatNumber(value)) : formatNumber(value);
}

const YEAR_TASK_COLUMNS = [
  ['total', 'Tổng số'],
  ['carriedOver', 'Chuyển từ kỳ trước'],
  ['assignedInPeriod', 'Giao trong năm'],
  ['done', 'Đã hoàn thành'],
  ['doneOnTime', 'Đúng hạn'],
  ['doneLate', 'Quá hạn'],
  ['open', 'Chưa hoàn thành'],
  ['openInTime', 'Trong hạn'],
  ['openOverdue', 'Quá hạn'],
];
const YEAR_ITEM_COLUMNS = [
  ['initial', '(1) Giao đầu năm'],
  ['added', '(2) Giao thêm'],
  ['withdrawnOrDeferred', '(3) Xin chuyển, xin rút'],
  ['total', '(4) Tổng số'],
  ['submitted', '(5) Đã trình'],
  ['issued', '(6) Đã ban hành'],
  ['notSubmitted', '(7) Chưa trình'],
];

/** The year's totals of Phụ lục II and I, every figure a link to the tasks it counts. */
function yearTable(t, p, taskHref, itemHref) {
  return h(
    'div',
    { class: 'card', id: 'year-totals' },
    h('h3', null, 'Tổng hợp cả năm'),
    h('h4', { class: 'table-title' }, 'Phụ lục II — Nhiệm vụ được giao'),
    table(
      YEAR_TASK_COLUMNS.map(([k, label]) => ({ label, class: 'num', cell: () => figureLink(t[k], taskHref(k), k) })),
      [t],
      { caption: 'Phụ lục II — Nhiệm vụ được giao', className: 'year-tasks' },
    ),
    h('h4', { class: 'table-title' }, 'Phụ lục I — Đề án, nội dung phải trình'),
    table(
      YEAR_ITEM_COLUMNS.map(([k, label]) => ({ label, class: 'num', cell: () => figureLink(p[k], itemHref(k), k) })),
      [p],
      { caption: 'Phụ lục I — Đề án, nội dung phải trình', className: 'year-items' },
    ),
  );
}

/**
 * The months of the year as grouped bars, inline SVG (no library, nothing fetched). With `hrefFor`,
 * every bar (and every figure of its table) links to the tasks it counts in that month.
 */
function trendChart(months, year, hrefFor) {
  if (!months.length) return null;
  const W = 720;
  const H = 220;
  const pad = { left: 36, right: 8, top: 10, bottom: 28 };
  const max = Math.max(1, ...months.flatMap((m) => TREND_SERIES.map(([k]) => m[k])));
  const slot = (W - pad.left - pad.right) / 12;
  const barW = (slot - 6) / TREND_SERIES.length;
  const y = (v) => pad.top + (H - pad.top - pad.bottom) * (1 - v / max);
  const ticks = [0, Math.ceil(max / 2), max];
  const chart = svg(
    'svg',
    { viewBox: `0 0 ${W} ${H}`, class: 'trend-svg', role: 'img', 'aria-labelledby': 'trend-title' },
    ticks.map((v) => [
      svg('line', { x1: pad.left, x2: W - pad.right, y1: y(v), y2: y(v), stroke: '#e4e7eb' }),
      svg('text', { x: pad.left - 6, y: y(v) + 4, 'text-anchor': 'end', 'font-size': 11, fill: '#5b6572' }, String(v)),
    ]),
    months.map((m, i) => [
      TREND_SERIES.map(([k, text, color], j) => {
        const bar = svg(
          'rect',
          { x: pad.left + i * slot + 3 + j * barW, y: y(m[k]), width: Math.max(1, barW - 1), height: Math.max(0, H - pad.bottom - y(m[k])), fill: color, 'data-month': m.month, 'data-series': k },
          svg('title', null, `Tháng ${m.month}: ${text} ${m[k]}`),
        );
        const href = m[k] && hrefFor ? hrefFor(m, k) : null;
        return href ? svg('a', { href, class: 'trend-link', 'data-figure': k, 'data-value': m[k], 'aria-label': `Tháng ${m.month}: ${text} ${m[k]} — xem danh sách` }, bar) : bar;
      }),
      svg('text', { x: pad.left + i * slot + slot / 2, y: H - 10, 'text-anchor': 'middle', 'font-size': 11, fill: '#5b6572' }, `T${m.month}`),
    ]),
  );
  const legend = h('ul', { class: 'legend', 'aria-label': 'Chú giải' }, TREND_SERIES.map(([, text, color]) => h('li', null, h('span', { class: 'swatch', style: { background: color }, 'aria-hidden': 'true' }), text)));
  const asTable = h(
    'details',
    { class: 'disclosure' },
    h('summary', null, 'Xem dạng bảng'),
    table(
      [
        { label: 'Tháng', cell: (m) => `Tháng ${m.month}` },
        ...TREND_SERIES.map(([k, text]) => ({ label: text, class: 'num', cell: (m) => figureLink(m[k], hrefFor?.(m, k), k) })),
      ],
      months,
      { caption: `Diễn biến theo tháng năm ${year}` },
    ),
  );
  return h('div', { class: 'card chart', id: 'trend-chart' }, h('h3', { id: 'trend-title' }, `Diễn biến theo tháng năm ${year}`), legend, chart, asTable);
}

/**
 * Stacked horizontal bars per lead agency (CSS; widths set through the CSSOM, allowed by the CSP).
 * With `hrefFor`, the agency's name and bar open its overdue list and each segment the tasks it counts.
 */
function agencyChart(rows, hrefFor) {
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
        { class: 'bar', role: hrefFor ? null : 'img', 'aria-label': summary, style: { width: `${(r.total / max) * 100}%` } },
        SEGMENTS.map(([key, text, cls]) =>
          r[key]
            ? h(hrefFor ? 'a' : 'span', { class: `seg ${cls}`, href: hrefFor?.(r.agencyId, key), title: `${text}: ${r[key]}`, 'aria-label': `${r.agencyName} — ${text}: ${r[key]}`, dataset: { segment: key, figure: key, value: r[key] }, style: { width: `${(r[key] / r.total) * 100}%` } })
            : null,
        ),
      );
      const overdueHref = hrefFor?.(r.agencyId, 'openOverdue');
      return h(
        'li',
        { class: 'bar-row', dataset: { agencyId: r.agencyId } },
        overdueHref ? h('a', { class: 'bar-label', href: overdueHref, dataset: { figure: 'openOverdue', value: r.openOverdue }, title: `Nhiệm vụ quá hạn của ${r.agencyName}` }, r.agencyName) : h('span', { class: 'bar-label' }, r.agencyName),
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
        { label: 'Tổng số', class: 'num', cell: (r) => figureLink(r.total, hrefFor?.(r.agencyId, 'total'), 'total') },
        { label: 'Hoàn thành đúng hạn', class: 'num', cell: (r) => figureLink(r.doneOnTime, hrefFor?.(r.agencyId, 'doneOnTime'), 'doneOnTime') },
        { label: 'Hoàn thành quá hạn', class: 'num', cell: (r) => figureLink(r.doneLate, hrefFor?.(r.agencyId, 'doneLate'), 'doneLate') },
        { label: 'Chưa hoàn thành, trong hạn', class: 'num', cell: (r) => figureLink(r.openInTime, hrefFor?.(r.agencyId, 'openInTime'), 'openInTime') },
        { label: 'Chưa hoàn thành, quá hạn', class: 'num', cell: (r) => figureLink(r.openOverdue, hrefFor?.(r.agencyId, 'openOverdue'), 'openOverdue') },
        { label: 'Tỷ lệ hoàn thành', class: 'num', cell: (r) => formatPercent(r.completionRate) },
      ],
      data,
      { caption: 'Kết quả theo cơ quan chủ trì' },
    ),
  );
  return h('div', { class: 'card chart', id: 'agency-chart' }, h('h3', null, 'Hoàn thành và quá hạn theo cơ quan chủ trì'), legend, bars, asTable);
}
