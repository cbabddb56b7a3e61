// @ts-check
// Nhập chương trình công tác / nhiệm vụ từ văn bản: upload → preview (every item with its errors and
// warnings; POST /api/imports dryRun=true) → commit. A preview of at most EDITABLE_ROWS items is
// editable in place (kind, title, lead — a suggested agency is one click —, coordinators, deadline
// date and phrase, submitTo) and what is on screen is committed (POST /api/imports/items); a larger
// one is committed as the file says (dryRun=false). Large files and scans are queued (202) and polled.

import { api } from '../api.js';
import { dateInput, filePicker, loadError, pageHeader, statCard, table } from '../components.js';
import { agencyOptions, allAgencies, allPrograms, programOptions } from '../directory.js';
import { busy, clearErrors, field, h, loading, notice, replace, select, setTitle, showErrors } from '../dom.js';
import { formatDate, formatNumber, parseDate } from '../format.js';
import { IMPORT_ACTION, IMPORT_FIELD, label, MESSAGES, TASK_KIND } from '../i18n.js';

/** @typedef {import('../../types/web').Schemas['ImportReportDto']} ImportReport */

const ACCEPT = '.xlsx,.csv,.docx,.txt,.pdf,.png,.jpg,.jpeg,.tif,.tiff';
/** "Nhập nhiệm vụ từ văn bản": a document on its own, outside any program. */
const NO_PROGRAM = 'none';
const EDITABLE_ROWS = 300;
const STEPS = ['Chọn tệp', 'Xem trước', 'Ghi dữ liệu'];
const MAX_CLEAN_ROWS = 1000;

/** @param {import('../../types/web').ViewContext} ctx */
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
  /** @type {{ programId: string, defaultLeadAgencyId: string, file: File | null, report: ImportReport | null }} */
  const state = { programId: query.get('programId') ?? '', defaultLeadAgencyId: '', file: null, report: null };
  /** @type {ReturnType<typeof setTimeout> | null} */
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
    if (state.programId !== NO_PROGRAM) fd.append('programId', state.programId);
    fd.append('dryRun', String(dryRun));
    if (state.defaultLeadAgencyId) fd.append('defaultLeadAgencyId', state.defaultLeadAgencyId);
    if (state.file) fd.append('file', state.file, state.file.name);
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
    if (run.status === 'running' && run.total && /pdf|image/.test(run.format ?? ''))
      return `Đang nhận dạng chữ (OCR) trang ${formatNumber(run.processed)}/${formatNumber(run.total)}…`;
    return run.total ? `Đang kiểm tra ${formatNumber(run.processed)}/${formatNumber(run.total)} mục…` : 'Đang đọc tệp…';
  }

  function uploadStep(message) {
    setStep(0);
    const picker = filePicker('file', { accept: ACCEPT });
    const file = /** @type {HTMLInputElement} */ (picker.querySelector('input'));
    const submit = h('button', { type: 'submit', class: 'btn btn-primary' }, 'Kiểm tra tệp');
    const status = h('p', { class: 'muted', role: 'status' });
    const form = h(
      'form',
      { class: 'form', novalidate: true, id: 'import-upload' },
      field({
        label: 'Chương trình công tác',
        name: 'programId',
        required: true,
        control: select('programId', [['', '— Chọn chương trình —'], [NO_PROGRAM, 'Không thuộc chương trình: nhập nhiệm vụ từ văn bản giao nhiệm vụ'], ...programOptions(programs)], state.programId),
      }),
      field({ label: 'Tệp chương trình hoặc văn bản giao nhiệm vụ', name: 'file', control: picker, required: true, hint: 'Excel (.xlsx), CSV, Word (.docx), văn bản (.txt), PDF (cả bản scan) hoặc ảnh chụp (.png, .jpg, .tif). Số, ngày của văn bản được đọc từ phần đầu; bản scan được nhận dạng chữ (OCR). Chưa ghi gì cho đến khi bạn xác nhận.' }),
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
      state.file = file.files?.[0] ?? null;
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

  /** @param {{ message: string } | null} [rejected] the 422 of a commit refused */
  function previewStep(rejected = null) {
    setStep(1);
    const r = state.report;
    if (!r) return;
    const sum = r.summary;
    const invalid = sum.invalid > 0;
    const activeAgencies = agencies.filter((a) => a.active);
    const onlyIssues = h('input', { type: 'checkbox', id: 'only-issues', checked: false });
    const rows = h('div', { id: 'import-items' });
    const editable = r.items.length <= EDITABLE_ROWS;
    /** The clerk's other choice for a group named as lead: one task per member (codes "…1.UBND-DX"). */
    const splitItem = (item) => {
      const at = r.items.indexOf(item);
      const parts = item.leadGroup.members.map((m) => ({
        ...item,
        task: { ...item.task, code: `${item.task.code}.${m.code}`, leadAgency: m },
        leadGroup: null,
        errors: item.errors.filter((e) => e.field !== 'leadAgency'),
      }));
      r.items.splice(at, 1, ...parts);
      commit.textContent = `Ghi ${formatNumber(r.items.length)} mục như trên màn hình${where}`;
      drawRows();
    };
    const drawRows = () => {
      const issues = r.items.filter((i) => i.errors.length || i.warnings.length);
      const shown = onlyIssues.checked ? issues : r.items.filter((it, idx) => idx < MAX_CLEAN_ROWS || it.errors.length || it.warnings.length);
      replace(
        rows,
        shown.length ? (editable ? editableTable(shown, r.items, activeAgencies, splitItem) : itemsTable(shown)) : h('p', { class: 'empty' }, 'Không có mục nào có lỗi hoặc cảnh báo.'),
        !onlyIssues.checked && r.items.length > MAX_CLEAN_ROWS
          ? h('p', { class: 'muted' }, `Hiển thị ${formatNumber(MAX_CLEAN_ROWS)} mục đầu tiên và mọi mục có lỗi, cảnh báo (tổng ${formatNumber(r.items.length)} mục).`)
          : null,
      );
    };
    onlyIssues.addEventListener('change', drawRows);
    drawRows();

    const where = state.programId === NO_PROGRAM ? '' : ' vào chương trình';
    const commit = editable
      ? h('button', { type: 'button', class: 'btn btn-primary', id: 'import-commit' }, `Ghi ${formatNumber(r.items.length)} mục như trên màn hình${where}`)
      : h('button', { type: 'button', class: 'btn btn-primary', id: 'import-commit', disabled: invalid }, `Ghi ${formatNumber(sum.valid)} mục${where}`);
    const status = h('p', { class: 'muted', role: 'status' });
    // Each problem of an item (ours or the API's: items[3].dueDate) under its control in its row, the rest above the button.
    const showRowErrors = (err) =>
      showErrors(body, err, { aliases: Object.fromEntries((err.details ?? []).map((d) => [d.field, d.field])), summaryTarget: actions });
    if (editable)
      commit.addEventListener('click', () => {
        clearErrors(rows);
        clearErrors(actions);
        const edited = readEdits(rows, r.items);
        if (edited.problems.length) {
          showRowErrors({ message: `Còn ${formatNumber(edited.problems.length)} mục cần sửa trước khi ghi`, details: edited.problems });
          return;
        }
        void busy(
          commit,
          async () => {
            try {
              status.textContent = 'Đang ghi dữ liệu…';
              const done = await api.post('/imports/items', {
                ...(state.programId !== NO_PROGRAM ? { programId: Number(state.programId) } : {}),
                assignedAt: r.assignedAt,
                fileName: r.fileName,
                items: edited.items,
              });
              state.report = { ...r, summary: { ...r.summary, created: done.created, updated: done.updated, unchanged: done.unchanged } };
              doneStep();
            } catch (err) {
              status.textContent = '';
              showRowErrors(err);
            }
          },
          'Đang ghi…',
        );
      });
    else commit.addEventListener('click', () => {
      void busy(
        commit,
        async () => {
          try {
            status.textContent = 'Đang ghi dữ liệu…';
            state.report = await send(false, (run) => (status.textContent = progressText(run)));
            if (state.report?.committed) doneStep();
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
    const reupload = /** @type {HTMLInputElement} */ (repicker.querySelector('input'));
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
      state.file = reupload.files?.[0] ?? null;
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

    const actions = h('div', { class: 'import-actions' }, invalid && !editable ? null : commit, status, reuploadForm);
    const program = programs.find((p) => String(p.id) === String(state.programId));
    replace(
      body,
      h(
        'section',
        { class: 'card', 'aria-labelledby': 'preview-title' },
        h('h2', { id: 'preview-title' }, `Bước 2. Xem trước: ${r.fileName}`),
        h('p', { class: 'muted' }, program ? `Chương trình: ${program.code} – ${program.title}` : 'Không thuộc chương trình (nhiệm vụ từ văn bản giao nhiệm vụ)'),
        r.document
          ? h(
              'p',
              { id: 'import-document' },
              h('strong', null, 'Văn bản: '),
              r.document.sourceDocument,
              r.assignedAt ? ` · ngày giao nhiệm vụ ${formatDate(r.assignedAt)}` : null,
              r.ocr ? h('span', { class: 'muted' }, ` · nhận dạng chữ (OCR) ${formatNumber(r.ocr.pages)} trang, độ tin cậy trung bình ${r.ocr.confidence}%`) : null,
            )
          : null,
        rejected
          ? notice('error', rejected.message)
          : invalid
            ? notice('error', h('p', null, editable ? `Có ${formatNumber(sum.invalid)} mục lỗi. Sửa ngay trong bảng (chọn cơ quan, thời hạn…) rồi bấm “Ghi”; hoặc sửa tệp và tải lên lại.` : `Tệp có ${formatNumber(sum.invalid)} mục lỗi; chưa ghi dữ liệu nào. Sửa các lỗi dưới đây trong tệp rồi tải lên lại.`))
            : notice('success', editable ? 'Tệp hợp lệ. Xem lại, sửa nếu cần ngay trong bảng, rồi bấm “Ghi”.' : 'Tệp hợp lệ. Xem lại danh sách rồi bấm “Ghi” để ghi vào chương trình.'),
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
    /** @type {HTMLElement | null} */ (body.querySelector('.notice[tabindex]') ?? body.querySelector('h2'))?.focus();
  }

  function doneStep() {
    setStep(2);
    if (!state.report) return;
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
          state.programId === NO_PROGRAM
            ? h('a', { class: 'btn btn-primary', href: '/app/tasks?tab=all' }, 'Xem danh sách nhiệm vụ')
            : h('a', { class: 'btn btn-primary', href: `/app/tasks?programId=${state.programId}&tab=all` }, 'Xem nhiệm vụ của chương trình'),
          h('button', { type: 'button', class: 'btn btn-secondary', onclick: () => uploadStep() }, 'Nhập tệp khác'),
        ),
      ),
    );
    body.querySelector('h2')?.setAttribute('tabindex', '-1');
    body.querySelector('h2')?.focus();
  }

  replace(
    main,
    pageHeader('Nhập chương trình công tác', {
      subtitle: 'Tải tệp lên → xem trước từng mục với lỗi và cảnh báo → ghi dữ liệu (có lỗi thì không ghi gì).',
      // The group names the importer expands ("UBND các huyện, thị xã, thành phố") are the office's data.
      actions: h('a', { class: 'btn btn-secondary btn-small', href: '/app/groups' }, 'Nhóm cơ quan'),
    }),
    stepper,
    body,
  );
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

/** Beside an item read by OCR: how sure the reading is (in red below 70 %: check it against the paper). */
function ocrNote(i) {
  if (i.ocrConfidence == null) return null;
  return h('span', { class: `small block ${i.ocrConfidence < 70 ? 'text-danger' : 'muted'}`, 'data-ocr': i.ocrConfidence }, `Độ tin cậy OCR: ${i.ocrConfidence}%`);
}

function itemsTable(items) {
  return table(
    [
      { label: 'Vị trí', class: 'col-code', cell: (i) => i.ref },
      { label: 'Mã', class: 'col-code', cell: (i) => i.task.code ?? '—' },
      { label: 'Nội dung', class: 'col-title', cell: (i) => [i.task.title, i.task.group ? h('span', { class: 'muted small block' }, i.task.group) : null, ocrNote(i)] },
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

/** A control of the row of item `index`, where showErrors puts the problems of `items[index].name` (until it is edited). */
function rowField(index, name, control) {
  const wrap = h('div', { class: 'field', 'data-field': `items[${index}].${name}`, oninput: () => clearErrors(wrap), onchange: () => clearErrors(wrap) }, control);
  return wrap;
}

/** The preview as a form: every field that decides a report, corrected in place. */
function editableTable(shown, all, agencies, onSplit) {
  const options = agencyOptions(agencies, { empty: '— Chọn cơ quan chủ trì —' });
  return table(
    [
      {
        label: 'Mã',
        class: 'col-code',
        cell: (i) => [(i.task.code ?? '—').split(':').pop(), h('span', { class: 'muted small block' }, i.ref)],
      },
      {
        label: 'Loại',
        cell: (i) =>
          select('kind', Object.entries(TASK_KIND), i.task.kind, {
            'aria-label': `Loại, mục ${i.task.code}`,
            'data-edit': 'kind',
          }),
      },
      {
        label: 'Nội dung',
        class: 'col-title',
        cell: (i) => [
          rowField(
            all.indexOf(i),
            'title',
            h('textarea', { name: 'title', rows: 3, 'aria-label': `Nội dung, mục ${i.task.code}`, 'data-edit': 'title' }, i.task.title),
          ),
          ocrNote(i),
        ],
      },
      {
        label: 'Cơ quan chủ trì',
        cell: (i) => {
          const lead = select('leadAgencyId', options, i.task.leadAgency?.id ?? '', {
            'aria-label': `Cơ quan chủ trì, mục ${i.task.code}`,
            'data-edit': 'leadAgencyId',
          });
          const suggested = (i.leadGroup?.members ?? []).slice(0, 12);
          return [
            rowField(all.indexOf(i), 'leadAgencyId', lead),
            i.leadGroup
              ? h('button', { type: 'button', class: 'btn btn-secondary btn-small split', onclick: () => onSplit(i) }, `Tách thành ${formatNumber(i.leadGroup.members.length)} nhiệm vụ, mỗi cơ quan một nhiệm vụ`)
              : null,
            suggested.length
              ? h(
                  'div',
                  { class: 'suggestions', 'aria-label': `Gợi ý cơ quan chủ trì (${i.leadGroup.name})` },
                  h('span', { class: 'muted small' }, `${i.leadGroup.name}: `),
                  suggested.map((a) =>
                    h(
                      'button',
                      {
                        type: 'button',
                        class: 'chip',
                        'data-agency': a.id,
                        onclick: () => ((lead.value = String(a.id)), lead.dispatchEvent(new window.Event('change'))),
                      },
                      a.name,
                    ),
                  ),
                )
              : null,
          ];
        },
      },
      {
        label: 'Cơ quan phối hợp',
        cell: (i) =>
          h(
            'select',
            {
              name: 'coordinatingAgencyIds',
              multiple: true,
              size: 3,
              'aria-label': `Cơ quan phối hợp, mục ${i.task.code}`,
              'data-edit': 'coordinatingAgencyIds',
            },
            agencies.map((a) =>
              h('option', { value: a.id, selected: i.task.coordinatingAgencies.some((c) => c.id === a.id) }, a.name),
            ),
          ),
      },
      {
        label: 'Thời hạn',
        class: 'col-date',
        cell: (i) => [
          rowField(all.indexOf(i), 'dueDate', dateInput('dueDate', i.task.dueDate, { 'aria-label': `Hạn hoàn thành, mục ${i.task.code}`, 'data-edit': 'dueDate', size: 10 })),
          h('input', {
            type: 'text',
            name: 'dueText',
            value: i.task.dueText ?? '',
            placeholder: 'Cách ghi trong văn bản',
            'aria-label': `Thời hạn như văn bản ghi, mục ${i.task.code}`,
            'data-edit': 'dueText',
          }),
        ],
      },
      {
        label: 'Cấp trình',
        cell: (i) =>
          h('input', {
            type: 'text',
            name: 'submitTo',
            value: i.task.submitTo ?? '',
            'aria-label': `Cấp trình, mục ${i.task.code}`,
            'data-edit': 'submitTo',
            size: 10,
          }),
      },
      { label: 'Lỗi, cảnh báo', class: 'col-issues', cell: issueList },
    ],
    shown,
    {
      caption: 'Các mục trong tệp (sửa trực tiếp trước khi ghi)',
      rowClass: (i) => (i.errors.length ? 'row-error' : i.warnings.length ? 'row-warning' : null),
      rowAttrs: (i) => ({ 'data-index': String(all.indexOf(i)) }),
    },
  );
}

/** What is on screen, item by item (rows not shown keep what the file gave); problems name the row's field. */
function readEdits(root, all) {
  const items = all.map((i) => ({
    code: i.task.code,
    title: i.task.title,
    description: i.task.description,
    kind: i.task.kind,
    leadAgencyId: i.task.leadAgency?.id ?? null,
    coordinatingAgencyIds: i.task.coordinatingAgencies.map((a) => a.id),
    dueDate: i.task.dueDate,
    dueText: i.task.dueText,
    submitTo: i.task.submitTo,
    outputForm: i.task.outputForm,
    leaderInCharge: i.task.leaderInCharge,
    sourceDocument: i.task.sourceDocument,
    provided: [...(i.provided ?? [])],
  }));
  /** Dates typed that are no day ("31/6/2025"): index → what was typed. */
  const badDates = new Map();
  for (const row of root.querySelectorAll('tr[data-index]')) {
    const item = items[Number(row.dataset.index)];
    const get = (name) => row.querySelector(`[data-edit="${name}"]`);
    item.kind = get('kind').value;
    item.title = get('title').value.trim();
    item.leadAgencyId = get('leadAgencyId').value ? Number(get('leadAgencyId').value) : null;
    item.coordinatingAgencyIds = [...get('coordinatingAgencyIds').selectedOptions]
      .map((o) => Number(o.value))
      .filter((id) => id !== item.leadAgencyId);
    const typed = get('dueDate').value.trim();
    const due = parseDate(typed);
    if (due === undefined) badDates.set(Number(row.dataset.index), typed);
    else item.dueDate = due;
    item.dueText = get('dueText').value.trim() || null;
    item.submitTo = get('submitTo').value.trim() || null;
    // What the clerk changed is written too (on a re-import only the file's fields are).
    const before = all[Number(row.dataset.index)].task;
    const changed = {
      title: item.title !== before.title,
      kind: item.kind !== before.kind,
      leadAgencyId: item.leadAgencyId !== (before.leadAgency?.id ?? null),
      coordinatingAgencyIds: item.coordinatingAgencyIds.join() !== before.coordinatingAgencies.map((a) => a.id).join(),
      dueDate: item.dueDate !== before.dueDate,
      dueText: item.dueText !== before.dueText,
      submitTo: item.submitTo !== before.submitTo,
    };
    for (const [k, v] of Object.entries(changed)) if (v && !item.provided.includes(k)) item.provided.push(k);
  }
  const problems = [];
  items.forEach((item, idx) => {
    if (!item.code) problems.push({ field: `items[${idx}].code`, message: `Mục ${idx + 1}: thiếu số thứ tự` });
    if (!item.title)
      problems.push({ field: `items[${idx}].title`, message: `Mục ${item.code ?? idx + 1}: thiếu nội dung` });
    if (!item.leadAgencyId)
      problems.push({
        field: `items[${idx}].leadAgencyId`,
        message: `Mục ${item.code ?? idx + 1}: chưa chọn cơ quan chủ trì`,
      });
    if (badDates.has(idx))
      problems.push({
        field: `items[${idx}].dueDate`,
        message: `Mục ${item.code ?? idx + 1}: hạn hoàn thành “${badDates.get(idx)}”: ${MESSAGES.invalidDate}`,
      });
    else if (item.dueText && !item.dueDate)
      problems.push({
        field: `items[${idx}].dueDate`,
        message: `Mục ${item.code ?? idx + 1}: có thời hạn “${item.dueText}” nhưng chưa có ngày hạn`,
      });
  });
  return { items, problems };
}
