// @ts-check
// The task page: details, coordinating agencies, progress update (PATCH with version), requests
// for extension / withdrawal / deferral, and the history of changes.

import { api } from '../api.js';
import {
  confirmDialog,
  dateInput,
  loadError,
  pageHeader,
  progressBar,
  requestStatusBadge,
  staleNotice,
  statusBadge,
  table,
  timelinessBadge,
} from '../components.js';
import { allAgencies, allPrograms } from '../directory.js';
import { announce, busy, clearErrors, field, h, loading, notice, replace, select, setTitle, showErrors } from '../dom.js';
import { deadlineNote, formatDate, formatDateTime, parseDate } from '../format.js';
import { HISTORY_ACTION, label, MESSAGES, REQUEST_TYPE, TASK_FIELD, TASK_KIND, TASK_ORIGIN, TASK_STATUS } from '../i18n.js';
import { can } from '../session.js';

const OPEN = ['new', 'in_progress', 'submitted'];
const TRANSITIONS = {
  new: ['in_progress', 'submitted', 'done'],
  in_progress: ['submitted', 'done'],
  submitted: ['done', 'in_progress'],
  done: [],
  withdrawn: [],
  deferred: [],
};

/** Statuses the user may move the task to (the API checks them again). */
function nextStatuses(status, office) {
  const list = [...(TRANSITIONS[status] ?? [])];
  if (office && OPEN.includes(status)) list.push('withdrawn', 'deferred');
  if (office && ['done', 'withdrawn', 'deferred'].includes(status)) list.push('in_progress');
  return list;
}

/** What a status change means, asked before it is saved (null: no question). */
function confirmation(from, to) {
  if (to === 'done') return { title: 'Xác nhận hoàn thành', message: 'Nhiệm vụ sẽ được đánh dấu "Đã hoàn thành" và không còn được nhắc hạn. Chỉ Văn phòng UBND tỉnh có thể mở lại.', confirmLabel: 'Đánh dấu hoàn thành' };
  if (to === 'withdrawn') return { title: 'Xác nhận rút nhiệm vụ', message: 'Nhiệm vụ sẽ được rút khỏi chương trình (vẫn tính vào cột xin chuyển, xin rút của kỳ có thời hạn) và không còn được nhắc hạn.', confirmLabel: 'Rút nhiệm vụ' };
  if (to === 'deferred') return { title: 'Xác nhận chuyển kỳ sau', message: 'Nhiệm vụ sẽ được chuyển sang kỳ sau và không còn được nhắc hạn trong kỳ này.', confirmLabel: 'Chuyển kỳ sau' };
  if (['done', 'withdrawn', 'deferred'].includes(from) && to === 'in_progress')
    return { title: 'Xác nhận mở lại nhiệm vụ', message: 'Nhiệm vụ sẽ được mở lại, tiếp tục theo dõi và nhắc hạn; các cơ quan liên quan sẽ được thông báo.', confirmLabel: 'Mở lại nhiệm vụ' };
  return null;
}

/** "31/12/2026 — gia hạn từ 30/11/2024 (tháng 11/2024)": the current date first, then where it came from. */
export function dueLine(task) {
  if (!task.dueDate) return ['Thường xuyên', task.dueText ? ` (${task.dueText})` : ''];
  const from = task.extendedFromDate
    ? ` — gia hạn từ ${formatDate(task.extendedFromDate)}${task.extendedFromText ? ` (${task.extendedFromText})` : ''}`
    : task.dueText
      ? ` (${task.dueText})`
      : '';
  return [formatDate(task.dueDate), from];
}

/** @typedef {import('../../types/web').Schemas} Schemas */

/** @param {import('../../types/web').ViewContext} ctx @param {string | null} [flash] a message of the change just made */
export async function render(ctx, flash = null) {
  const { main, params, user } = ctx;
  setTitle('Chi tiết nhiệm vụ');
  replace(main, loading());
  /** @type {Schemas['TaskResponseDto']} */
  let task;
  try {
    task = await api.get(`/tasks/${encodeURIComponent(params.id)}`);
  } catch (err) {
    setTitle('Không tìm thấy nhiệm vụ');
    replace(main, loadError(err, { notFound: MESSAGES.notFoundTask }));
    return;
  }
  const office = can.manageTasks(user);
  const leads = user.role === 'agency' && task.leadAgencyId === user.agencyId;
  const coordinates = user.role === 'agency' && !leads;
  const canUpdate = office || (leads && !['withdrawn', 'deferred'].includes(task.status));
  const showRequests = office || leads || can.approve(user);

  /** @type {[Schemas['TaskHistoryResponseDto'][], Schemas['TaskRequestResponseDto'][], Schemas['AgencyResponseDto'][], Schemas['ProgramResponseDto'][]]} */
  const [history, requests, agencies, programs] = await Promise.all([
    api.get(`/tasks/${task.id}/history`, { limit: 500 }).then((r) => r.items).catch(() => []),
    showRequests ? api.get('/requests', { taskId: task.id, limit: 50 }).then((r) => r.items).catch(() => []) : [],
    allAgencies().catch(() => []),
    task.programId ? allPrograms().catch(() => []) : [],
  ]);
  /** @type {Schemas['TaskFileResponseDto'][]} */
  const files = await api.get(`/tasks/${task.id}/files`, { limit: 500 }).then((r) => r.items).catch(() => []);
  const program = programs.find((p) => p.id === task.programId);
  // One request at a time: while one waits, the task says so and no new one is offered.
  const pending = requests.find((r) => r.status === 'pending');
  const canRequest = leads && OPEN.includes(task.status) && !pending;
  setTitle(task.code ? `${task.code} – ${task.title}` : task.title);

  const rerender = (message) => render(ctx, message);

  replace(
    main,
    h('p', { class: 'breadcrumb' }, h('a', { href: '/app/tasks' }, user.role === 'agency' ? '‹ Nhiệm vụ của đơn vị' : '‹ Danh sách nhiệm vụ')),
    pageHeader(task.title, {
      subtitle: h(
        'span',
        { class: 'badges' },
        task.code ? h('span', { class: 'code' }, `Mã ${task.code}`) : null,
        statusBadge(task.status),
        timelinessBadge(task.timeliness),
        task.timeliness === 'overdue' ? h('span', { class: 'text-danger strong' }, deadlineNote(task)) : null,
      ),
      actions: office ? h('a', { class: 'btn btn-secondary', href: `/app/tasks/${task.id}/edit` }, 'Sửa nhiệm vụ') : null,
    }),
    flash ? notice('success', flash) : null,
    pending ? pendingNotice(pending) : null,
    coordinates ? notice('info', `Đơn vị bạn là cơ quan phối hợp của nhiệm vụ này: chỉ được xem. Cơ quan chủ trì: ${task.leadAgency.name}.`) : null,
    h(
      'div',
      { class: 'detail-grid' },
      h('section', { class: 'card', 'aria-labelledby': 'info-title' }, h('h2', { id: 'info-title' }, 'Thông tin nhiệm vụ'), details(task, program)),
      canUpdate ? updateSection(task, office, rerender) : null,
    ),
    filesSection(task, files, office || leads, rerender),
    canRequest ? requestSection(task, rerender) : null,
    showRequests ? requestsSection(requests, can.approve(user)) : null,
    historySection(history, agencies, programs, requests),
  );
}

function details(task, program) {
  const row = (term, value) => (value === null || value === undefined || value === '' ? null : [h('dt', null, term), h('dd', null, value)]);
  const due = [
    ...dueLine(task),
    task.dueDate && task.effectiveDueDate && task.effectiveDueDate !== task.dueDate
      ? h('span', { class: 'muted small block' }, `Trùng ngày nghỉ, hạn tính sang ${formatDate(task.effectiveDueDate)}`)
      : null,
  ];
  return h(
    'dl',
    { class: 'details' },
    row('Loại', label(TASK_KIND, task.kind)),
    row('Chương trình', program ? `${program.code} – ${program.title}` : task.programId ? `#${task.programId}` : 'Giao ngoài chương trình'),
    row('Văn bản giao nhiệm vụ', task.sourceDocument),
    row('Cơ quan chủ trì', task.leadAgency?.name),
    row(
      'Cơ quan phối hợp',
      task.coordinatingAgencies.length ? h('ul', { class: 'plain-list' }, task.coordinatingAgencies.map((a) => h('li', null, a.name))) : 'Không có',
    ),
    row('Ngày giao', formatDate(task.assignedAt)),
    row('Thời hạn', due),
    row('Nguồn giao', label(TASK_ORIGIN, task.origin)),
    row('Lãnh đạo phụ trách', task.leaderInCharge),
    row('Hình thức văn bản', task.outputForm),
    row('Cấp trình', task.submitTo),
    row('Tiến độ', progressBar(task.progress)),
    row('Ngày hoàn thành', task.completedAt ? formatDate(task.completedAt) : null),
    row('Văn bản kết quả', resultLine(task)),
    row('Ghi chú', task.note),
    row('Mô tả', task.description ? h('span', { class: 'pre-wrap' }, task.description) : null),
  );
}

/** "Quyết định số 2150/QĐ-UBND ngày 20/11/2026 của UBND tỉnh: trích yếu", from the structured fields and/or the free text. */
function resultLine(task) {
  const parts = [];
  if (task.resultNumber) parts.push(`Số ${task.resultNumber}`);
  if (task.resultIssuedAt) parts.push(`ngày ${formatDate(task.resultIssuedAt)}`);
  if (task.resultIssuer) parts.push(`của ${task.resultIssuer}`);
  const structured = parts.join(' ') + (task.resultSummary ? `${parts.length ? ': ' : ''}${task.resultSummary}` : '');
  if (structured && task.resultDocument) return [structured, h('span', { class: 'muted small block' }, task.resultDocument)];
  return structured || task.resultDocument || null;
}

function updateSection(task, office, rerender) {
  const statuses = [task.status, ...nextStatuses(task.status, office)];
  const submit = h('button', { type: 'submit', class: 'btn btn-primary' }, 'Lưu cập nhật');
  const status = select('status', statuses.map((s) => [s, label(TASK_STATUS, s)]), task.status);
  const form = h(
    'form',
    { class: 'form', novalidate: true, 'aria-labelledby': 'update-title' },
    field({ label: 'Trạng thái', name: 'status', control: status }),
    field({ label: 'Tiến độ (%)', name: 'progress', type: 'number', value: task.progress, attrs: { min: 0, max: 100, step: 1, inputmode: 'numeric' } }),
    h(
      'fieldset',
      { class: 'field result-fields', dataset: { field: 'result' } },
      h('legend', null, 'Văn bản kết quả'),
      h('p', { class: 'hint' }, 'Bắt buộc khi hoàn thành đề án: ít nhất số, ký hiệu (hoặc ghi đầy đủ ở ô cuối).'),
      field({ label: 'Số, ký hiệu', name: 'resultNumber', value: task.resultNumber ?? '', attrs: { maxlength: 100, placeholder: '2150/QĐ-UBND' } }),
      field({ label: 'Ngày ban hành', name: 'resultIssuedAt', control: dateInput('resultIssuedAt', task.resultIssuedAt), hint: 'dd/mm/yyyy' }),
      field({ label: 'Trích yếu', name: 'resultSummary', type: 'textarea', value: task.resultSummary ?? '', attrs: { maxlength: 1000, rows: 2 } }),
      field({ label: 'Cơ quan ban hành', name: 'resultIssuer', value: task.resultIssuer ?? '', attrs: { maxlength: 255, placeholder: 'UBND tỉnh' } }),
      field({
        label: 'Ghi đầy đủ (tùy chọn)',
        name: 'resultDocument',
        value: task.resultDocument ?? '',
        hint: 'Ví dụ: Quyết định số 1234/QĐ-UBND ngày 20/6/2024 của UBND tỉnh',
        attrs: { maxlength: 500 },
      }),
    ),
    field({
      label: 'Ngày hoàn thành',
      name: 'completedAt',
      control: dateInput('completedAt', task.completedAt),
      hint: 'dd/mm/yyyy; để trống khi hoàn thành hôm nay',
    }),
    field({ label: 'Ghi chú tiến độ', name: 'note', type: 'textarea', value: task.note ?? '', attrs: { maxlength: 10000 } }),
    field({
      label: 'Ý kiến (ghi vào lịch sử)',
      name: 'comment',
      value: '',
      hint: office ? 'Bắt buộc khi rút, chuyển kỳ sau hoặc mở lại nhiệm vụ.' : null,
      attrs: { maxlength: 2000 },
    }),
    submit,
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    clearErrors(form);
    const body = { version: task.version };
    const local = [];
    if (form.elements.status.value !== task.status) body.status = form.elements.status.value;
    const progress = form.elements.progress.value.trim();
    if (progress !== String(task.progress)) {
      const n = Number(progress);
      if (progress === '' || !Number.isInteger(n) || n < 0 || n > 100) local.push({ field: 'progress', message: 'Tiến độ là số nguyên từ 0 đến 100' });
      else body.progress = n;
    }
    const result = form.elements.resultDocument.value.trim();
    if (result !== (task.resultDocument ?? '')) body.resultDocument = result || null;
    for (const name of ['resultNumber', 'resultSummary', 'resultIssuer']) {
      const v = form.elements[name].value.trim();
      if (v !== (task[name] ?? '')) body[name] = v || null;
    }
    const issued = parseDate(form.elements.resultIssuedAt.value);
    if (issued === undefined) local.push({ field: 'resultIssuedAt', message: MESSAGES.invalidDate });
    else if (issued !== (task.resultIssuedAt ?? null)) body.resultIssuedAt = issued;
    const completed = parseDate(form.elements.completedAt.value);
    if (completed === undefined) local.push({ field: 'completedAt', message: MESSAGES.invalidDate });
    else if (completed !== (task.completedAt ?? null) && !(completed === null && body.status === 'done')) body.completedAt = completed;
    const note = form.elements.note.value.trim();
    if (note !== (task.note ?? '')) body.note = note || null;
    const comment = form.elements.comment.value.trim();
    if (comment) body.comment = comment;
    if (local.length) {
      showErrors(form, { message: 'Dữ liệu chưa hợp lệ', details: local });
      return;
    }
    if (Object.keys(body).length === 1 || (Object.keys(body).length === 2 && body.comment)) {
      form.prepend(notice('info', 'Chưa có thay đổi nào để lưu.'));
      return;
    }
    const ask = body.status ? confirmation(task.status, body.status) : null;
    void (async () => {
      if (ask && !(await confirmDialog(ask))) return;
      await save(body);
    })();
  });
  const save = (body) =>
    busy(
      submit,
      async () => {
        try {
          await api.patch(`/tasks/${task.id}`, body);
          announce(MESSAGES.saved);
          await rerender(MESSAGES.saved);
        } catch (err) {
          if (err.isStale) {
            clearErrors(form);
            form.querySelectorAll('.notice').forEach((n) => n.remove());
            const box = staleNotice();
            box.classList.add('error-summary');
            form.prepend(box);
            box.setAttribute('tabindex', '-1');
            box.focus();
          } else showErrors(form, err, { aliases: { resultDocument: 'resultNumber' } });
        }
      },
      MESSAGES.saving,
    );
  return h('section', { class: 'card', 'aria-labelledby': 'update-title' }, h('h2', { id: 'update-title' }, 'Cập nhật tiến độ'), form);
}

function requestSection(task, rerender) {
  const submit = h('button', { type: 'submit', class: 'btn' }, 'Gửi đề nghị');
  const proposed = field({
    label: 'Thời hạn đề nghị',
    name: 'proposedDueDate',
    control: dateInput('proposedDueDate', null),
    hint: `dd/mm/yyyy; sau thời hạn hiện tại${task.dueDate ? ` (${formatDate(task.dueDate)})` : ''}`,
  });
  const types = h(
    'fieldset',
    { class: 'field', dataset: { field: 'type' } },
    h('legend', null, 'Loại đề nghị'),
    Object.entries(REQUEST_TYPE).map(([value, text], i) =>
      h('label', { class: 'choice' }, h('input', { type: 'radio', name: 'type', value, checked: i === 0 }), ` ${text}`),
    ),
  );
  const form = h(
    'form',
    { class: 'form', novalidate: true, 'aria-labelledby': 'request-title' },
    types,
    proposed,
    field({ label: 'Lý do', name: 'reason', type: 'textarea', required: true, attrs: { maxlength: 2000 } }),
    field({ label: 'Tài liệu kèm theo (tùy chọn)', name: 'evidence', type: 'file', hint: 'PDF, DOCX, XLSX hoặc ảnh', attrs: { accept: ACCEPT } }),
    submit,
  );
  const sync = () => (proposed.hidden = form.querySelector('input[name=type]:checked')?.value !== 'extension');
  types.addEventListener('change', sync);
  sync();
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    clearErrors(form);
    const type = form.querySelector('input[name=type]:checked')?.value;
    const body = { type, reason: form.elements.reason.value.trim() };
    const local = [];
    if (!body.reason) local.push({ field: 'reason', message: MESSAGES.required });
    if (type === 'extension') {
      const d = parseDate(form.elements.proposedDueDate.value);
      if (d === undefined) local.push({ field: 'proposedDueDate', message: MESSAGES.invalidDate });
      else if (d === null) local.push({ field: 'proposedDueDate', message: 'Nhập thời hạn đề nghị gia hạn' });
      else body.proposedDueDate = d;
    }
    if (local.length) {
      showErrors(form, { message: 'Dữ liệu chưa hợp lệ', details: local });
      return;
    }
    void busy(submit, async () => {
      try {
        const created = await api.post(`/tasks/${task.id}/requests`, body);
        const evidence = form.elements.evidence.files[0];
        if (evidence) {
          const fd = new FormData();
          fd.append('purpose', 'evidence');
          fd.append('requestId', String(created.id));
          fd.append('file', evidence, evidence.name);
          try {
            await api.upload(`/tasks/${task.id}/files`, fd);
          } catch (err) {
            await rerender(null);
            document.querySelector('#main')?.prepend(notice('error', `Đề nghị đã gửi nhưng chưa đính kèm được tệp: ${err.message}`));
            return;
          }
        }
        await rerender(`Đã gửi đề nghị ${label(REQUEST_TYPE, type).toLowerCase()}; Văn phòng UBND tỉnh sẽ xem xét.`);
      } catch (err) {
        showErrors(form, err);
      }
    });
  });
  return h(
    'section',
    { class: 'card', 'aria-labelledby': 'request-title' },
    h('h2', { id: 'request-title' }, 'Đề nghị gia hạn, xin rút, xin chuyển'),
    h('details', { class: 'disclosure' }, h('summary', null, 'Soạn đề nghị'), form),
  );
}

const PURPOSE = { result: 'Văn bản kết quả', evidence: 'Tài liệu kèm đề nghị' };
const ACCEPT = '.pdf,.docx,.xlsx,.png,.jpg,.jpeg,.webp';

function fileSize(bytes) {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1).replace('.', ',')} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

/** The task's files (download with the session) and, for the lead agency and the office, an upload. */
function filesSection(task, files, canAttach, rerender) {
  const list = files.length
    ? h(
        'ul',
        { class: 'file-list' },
        files.map((f) => {
          const link = h('a', { href: `/api/files/${f.id}`, class: 'file-name' }, f.fileName);
          link.addEventListener('click', (e) => {
            e.preventDefault();
            void api.download(`/files/${f.id}`, f.fileName);
          });
          return h('li', null, link, h('span', { class: 'muted small block' }, `${PURPOSE[f.purpose] ?? f.purpose} · ${fileSize(f.size)} · ${formatDateTime(f.createdAt)}`));
        }),
      )
    : h('p', { class: 'empty' }, 'Chưa có tệp nào.');
  let form = null;
  if (canAttach) {
    const submit = h('button', { type: 'submit', class: 'btn btn-secondary' }, 'Tải lên');
    form = h(
      'form',
      { class: 'form', novalidate: true },
      field({ label: 'Tệp văn bản kết quả', name: 'file', type: 'file', hint: 'PDF, DOCX, XLSX hoặc ảnh (PNG, JPEG, WEBP)', attrs: { accept: ACCEPT } }),
      submit,
    );
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      clearErrors(form);
      const file = form.elements.file.files[0];
      if (!file) {
        showErrors(form, { message: 'Chưa chọn tệp', details: [{ field: 'file', message: 'Chọn tệp cần tải lên' }] });
        return;
      }
      const fd = new FormData();
      fd.append('purpose', 'result');
      fd.append('file', file, file.name);
      void busy(submit, async () => {
        try {
          await api.upload(`/tasks/${task.id}/files`, fd);
          await rerender(`Đã tải lên tệp "${file.name}".`);
        } catch (err) {
          showErrors(form, err);
        }
      });
    });
  }
  return h('section', { class: 'card', 'aria-labelledby': 'files-title' }, h('h2', { id: 'files-title' }, 'Tệp đính kèm'), list, form);
}

function pendingNotice(r) {
  const what =
    r.type === 'extension' && r.proposedDueDate
      ? `Đề nghị gia hạn đến ngày ${formatDate(r.proposedDueDate)}`
      : `Đề nghị ${label(REQUEST_TYPE, r.type).toLowerCase()}`;
  return notice(
    'warning',
    h('strong', null, `${what} đang chờ xử lý`),
    ` (gửi lúc ${formatDateTime(r.createdAt)}${r.requestedBy?.fullName ? ` bởi ${r.requestedBy.fullName}` : ''}). `,
    'Chưa thể gửi đề nghị mới cho đến khi đề nghị này được xử lý.',
  );
}

function requestsSection(requests, approver) {
  return h(
    'section',
    { class: 'card', 'aria-labelledby': 'requests-title' },
    h('h2', { id: 'requests-title' }, 'Các đề nghị'),
    requests.length
      ? table(
          [
            { label: 'Loại', cell: (r) => label(REQUEST_TYPE, r.type) },
            { label: 'Lý do', cell: (r) => r.reason },
            { label: 'Thời hạn đề nghị', cell: (r) => (r.proposedDueDate ? formatDate(r.proposedDueDate) : '—') },
            { label: 'Trạng thái', cell: (r) => requestStatusBadge(r.status) },
            { label: 'Người gửi', cell: (r) => [r.requestedBy?.fullName ?? '', h('span', { class: 'muted small block' }, formatDateTime(r.createdAt))] },
            { label: 'Ý kiến xử lý', cell: (r) => (r.decisionComment ? [r.decisionComment, h('span', { class: 'muted small block' }, r.decidedBy?.fullName ?? '')] : '—') },
          ],
          requests,
          { caption: 'Các đề nghị của nhiệm vụ' },
        )
      : h('p', { class: 'empty' }, 'Chưa có đề nghị nào.'),
    approver && requests.some((r) => r.status === 'pending') ? h('p', null, h('a', { href: '/app/approvals' }, 'Xử lý đề nghị tại trang Phê duyệt ›')) : null,
  );
}

function historyValue(fieldName, value, agencies, programs) {
  if (value === null || value === undefined || value === '') return '(trống)';
  const agencyName = (id) => agencies.find((a) => a.id === Number(id))?.name ?? `#${id}`;
  switch (fieldName) {
    case 'status':
      return label(TASK_STATUS, value);
    case 'kind':
      return label(TASK_KIND, value);
    case 'origin':
      return label(TASK_ORIGIN, value);
    case 'progress':
      return `${value}%`;
    case 'dueDate':
    case 'effectiveDueDate':
    case 'assignedAt':
    case 'completedAt':
    case 'resultIssuedAt':
    case 'proposedDueDate':
      return formatDate(value);
    case 'leadAgencyId':
      return agencyName(value);
    case 'coordinatingAgencyIds':
      return (String(value).match(/\d+/g) ?? []).map(agencyName).join('; ') || '(không có)';
    case 'programId':
      return programs.find((p) => p.id === Number(value))?.code ?? `#${value}`;
    default:
      return String(value);
  }
}

/** The history rows of requests still waiting (newest row of each pending request). */
function pendingRows(history, requests) {
  const rows = new Set();
  for (const r of requests.filter((x) => x.status === 'pending')) {
    const to = r.type === 'extension' ? r.proposedDueDate : r.type === 'withdrawal' ? 'withdrawn' : 'deferred';
    const row = history.find((x) => x.action === 'request' && x.toValue === to && !rows.has(x));
    if (row) rows.add(row);
  }
  return rows;
}

function historySection(history, agencies, programs, requests = []) {
  const waiting = pendingRows(history, requests);
  return h(
    'section',
    { class: 'card', 'aria-labelledby': 'history-title' },
    h('h2', { id: 'history-title' }, 'Lịch sử thay đổi'),
    history.length
      ? table(
          [
            { label: 'Thời gian', class: 'col-date', cell: (x) => formatDateTime(x.at) },
            { label: 'Người thực hiện', cell: (x) => x.userName ?? 'Hệ thống' },
            {
              label: 'Thao tác',
              cell: (x) => [label(HISTORY_ACTION, x.action), waiting.has(x) ? h('span', { class: 'badge badge-request-pending block' }, 'đang chờ xử lý') : null],
            },
            {
              label: 'Nội dung thay đổi',
              cell: (x) =>
                x.field
                  ? [
                      h('strong', null, label(TASK_FIELD, x.field)),
                      ': ',
                      x.fromValue !== null && x.action !== 'create' ? [historyValue(x.field, x.fromValue, agencies, programs), ' → '] : null,
                      historyValue(x.field, x.toValue, agencies, programs),
                    ]
                  : '—',
            },
            { label: 'Ý kiến', cell: (x) => x.comment ?? '' },
          ],
          history,
          { caption: 'Lịch sử thay đổi' },
        )
      : h('p', { class: 'empty' }, 'Chưa có thay đổi nào.'),
  );
}
