// @ts-check
// Chương trình công tác: the list (every reader), create and edit (office, admin).

import { api } from '../api.js';
import { dateInput, loadError, pageHeader, table } from '../components.js';
import { forgetPrograms } from '../directory.js';
import { busy, clearErrors, field, h, loading, notice, replace, select, setTitle, showErrors } from '../dom.js';
import { formatDate, parseDate, todayLocal } from '../format.js';
import { label, MESSAGES, PROGRAM_PERIOD } from '../i18n.js';
import { can } from '../session.js';

/** @param {import('../../types/web').ViewContext} ctx @param {string | null} [flash] a message of the change just made */
export async function render(ctx, flash = null) {
  const { main, user } = ctx;
  setTitle('Chương trình công tác');
  replace(main, pageHeader('Chương trình công tác'), loading());
  /** @type {import('../../types/web').Schemas['ProgramPageDto']} */
  let page;
  try {
    page = await api.get('/programs', { limit: 200 });
  } catch (err) {
    replace(main, loadError(err));
    return;
  }
  const manage = can.manageTasks(user);
  const formBox = h('div');
  const openForm = (program) => {
    replace(formBox, programForm(program, (message) => render(ctx, message), () => replace(formBox)));
    formBox.querySelector('input, select')?.focus();
  };
  replace(
    main,
    pageHeader('Chương trình công tác', {
      actions: manage ? h('button', { type: 'button', class: 'btn btn-primary', onclick: () => openForm(null) }, 'Thêm chương trình') : null,
    }),
    flash ? notice('success', flash) : null,
    formBox,
    h(
      'section',
      { class: 'card' },
      page.items.length
        ? table(
            [
              { label: 'Mã', class: 'col-code', cell: (p) => p.code },
              { label: 'Tên chương trình', class: 'col-title', cell: (p) => h('a', { href: `/app/tasks?programId=${p.id}&tab=${can.isAgency(user) ? 'open' : 'all'}` }, p.title) },
              { label: 'Năm', cell: (p) => String(p.year) },
              { label: 'Kỳ', cell: (p) => label(PROGRAM_PERIOD, p.period) + (p.periodNumber ? ` ${p.periodNumber}` : '') },
              { label: 'Văn bản ban hành', cell: (p) => [p.issuingDocument ?? '—', p.issuedAt ? h('span', { class: 'muted small block' }, `ngày ${formatDate(p.issuedAt)}`) : null] },
              ...(manage
                ? [{ label: 'Thao tác', cell: (p) => h('button', { type: 'button', class: 'btn btn-small btn-secondary', onclick: () => openForm(p) }, 'Sửa', h('span', { class: 'visually-hidden' }, ` ${p.code}`)) }]
                : []),
            ],
            page.items,
            { caption: 'Chương trình công tác' },
          )
        : h('p', { class: 'empty' }, 'Chưa có chương trình nào.'),
    ),
  );
}

function programForm(program, done, cancel) {
  const editing = !!program;
  const submit = h('button', { type: 'submit', class: 'btn btn-primary' }, editing ? 'Lưu thay đổi' : 'Thêm chương trình');
  const form = h(
    'form',
    { class: 'form form-grid', novalidate: true },
    field({ label: 'Mã chương trình', name: 'code', value: program?.code, required: true, hint: 'Ví dụ: CTCT-2025', attrs: { maxlength: 64 } }),
    field({ label: 'Năm', name: 'year', type: 'number', value: program?.year ?? Number(todayLocal().slice(0, 4)), required: true, attrs: { min: 2000, max: 2100 } }),
    field({ label: 'Tên chương trình', name: 'title', value: program?.title, required: true, wide: true, attrs: { maxlength: 500 } }),
    field({ label: 'Kỳ', name: 'period', control: select('period', Object.entries(PROGRAM_PERIOD), program?.period ?? 'year') }),
    field({ label: 'Số kỳ', name: 'periodNumber', type: 'number', value: program?.periodNumber ?? '', hint: '6 tháng: 1–2, quý: 1–4, tháng: 1–12; để trống với chương trình năm', attrs: { min: 1, max: 12 } }),
    field({ label: 'Văn bản ban hành (số, ký hiệu)', name: 'issuingDocument', value: program?.issuingDocument, attrs: { maxlength: 255 } }),
    field({ label: 'Ngày ban hành', name: 'issuedAt', control: dateInput('issuedAt', program?.issuedAt), hint: 'dd/mm/yyyy' }),
    h('div', { class: 'form-actions field-wide' }, submit, h('button', { type: 'button', class: 'btn btn-link', onclick: cancel }, 'Hủy')),
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    clearErrors(form);
    const el = form.elements;
    const issuedAt = parseDate(el.issuedAt.value);
    if (issuedAt === undefined) {
      showErrors(form, { message: 'Dữ liệu chưa hợp lệ', details: [{ field: 'issuedAt', message: MESSAGES.invalidDate }] });
      return;
    }
    const body = {
      code: el.code.value.trim(),
      title: el.title.value.trim(),
      year: Number(el.year.value),
      period: el.period.value,
      periodNumber: el.periodNumber.value.trim() === '' ? null : Number(el.periodNumber.value),
      issuingDocument: el.issuingDocument.value.trim() || null,
      issuedAt,
    };
    void busy(submit, async () => {
      try {
        if (editing) await api.patch(`/programs/${program.id}`, body);
        else await api.post('/programs', body);
        forgetPrograms();
        await done(editing ? `Đã lưu chương trình ${body.code.toUpperCase()}.` : `Đã thêm chương trình ${body.code.toUpperCase()}.`);
      } catch (err) {
        showErrors(form, err);
      }
    });
  });
  return h('section', { class: 'card' }, h('h2', null, editing ? `Sửa chương trình ${program.code}` : 'Thêm chương trình'), form);
}
