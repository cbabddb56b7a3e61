// @ts-check
// Báo cáo: build the appendix report for a period (POST /api/reports), follow it until it is done
// (GET /api/reports/:id), download XLSX/DOCX, and the list of past runs (built by hand or on schedule).

import { api } from '../api.js';
import { dateInput, loadError, pageHeader, pager, table } from '../components.js';
import { agencyOptions, allAgencies, allPrograms, programOptions } from '../directory.js';
import { busy, clearErrors, field, h, loading, notice, replace, select, setTitle, showErrors } from '../dom.js';
import { formatBytes, formatDate, formatDateTime, formatNumber, formatPercent, parseDate, todayLocal } from '../format.js';
import { label, MESSAGES, RUN_STATUS } from '../i18n.js';
import { can } from '../session.js';
import { appendixPreview } from './appendix-preview.js';

const PAGE_SIZE = 20;
const PERIODS = [
  ['Y', 'Cả năm'],
  ['H1', '6 tháng đầu năm'],
  ['9M', '9 tháng'],
  ['H2', '6 tháng cuối năm'],
  ['Q1', 'Quý I'],
  ['Q2', 'Quý II'],
  ['Q3', 'Quý III'],
  ['Q4', 'Quý IV'],
  ...Array.from({ length: 12 }, (_, i) => [`M${String(i + 1).padStart(2, '0')}`, `Tháng ${i + 1}`]),
  ['custom', 'Tùy chọn từ ngày – đến ngày'],
];

function periodName(kind, year) {
  if (kind === 'Y') return String(year);
  if (kind.startsWith('M')) return `${year}-${kind.slice(1)}`;
  return `${year}-${kind}`;
}

/** @param {import('../../types/web').ViewContext} ctx */
export async function render(ctx) {
  const { main, query, user } = ctx;
  setTitle('Báo cáo');
  replace(main, pageHeader('Báo cáo'), loading());
  const page = Math.max(1, Number(query.get('page')) || 1);
  let runs;
  let programs;
  let agencies;
  let defaultPeriod;
  const builder = can.buildReports(user);
  try {
    [runs, programs, agencies, defaultPeriod] = await Promise.all([
      api.get('/reports', { page, limit: PAGE_SIZE }),
      builder ? allPrograms() : [],
      builder ? allAgencies() : [],
      api.get('/reports/default-period', { kind: 'quarter' }),
    ]);
  } catch (err) {
    replace(main, loadError(err));
    return;
  }
  let timer = null;
  let stopped = false;
  const stop = () => {
    stopped = true;
    if (timer) clearTimeout(timer);
  };
  const result = h('div', { id: 'report-result', 'aria-live': 'polite' });
  const listBox = h('div');
  const drawList = (data) => replace(listBox, runsSection(data, page));
  drawList(runs);

  async function follow(id) {
    while (!stopped) {
      const run = await api.get(`/reports/${id}`);
      replace(result, runCard(run));
      if (run.status === 'done' || run.status === 'failed') {
        drawList(await api.get('/reports', { page: 1, limit: PAGE_SIZE }));
        return run;
      }
      await new Promise((r) => (timer = setTimeout(r, 1000)));
    }
    return null;
  }

  replace(
    main,
    pageHeader('Báo cáo', { subtitle: 'Phụ lục kết quả thực hiện Chương trình công tác và nhiệm vụ được giao (Phụ lục I, II, III)' }),
    builder ? buildForm(programs, agencies, follow, result, defaultPeriod) : null,
    result,
    listBox,
  );
  return stop;
}

/** '2026-Q3' → ['Q3', 2026]; '2026' → ['Y', 2026]; '2026-07' → ['M07', 2026]. */
function splitPeriod(name) {
  const [y, part] = name.split('-');
  if (!part) return ['Y', Number(y)];
  return [/^\d+$/.test(part) ? `M${part}` : part, Number(y)];
}

function buildForm(programs, agencies, follow, result, defaultPeriod) {
  // Opens on the last period that has closed (GET /api/reports/default-period), not Quý I in December.
  const [defaultKind, year] = defaultPeriod ? splitPeriod(defaultPeriod.period) : ['Q1', Number(todayLocal().slice(0, 4))];
  const kind = select('kind', PERIODS, defaultKind, { id: 'report-kind' });
  const custom = h(
    'div',
    { class: 'form-grid field-wide', id: 'report-custom' },
    field({ label: 'Từ ngày', name: 'from', control: dateInput('from', null), hint: 'dd/mm/yyyy' }),
    field({ label: 'Đến ngày', name: 'to', control: dateInput('to', null), hint: 'dd/mm/yyyy' }),
  );
  const windowSet = h(
    'fieldset',
    { class: 'field field-wide', dataset: { field: 'window' } },
    h('legend', null, 'Cách tính kỳ'),
    h('label', { class: 'choice' }, h('input', { type: 'radio', name: 'window', value: 'cutoff', checked: true }), ' Theo kỳ số liệu (Nghị định 09/2019/NĐ-CP: từ ngày 15 tháng trước đến ngày 14)'),
    h('label', { class: 'choice' }, h('input', { type: 'radio', name: 'window', value: 'calendar' }), ' Theo lịch (từ ngày đầu đến ngày cuối kỳ)'),
  );
  const yearField = field({ label: 'Năm', name: 'year', type: 'number', value: year, attrs: { min: 2000, max: 2100 } });
  const submit = h('button', { type: 'submit', class: 'btn btn-primary' }, 'Lập báo cáo');
  const previewButton = h('button', { type: 'button', class: 'btn btn-secondary', id: 'report-preview' }, 'Xem trước');
  const form = h(
    'form',
    { class: 'form form-grid', novalidate: true, id: 'report-form' },
    field({ label: 'Kỳ báo cáo', name: 'period', control: kind }),
    yearField,
    windowSet,
    custom,
    field({ label: 'Tính đến ngày', name: 'asOf', control: dateInput('asOf', null), hint: 'Để trống: ngày cuối kỳ' }),
    h(
      'fieldset',
      { class: 'field', dataset: { field: 'formats' } },
      h('legend', null, 'Định dạng tệp'),
      h('label', { class: 'choice' }, h('input', { type: 'checkbox', name: 'formats', value: 'xlsx', checked: true }), ' Excel (.xlsx)'),
      h('label', { class: 'choice' }, h('input', { type: 'checkbox', name: 'formats', value: 'docx', checked: true }), ' Word (.docx)'),
    ),
    field({ label: 'Số báo cáo', name: 'reportNumber', hint: 'Ví dụ 165 → 165/BC-UBND', attrs: { maxlength: 64 } }),
    field({ label: 'Ngày báo cáo', name: 'reportDate', control: dateInput('reportDate', null), hint: 'dd/mm/yyyy' }),
    field({ label: 'Chương trình', name: 'programId', control: select('programId', programOptions(programs, { empty: 'Tất cả' }), '') }),
    field({ label: 'Cơ quan chủ trì', name: 'agencyId', control: select('agencyId', agencyOptions(agencies, { empty: 'Tất cả' }), '') }),
    h('div', { class: 'form-actions field-wide' }, previewButton, submit),
  );
  const sync = () => {
    const isCustom = kind.value === 'custom';
    custom.hidden = !isCustom;
    yearField.hidden = isCustom;
    windowSet.hidden = isCustom;
  };
  kind.addEventListener('change', sync);
  sync();
  /** The request of the form, or null after showing what is wrong. */
  const request = () => {
    clearErrors(form);
    const el = form.elements;
    const local = [];
    const body = {};
    /** @param {string} name */
    const date = (name) => {
      const d = parseDate(el[name].value);
      if (d === undefined) local.push({ field: name, message: MESSAGES.invalidDate });
      return d ?? undefined;
    };
    if (kind.value === 'custom') {
      body.from = date('from');
      body.to = date('to');
      if (!el.from.value.trim()) local.push({ field: 'from', message: MESSAGES.required });
      if (!el.to.value.trim()) local.push({ field: 'to', message: MESSAGES.required });
    } else {
      const y = Number(el.year.value);
      if (!Number.isInteger(y) || y < 2000 || y > 2100) local.push({ field: 'year', message: 'Năm từ 2000 đến 2100' });
      body.period = periodName(kind.value, y);
      body.window = form.querySelector('input[name=window]:checked')?.value;
    }
    body.asOf = date('asOf');
    body.reportDate = date('reportDate');
    body.formats = [...form.querySelectorAll('input[name=formats]:checked')].map((c) => c.value);
    if (!body.formats.length) local.push({ field: 'formats', message: 'Chọn ít nhất một định dạng' });
    if (el.reportNumber.value.trim()) body.reportNumber = el.reportNumber.value.trim();
    if (el.programId.value) body.programId = Number(el.programId.value);
    if (el.agencyId.value) body.agencyId = Number(el.agencyId.value);
    for (const k of Object.keys(body)) if (body[k] === undefined) delete body[k];
    if (local.length) {
      showErrors(form, { message: 'Dữ liệu chưa hợp lệ', details: local });
      return null;
    }
    return body;
  };
  previewButton.addEventListener('click', () => {
    const body = request();
    if (!body) return;
    const { formats: _formats, reportNumber: _n, reportDate: _d, ...query } = body;
    void busy(previewButton, async () => {
      try {
        replace(result, appendixPreview(await api.get('/reports/appendix', query), { programId: query.programId, agencyId: query.agencyId }));
      } catch (err) {
        showErrors(form, err);
      }
    }, 'Đang tính…');
  });
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const body = request();
    if (!body) return;
    void busy(
      submit,
      async () => {
        try {
          const created = await api.post('/reports', body);
          replace(result, notice('info', 'Đang lập báo cáo…'));
          await follow(created.id);
        } catch (err) {
          showErrors(form, err);
        }
      },
      'Đang lập…',
    );
  });
  return h('section', { class: 'card', 'aria-labelledby': 'build-title' }, h('h2', { id: 'build-title' }, 'Lập báo cáo'), form);
}

function downloadButtons(run) {
  return run.files.map((f) =>
    h(
      'button',
      {
        type: 'button',
        class: 'btn btn-secondary btn-small',
        dataset: { format: f.format },
        onclick: (e) => {
          const b = e.currentTarget;
          void busy(b, () => api.download(f.url, f.fileName).catch((err) => b.after(notice('error', err.message))));
        },
      },
      `Tải ${f.format.toUpperCase()}`,
      h('span', { class: 'muted small' }, ` (${formatBytes(f.size)})`),
    ),
  );
}

function runCard(run) {
  const s = run.snapshot;
  return h(
    'section',
    { class: `card run-card run-${run.status}`, 'aria-labelledby': `run-${run.id}` },
    h('h2', { id: `run-${run.id}` }, `Báo cáo ${run.period.label.charAt(0).toLowerCase()}${run.period.label.slice(1)}`),
    h('p', { class: 'muted' }, `Từ ${formatDate(run.period.from)} đến ${formatDate(run.period.to)}, tính đến ngày ${formatDate(run.period.asOf)}`),
    run.status === 'done'
      ? notice('success', 'Đã lập xong báo cáo.')
      : run.status === 'failed'
        ? notice('error', `Lập báo cáo không thành công: ${run.error ?? ''}`)
        : notice('info', `${label(RUN_STATUS, run.status)}…`),
    s
      ? h(
          'ul',
          { class: 'plain-list' },
          h('li', null, `Nhiệm vụ được giao: ${formatNumber(s.tasks.total)}; đã hoàn thành ${formatNumber(s.tasks.done)} (đúng hạn ${formatNumber(s.tasks.doneOnTime)}, quá hạn ${formatNumber(s.tasks.doneLate)}); chưa hoàn thành ${formatNumber(s.tasks.open)} (quá hạn ${formatNumber(s.tasks.openOverdue)}); tỷ lệ hoàn thành so với tổng số nhiệm vụ giao ${formatPercent(s.tasks.doneRate)}, so với số nhiệm vụ đã đến hạn ${formatPercent(s.tasks.completionRate)}.`),
          h('li', null, `Chương trình công tác: đã trình ${formatNumber(s.programItems.submitted)}/${formatNumber(s.programItems.total)} (${formatPercent(s.programItems.submittedRate)}).`),
        )
      : null,
    run.files.length ? h('p', { class: 'form-actions' }, downloadButtons(run)) : null,
    s ? h('details', { class: 'run-preview' }, h('summary', null, 'Xem phụ lục như đã lập'), appendixPreview(s, { programId: run.programId ?? undefined, agencyId: run.agencyId ?? undefined })) : null,
  );
}

function runsSection(runs, page) {
  return h(
    'section',
    { class: 'card', 'aria-labelledby': 'runs-title' },
    h('h2', { id: 'runs-title' }, 'Các báo cáo đã lập'),
    h('p', { class: 'muted small' }, 'Gồm báo cáo lập theo yêu cầu và báo cáo định kỳ do hệ thống tự lập sau mỗi quý, 6 tháng, 9 tháng và năm.'),
    runs.items.length
      ? table(
          [
            { label: 'Kỳ báo cáo', cell: (r) => [h('strong', null, r.period.label), h('span', { class: 'muted small block' }, `${formatDate(r.period.from)} – ${formatDate(r.period.to)}`)] },
            { label: 'Số, ngày', cell: (r) => (r.reportNumber ? `${r.reportNumber}/BC-UBND${r.reportDate ? `, ${formatDate(r.reportDate)}` : ''}` : '—') },
            { label: 'Lập lúc', class: 'col-date', cell: (r) => [formatDateTime(r.createdAt), h('span', { class: 'muted small block' }, r.scheduled ? 'Định kỳ (tự động)' : 'Theo yêu cầu')] },
            { label: 'Trạng thái', cell: (r) => [h('span', { class: `badge badge-run-${r.status}` }, label(RUN_STATUS, r.status)), r.error ? h('span', { class: 'text-danger small block' }, r.error) : null] },
            { label: 'Tệp', cell: (r) => (r.files.length ? h('span', { class: 'button-row' }, downloadButtons(r)) : '—') },
          ],
          runs.items,
          { caption: 'Các báo cáo đã lập' },
        )
      : h('p', { class: 'empty' }, 'Chưa có báo cáo nào.'),
    pager({ page, limit: runs.limit, total: runs.total }, (p) => `/app/reports?page=${p}`),
  );
}
