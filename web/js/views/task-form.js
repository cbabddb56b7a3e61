// @ts-check
// Giao nhiệm vụ / sửa nhiệm vụ (office, admin): POST /api/tasks, PATCH /api/tasks/:id with version.

import { api } from '../api.js';
import { dateInput, loadError, pageHeader, staleNotice } from '../components.js';
import { agencyOptions, allAgencies, allPrograms, programOptions } from '../directory.js';
import { busy, clearErrors, field, h, loading, replace, select, setTitle, showErrors } from '../dom.js';
import { parseDate, todayLocal } from '../format.js';
import { MESSAGES, TASK_KIND, TASK_ORIGIN } from '../i18n.js';
import { navigate } from '../router.js';

const TEXT_FIELDS = ['code', 'dueText', 'sourceDocument', 'outputForm', 'submitTo', 'leaderInCharge', 'description'];

/** @param {import('../../types/web').ViewContext} ctx */
export async function render({ main, params }) {
  const editing = !!params.id;
  const title = editing ? 'Sửa nhiệm vụ' : 'Giao nhiệm vụ';
  setTitle(title);
  replace(main, pageHeader(title), loading());
  let task = null;
  let agencies;
  let programs;
  try {
    [task, agencies, programs] = await Promise.all([
      editing ? api.get(`/tasks/${encodeURIComponent(params.id)}`) : null,
      allAgencies(),
      allPrograms(),
    ]);
  } catch (err) {
    replace(main, loadError(err, { notFound: MESSAGES.notFoundTask }));
    return;
  }
  const active = agencies.filter((a) => a.active || a.id === task?.leadAgencyId);
  const coordinating = new Set((task?.coordinatingAgencies ?? []).map((a) => a.id));
  const submit = h('button', { type: 'submit', class: 'btn btn-primary' }, editing ? 'Lưu thay đổi' : 'Giao nhiệm vụ');
  const recurring = h('input', { type: 'checkbox', name: 'recurring', id: 'recurring', checked: editing && !task.dueDate });
  const due = field({ label: 'Thời hạn', name: 'dueDate', control: dateInput('dueDate', task?.dueDate), hint: 'dd/mm/yyyy' });

  const filter = h('input', { type: 'search', id: 'coord-filter', placeholder: 'Lọc theo tên…', 'aria-controls': 'coord-list' });
  const coordList = h(
    'div',
    { class: 'checklist', id: 'coord-list' },
    active.map((a) =>
      h(
        'label',
        { class: 'choice', dataset: { name: a.name.toLowerCase() } },
        h('input', { type: 'checkbox', name: 'coordinatingAgencyIds', value: a.id, checked: coordinating.has(a.id) }),
        ` ${a.name}`,
      ),
    ),
  );
  filter.addEventListener('input', () => {
    const f = filter.value.trim().toLowerCase();
    coordList.querySelectorAll('label').forEach((l) => (l.hidden = !!f && !(l.dataset.name ?? '').includes(f)));
  });

  const form = h(
    'form',
    { class: 'form form-grid', novalidate: true },
    field({ label: 'Nội dung', name: 'title', type: 'textarea', value: task?.title, required: true, wide: true, attrs: { maxlength: 2000 } }),
    field({ label: 'Loại', name: 'kind', control: select('kind', Object.entries(TASK_KIND), task?.kind ?? 'task') }),
    field({ label: 'Nguồn giao', name: 'origin', control: select('origin', Object.entries(TASK_ORIGIN), task?.origin ?? 'added') }),
    field({
      label: 'Chương trình công tác',
      name: 'programId',
      control: select('programId', programOptions(programs, { empty: 'Giao ngoài chương trình' }), task?.programId ?? ''),
    }),
    field({ label: 'Mã nhiệm vụ', name: 'code', value: task?.code, hint: 'Số thứ tự trong chương trình, ví dụ B.2.3', attrs: { maxlength: 64 } }),
    field({
      label: 'Cơ quan chủ trì',
      name: 'leadAgencyId',
      required: true,
      control: select('leadAgencyId', agencyOptions(active, { empty: '— Chọn cơ quan —' }), task?.leadAgencyId ?? ''),
    }),
    h(
      'fieldset',
      { class: 'field field-wide', dataset: { field: 'coordinatingAgencyIds' } },
      h('legend', null, 'Cơ quan phối hợp'),
      h('label', { for: 'coord-filter', class: 'visually-hidden' }, 'Lọc cơ quan phối hợp'),
      filter,
      coordList,
    ),
    field({ label: 'Ngày giao', name: 'assignedAt', control: dateInput('assignedAt', task?.assignedAt ?? todayLocal()), hint: 'dd/mm/yyyy' }),
    h('div', { class: 'field-group' }, due, h('label', { class: 'choice', for: 'recurring' }, recurring, ' Thường xuyên (không có thời hạn)')),
    field({ label: 'Thời hạn theo văn bản', name: 'dueText', value: task?.dueText, hint: 'Ví dụ: Quý II/2024', attrs: { maxlength: 255 } }),
    field({ label: 'Văn bản giao nhiệm vụ', name: 'sourceDocument', value: task?.sourceDocument, wide: true, attrs: { maxlength: 500 } }),
    field({ label: 'Hình thức văn bản', name: 'outputForm', value: task?.outputForm, hint: 'Quyết định, Tờ trình, Báo cáo…', attrs: { maxlength: 100 } }),
    field({ label: 'Cấp trình', name: 'submitTo', value: task?.submitTo, hint: 'UBND tỉnh, HĐND tỉnh…', attrs: { maxlength: 100 } }),
    field({ label: 'Lãnh đạo phụ trách', name: 'leaderInCharge', value: task?.leaderInCharge, wide: true, attrs: { maxlength: 255 } }),
    field({ label: 'Mô tả', name: 'description', type: 'textarea', value: task?.description, wide: true }),
    editing ? field({ label: 'Ý kiến (ghi vào lịch sử)', name: 'comment', wide: true, attrs: { maxlength: 2000 } }) : null,
    h('div', { class: 'form-actions field-wide' }, submit, h('a', { class: 'btn btn-link', href: editing ? `/app/tasks/${task.id}` : '/app/tasks' }, 'Hủy')),
  );
  const syncRecurring = () => {
    form.elements.dueDate.disabled = recurring.checked;
  };
  recurring.addEventListener('change', syncRecurring);
  syncRecurring();

  form.addEventListener('submit', (e) => {
    e.preventDefault();
    clearErrors(form);
    const local = [];
    const values = {
      title: form.elements.title.value.trim(),
      kind: form.elements.kind.value,
      origin: form.elements.origin.value,
      programId: form.elements.programId.value ? Number(form.elements.programId.value) : null,
      leadAgencyId: form.elements.leadAgencyId.value ? Number(form.elements.leadAgencyId.value) : null,
      coordinatingAgencyIds: [...form.querySelectorAll('input[name=coordinatingAgencyIds]:checked')].map((c) => Number(c.value)),
    };
    for (const k of TEXT_FIELDS) values[k] = form.elements[k].value.trim() || null;
    for (const k of ['assignedAt', 'dueDate']) {
      if (k === 'dueDate' && recurring.checked) {
        values.dueDate = null;
        continue;
      }
      const d = parseDate(form.elements[k].value);
      if (d === undefined) local.push({ field: k, message: MESSAGES.invalidDate });
      else values[k] = d;
    }
    if (!values.title) local.push({ field: 'title', message: MESSAGES.required });
    if (!values.leadAgencyId) local.push({ field: 'leadAgencyId', message: 'Chọn cơ quan chủ trì' });
    if (!recurring.checked && values.dueDate === null) local.push({ field: 'dueDate', message: 'Nhập thời hạn, hoặc chọn "Thường xuyên"' });
    if (local.length) {
      showErrors(form, { message: 'Dữ liệu chưa hợp lệ', details: local });
      return;
    }
    /** @type {Record<string, any>} */
    let body = values;
    if (!values.assignedAt) delete body.assignedAt;
    if (editing) {
      body = { version: task.version };
      const before = { ...task, coordinatingAgencyIds: task.coordinatingAgencies.map((a) => a.id) };
      for (const [k, v] of Object.entries(values)) {
        const old = before[k] ?? null;
        const same = Array.isArray(v) ? [...v].sort().join() === [...old].sort().join() : v === old;
        if (!same) body[k] = v;
      }
      const comment = form.elements.comment.value.trim();
      if (comment) body.comment = comment;
    }
    void busy(submit, async () => {
      try {
        const saved = editing ? await api.patch(`/tasks/${task.id}`, body) : await api.post('/tasks', body);
        await navigate(`/app/tasks/${saved.id}`);
      } catch (err) {
        if (err.isStale) {
          form.prepend(staleNotice());
          return;
        }
        showErrors(form, err);
      }
    });
  });

  replace(main, pageHeader(title, { subtitle: editing ? task.title : 'Các trường có dấu * là bắt buộc' }), h('section', { class: 'card' }, form));
}
