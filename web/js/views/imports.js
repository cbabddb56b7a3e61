// Nhập chương trình công tác: upload → preview (every item with its errors and warnings; POST
// /api/imports dryRun=true) → commit (dryRun=false, all or nothing). Large files are queued by the
// API (202) and polled (GET /api/imports/:id).

import { api } from '../api.js';
import { filePicker, loadError, pageHeader, statCard, table } from '../components.js';
import { agencyOptions, allAgencies, allPrograms, programOptions } from '../directory.js';
import { busy, clearErrors, field, h, loading, notice, replace, select, setTitle, showErrors } from '../dom.js';
import { formatDate, formatNumber } from '../format.js';
import { IMPORT_ACTION, IMPORT_FIELD, label } from '../i18n.js';

const ACCEPT = '.xlsx,.csv,.docx,.txt';
const STEPS = ['Chọn tệp', 'Xem trước', 'Ghi dữ liệu'];
const MAX_CLEAN_ROWS = 1000;

export async function render({ main, query }) {
  setTitle('Nhập chương trình công tác');
  replace(main, pageHeader('Nhập chương trình công tác'), loading());
  let programs;
  let agencies;
  try {
    [programs, agencies] = await Promise.all([allPrograms(), allAgencies()]);
  } catch (err) {
    replace(main, loadError(err));
    return;
  }
  const state = { programId: query.get('programId') ?? '', defaultLeadAgencyId: '', file: null, report: null };
  let polling = null;
  let stopped = false;
  const stop = () => {
    stopped = true;
    if (polling) clearTimeout(polling);
  };
  const body = h('div');
  const stepper = h('ol', { class: 'steps', 'aria-label': 'Các bước nhập' });
  const setStep = (i) =>
    replace(
      stepper,
      STEPS.map((s, j) => h('li', { class: j < i ? 'step-done' : j === i ? 'step-current' : null, 'aria-current': j === i ? 'step' : null }, h('span', { class: 'step-no' }, String(j + 1)), ` ${s}`)),
    );

  /** Sends the file; resolves with the report (after polling a queued run). */
  async function send(dryRun, progress) {
    const fd = new FormData();
    fd.append('programId', state.programId);
    fd.append('dryRun', String(dryRun));
    if (state.defaultLeadAgencyId) fd.append('defaultLeadAgencyId', state.defaultLeadAgencyId);
    fd.append('file', state.file, state.file.name);
    const res = await api.upload('/imports', fd);
    if (res.status !== 202) return res.data;
    while (!stopped) {
      await new Promise((r) => (polling = setTimeout(r, 1000)));
      const run = await api.get(`/imports/${res.data.id}`);
      progress?.(run);
      if (run.status === 'done' || (run.status === 'failed' && run.result)) return run.result;
      if (run.status === 'failed') throw Object.assign(new Error(run.error ?? 'Nhập tệp không thành công'), { details: [] });
    }
    throw Object.assign(new Error('Đã rời trang nhập'), { details: [] });
  }

  function progressText(run) {
    return run.total ? `Đang kiểm tra ${formatNumber(run.processed)}/${formatNumber(run.total)} mục…` : 'Đang đọc tệp…';
  }

  function uploadStep(message) {
    setStep(0);
    const picker = filePicker('file', { accept: ACCEPT });
    const file = picker.querySelector('input');
    const submit = h('button', { type: 'submit', class: 'btn btn-primary' }, 'Kiểm tra tệp');
    const status = h('p', { class: 'muted', role: 'status' });
    const form = h(
      'form',
      { class: 'form', novalidate: true, id: 'import-upload' },
      field({
        label: 'Chương trình công tác',
        name: 'programId',
        required: true,
        control: select('programId', programOptions(programs, { empty: '— Chọn chương trình —' }), state.programId),
      }),
      field({ label: 'Tệp chương trình', name: 'file', control: picker, required: true, hint: 'Excel (.xlsx), CSV, Word (.docx) hoặc văn bản (.txt). Dòng lỗi sẽ được chỉ rõ; chưa ghi gì cho đến khi bạn xác nhận.' }),
      field({
        label: 'Cơ quan chủ trì mặc định',
        name: 'defaultLeadAgencyId',
        control: select('defaultLeadAgencyId', agencyOptions(agencies.filter((a) => a.active), { empty: 'Không dùng (mục thiếu cơ quan chủ trì là lỗi)' }), state.defaultLeadAgencyId),
        hint: 'Dùng cho các mục không ghi cơ quan chủ trì (kèm cảnh báo).',
      }),
      h(
        'div',
        { class: 'form-actions' },
        submit,
        h(
          'button',
          {
            type: 'button',
            class: 'btn btn-secondary',
            onclick: (e) => void busy(e.currentTarget, () => api.download('/imports/template.xlsx', 'Mẫu nhập chương trình công tác.xlsx').catch((err) => showErrors(form, err))),
          },
          'Tải mẫu tệp Excel',
        ),
      ),
      status,
    );
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      clearErrors(form);
      const el = form.elements;
      const local = [];
      if (!el.programId.value) local.push({ field: 'programId', message: 'Chọn chương trình công tác' });
      if (!file.files?.length) local.push({ field: 'file', message: 'Chọn tệp cần nhập' });
      if (local.length) {
        showErrors(form, { message: 'Chưa đủ thông tin', details: local });
        return;
      }
      state.programId = el.programId.value;
      state.defaultLeadAgencyId = el.defaultLeadAgencyId.value;
      state.file = file.files[0];
      void busy(
        submit,
        async () => {
          try {
            status.textContent = 'Đang kiểm tra tệp…';
            state.report = await send(true, (run) => (status.textContent = progressText(run)));
            previewStep();
          } catch (err) {
            status.textContent = '';
            showErrors(form, err);
          }
        },
        'Đang kiểm tra…',
      );
    });
    replace(body, message ?? null, h('section', { class: 'card' }, h('h2', null, 'Bước 1. Chọn tệp'), form));
  }

  function previewStep(rejected = null) {
    setStep(1);
    const r = state.report;
    const sum = r.summary;
    const invalid = sum.invalid > 0;
    const onlyIssues = h('input', { type: 'checkbox', id: 'only-issues', checked: invalid });
    const rows = h('div', { id: 'import-items' });
    const drawRows = () => {
      const issues = r.items.filter((i) => i.errors.length || i.warnings.length);
      const shown = onlyIssues.checked ? issues : r.items.filter((it, idx) => idx < MAX_CLEAN_ROWS || it.errors.length || it.warnings.length);
      replace(
        rows,
        shown.length ? itemsTable(shown) : h('p', { class: 'empty' }, 'Không có mục nào có lỗi hoặc cảnh báo.'),
        !onlyIssues.checked && r.items.length > MAX_CLEAN_ROWS
          ? h('p', { class: 'muted' }, `Hiển thị ${formatNumber(MAX_CLEAN_ROWS)} mục đầu tiên và mọi mục có lỗi, cảnh báo (tổng ${formatNumber(r.items.length)} mục).`)
          : null,
      );
    };
    onlyIssues.addEventListener('change', drawRows);
    drawRows();

    const commit = h('button', { type: 'button', class: 'btn btn-primary', id: 'import-commit', disabled: invalid }, `Ghi ${formatNumber(sum.valid)} mục vào chương trình`);
    const status = h('p', { class: 'muted', role: 'status' });
    commit.addEventListener('click', () => {
      void busy(
        commit,
        async () => {
          try {
            status.textContent = 'Đang ghi dữ liệu…';
            state.report = await send(false, (run) => (status.textContent = progressText(run)));
            if (state.report.committed) doneStep();
            else previewStep(null);
          } catch (err) {
            status.textContent = '';
            if (err.status === 422 && err.body?.items) {
              state.report = err.body;
              previewStep(err);
            } else showErrors(actions, err);
          }
        },
        'Đang ghi…',
      );
    });

    const repicker = filePicker('file', { accept: ACCEPT });
    const reupload = repicker.querySelector('input');
    const reuploadBtn = h('button', { type: 'submit', class: invalid ? 'btn btn-primary' : 'btn btn-secondary' }, 'Kiểm tra lại');
    const reuploadForm = h(
      'form',
      { class: 'form form-inline', novalidate: true, id: 'import-reupload' },
      field({ label: invalid ? 'Tải lên tệp đã sửa' : 'Chọn tệp khác', name: 'file', control: repicker }),
      reuploadBtn,
    );
    reuploadForm.addEventListener('submit', (e) => {
      e.preventDefault();
      clearErrors(reuploadForm);
      if (!reupload.files?.length) {
        showErrors(reuploadForm, { message: 'Chọn tệp cần nhập', details: [{ field: 'file', message: 'Chọn tệp đã sửa' }] });
        return;
      }
      state.file = reupload.files[0];
      void busy(
        reuploadBtn,
        async () => {
          try {
            state.report = await send(true);
            previewStep();
          } catch (err) {
            showErrors(reuploadForm, err);
          }
        },
        'Đang kiểm tra…',
      );
    });

    const actions = h('div', { class: 'import-actions' }, invalid ? null : commit, status, reuploadForm);
    const program = programs.find((p) => String(p.id) === String(state.programId));
    replace(
      body,
      h(
        'section',
        { class: 'card', 'aria-labelledby': 'preview-title' },
        h('h2', { id: 'preview-title' }, `Bước 2. Xem trước: ${r.fileName}`),
        h('p', { class: 'muted' }, `Chương trình: ${program ? `${program.code} – ${program.title}` : r.programId}`),
        rejected
          ? notice('error', rejected.message)
          : invalid
            ? notice('error', h('p', null, `Tệp có ${formatNumber(sum.invalid)} mục lỗi; chưa ghi dữ liệu nào. Sửa các lỗi dưới đây trong tệp rồi tải lên lại.`))
            : notice('success', 'Tệp hợp lệ. Xem lại danh sách rồi bấm “Ghi” để ghi vào chương trình.'),
        h(
          'div',
          { class: 'stats stats-small', id: 'import-summary' },
          statCard({ label: 'Số mục', value: formatNumber(sum.items) }),
          statCard({ label: 'Hợp lệ', value: formatNumber(sum.valid), tone: 'success' }),
          statCard({ label: 'Lỗi', value: formatNumber(sum.invalid), tone: sum.invalid ? 'danger' : 'plain' }),
          statCard({ label: 'Tạo mới', value: formatNumber(sum.created) }),
          statCard({ label: 'Cập nhật', value: formatNumber(sum.updated) }),
          statCard({ label: 'Không đổi', value: formatNumber(sum.unchanged) }),
          statCard({ label: 'Cảnh báo', value: formatNumber(sum.warnings), tone: sum.warnings ? 'warning' : 'plain' }),
        ),
        r.warnings?.length ? notice('warning', h('p', null, 'Lưu ý về cả tệp:'), h('ul', null, r.warnings.map((w) => h('li', null, w.message)))) : null,
        actions,
        h('p', { class: 'choice' }, onlyIssues, h('label', { for: 'only-issues' }, ' Chỉ hiện mục có lỗi hoặc cảnh báo')),
        rows,
      ),
    );
    (rejected || invalid ? body.querySelector('.notice') : body.querySelector('h2'))?.setAttribute('tabindex', '-1');
    (body.querySelector('.notice[tabindex]') ?? body.querySelector('h2'))?.focus();
  }

  function doneStep() {
    setStep(2);
    const s = state.report.summary;
    replace(
      body,
      h(
        'section',
        { class: 'card', 'aria-labelledby': 'done-title' },
        h('h2', { id: 'done-title' }, 'Bước 3. Đã ghi dữ liệu'),
        notice(
          'success',
          `Đã ghi tệp ${state.report.fileName}: tạo mới ${formatNumber(s.created)}, cập nhật ${formatNumber(s.updated)}, không đổi ${formatNumber(s.unchanged)} nhiệm vụ.`,
        ),
        h(
          'p',
          { class: 'form-actions' },
          h('a', { class: 'btn btn-primary', href: `/app/tasks?programId=${state.programId}&tab=all` }, 'Xem nhiệm vụ của chương trình'),
          h('button', { type: 'button', class: 'btn btn-secondary', onclick: () => uploadStep() }, 'Nhập tệp khác'),
        ),
      ),
    );
    body.querySelector('h2').setAttribute('tabindex', '-1');
    body.querySelector('h2').focus();
  }

  replace(main, pageHeader('Nhập chương trình công tác', { subtitle: 'Tải tệp lên → xem trước từng mục với lỗi và cảnh báo → ghi dữ liệu (có lỗi thì không ghi gì).' }), stepper, body);
  uploadStep();
  return stop;
}

function issueList(item) {
  if (!item.errors.length && !item.warnings.length) return h('span', { class: 'muted' }, 'Hợp lệ');
  return h(
    'ul',
    { class: 'issues' },
    item.errors.map((e) => h('li', { class: 'issue-error' }, h('strong', null, 'Lỗi'), ` – ${label(IMPORT_FIELD, e.field)}: ${e.message}`)),
    item.warnings.map((w) => h('li', { class: 'issue-warning' }, h('strong', null, 'Cảnh báo'), ` – ${label(IMPORT_FIELD, w.field)}: ${w.message}`)),
  );
}

function itemsTable(items) {
  return table(
    [
      { label: 'Vị trí', class: 'col-code', cell: (i) => i.ref },
      { label: 'Mã', class: 'col-code', cell: (i) => i.task.code ?? '—' },
      { label: 'Nội dung', class: 'col-title', cell: (i) => [i.task.title, i.task.group ? h('span', { class: 'muted small block' }, i.task.group) : null] },
      { label: 'Cơ quan chủ trì', cell: (i) => i.task.leadAgency?.name ?? '—' },
      { label: 'Cơ quan phối hợp', cell: (i) => i.task.coordinatingAgencies.map((a) => a.name).join('; ') || '—' },
      { label: 'Thời hạn', class: 'col-date', cell: (i) => [i.task.dueDate ? formatDate(i.task.dueDate) : 'Không có', i.task.dueText ? h('span', { class: 'muted small block' }, i.task.dueText) : null] },
      {
        label: 'Xử lý',
        cell: (i) =>
          i.action
            ? [label(IMPORT_ACTION, i.action), i.changes?.length ? h('span', { class: 'muted small block' }, i.changes.map((c) => label(IMPORT_FIELD, c)).join(', ')) : null]
            : h('span', { class: 'text-danger' }, 'Không ghi'),
      },
      { label: 'Lỗi, cảnh báo', class: 'col-issues', cell: issueList },
    ],
    items,
    { caption: 'Các mục trong tệp', rowClass: (i) => (i.errors.length ? 'row-error' : i.warnings.length ? 'row-warning' : null) },
  );
}
