// @ts-check
// Quản trị (admin): users (create, deactivate, reset password, role and agency), agencies (edit
// names, aliases, emails, kind, active; merge with a preview of the tasks that move), agency groups
// (views/agency-groups.js), the document templates the office owns (upload,
// checked by the server before it replaces the default) and the draft công văn đôn đốc.

import { api, getAll } from '../api.js';
import { dateInput, filePicker, loadError, pageHeader, statusBadge, table, tabs } from '../components.js';
import { agencyOptions, allAgencies, allPrograms, forgetAgencies } from '../directory.js';
import { busy, clearErrors, field, h, loading, notice, replace, select, setTitle, showErrors } from '../dom.js';
import { formatDate, formatDateTime, parseDate } from '../format.js';
import { AGENCY_KIND, ROLE } from '../i18n.js';
import { reload } from '../router.js';
import { groupsSection } from './agency-groups.js';

const SECTIONS = {
  users: 'Người dùng',
  agencies: 'Cơ quan, sáp nhập',
  groups: 'Nhóm cơ quan',
  templates: 'Mẫu văn bản',
  letters: 'Dự thảo công văn đôn đốc',
  reminders: 'Nhắc việc ngay',
  rules: 'Quy tắc nhắc việc',
};

/** The outcome of the last action, shown once after the page reloads. */
let flash = null;
function done(message) {
  flash = message;
  reload();
}

/** @param {import('../../types/web').ViewContext} ctx */
export async function render({ main, params }) {
  const section = SECTIONS[params.section] ? params.section : 'users';
  setTitle(`Quản trị — ${SECTIONS[section]}`);
  replace(main, pageHeader('Quản trị'), loading());
  let content;
  try {
    content = await SECTION_VIEWS[section]();
  } catch (err) {
    replace(main, loadError(err));
    return;
  }
  const shown = flash;
  flash = null;
  replace(
    main,
    pageHeader('Quản trị', { subtitle: SECTIONS[section] }),
    tabs(Object.entries(SECTIONS).map(([key, label]) => ({ key, label, href: `/app/admin/${key}` })), section, 'Mục quản trị'),
    h('div', { id: 'admin-result', 'aria-live': 'polite' }, shown ? notice('success', shown) : null),
    content,
  );
}

const SECTION_VIEWS = { users: usersSection, agencies: agenciesSection, groups: groupsSection, templates: templatesSection, letters: lettersSection, reminders: remindersSection, rules: rulesSection };

/** Reminder rules per program (GET/PUT /programs/:id/reminder-policy): an override of the defaults, or none. */
async function rulesSection() {
  const programs = await allPrograms();
  const views = await Promise.all(programs.map((p) => api.get(`/programs/${p.id}/reminder-policy`).then((v) => ({ program: p, view: v }))));
  const describe = (p) =>
    p.enabled
      ? `Trước hạn ${p.beforeDays.join(', ')} ngày; ${p.onDueDate ? 'đúng ngày đến hạn; ' : ''}quá hạn cứ ${p.overdueEveryDays} ngày; đôn đốc từ ${p.escalateAfterDays} ngày; gửi lúc ${p.sendTime}${p.workingDaysOnly ? ', ngày làm việc' : ''}`
      : 'Không nhắc việc';
  const editor = ({ program, view }) => {
    const p = view.policy;
    const form = h(
      'form',
      { class: 'form form-grid', dataset: { programId: program.id }, novalidate: true },
      field({ label: 'Nhắc trước hạn (ngày, cách nhau bằng dấu phẩy)', name: 'beforeDays', value: p.beforeDays.join(', ') }),
      field({ label: 'Nhắc lại khi quá hạn, cứ (ngày)', name: 'overdueEveryDays', type: 'number', value: p.overdueEveryDays, attrs: { min: 1, max: 365 } }),
      field({ label: 'Đôn đốc (kèm công văn) từ khi quá hạn (ngày)', name: 'escalateAfterDays', type: 'number', value: p.escalateAfterDays, attrs: { min: 1, max: 365 } }),
      field({ label: 'Giờ gửi', name: 'sendTime', value: p.sendTime, attrs: { placeholder: 'HH:mm', maxlength: 5 } }),
      h('label', { class: 'choice' }, h('input', { type: 'checkbox', name: 'enabled', checked: p.enabled }), ' Nhắc việc cho chương trình này'),
      h('div', { class: 'form-actions field-wide' }, h('button', { type: 'submit', class: 'btn btn-primary btn-small' }, 'Lưu quy tắc'), view.override ? h('button', { type: 'button', class: 'btn btn-link btn-small', dataset: { reset: '1' } }, 'Dùng quy tắc chung') : null),
    );
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      clearErrors(form);
      const el = form.elements;
      const days = el.beforeDays.value.split(/[,;\s]+/).filter(Boolean).map(Number);
      const body = { beforeDays: days, overdueEveryDays: Number(el.overdueEveryDays.value), escalateAfterDays: Number(el.escalateAfterDays.value), sendTime: el.sendTime.value.trim(), enabled: el.enabled.checked };
      void busy(form.querySelector('button[type=submit]'), async () => {
        try {
          await api.put(`/programs/${program.id}/reminder-policy`, body);
          done(`Đã lưu quy tắc nhắc việc của chương trình ${program.code}.`);
        } catch (err) {
          showErrors(form, err);
        }
      });
    });
    form.querySelector('[data-reset]')?.addEventListener('click', (e) =>
      busy(e.currentTarget, async () => {
        await api.put(`/programs/${program.id}/reminder-policy`, {});
        done(`Chương trình ${program.code} dùng lại quy tắc chung.`);
      }),
    );
    return h(
      'details',
      { class: 'card rule-card' },
      h('summary', null, h('strong', null, `${program.code} – ${program.title}`), h('span', { class: 'muted small block' }, `${view.override ? 'Quy tắc riêng' : 'Quy tắc chung'}: ${describe(p)}`)),
      form,
    );
  };
  return h(
    'section',
    { 'aria-labelledby': 'rules-title' },
    h('h2', { id: 'rules-title' }, 'Quy tắc nhắc việc theo chương trình'),
    views.length && views[0].view.defaults ? h('p', { class: 'muted' }, `Quy tắc chung: ${describe(views[0].view.defaults)}.`) : null,
    views.length ? views.map(editor) : h('p', { class: 'empty' }, 'Chưa có chương trình nào.'),
  );
}

/** "Nhắc việc ngay": the digests a scan now would send (POST /reminders/scan-preview), then the scan itself. */
async function remindersSection() {
  const preview = await api.post('/reminders/scan-preview', {});
  const send = h('button', { type: 'button', class: 'btn btn-primary', id: 'scan-now', disabled: !preview.digests.length }, 'Gửi nhắc việc ngay');
  send.addEventListener('click', () =>
    busy(send, async () => {
      const r = await api.post('/reminders/scan', {});
      done(`Đã gửi ${r.digests.length} thư nhắc việc (${r.points} nhiệm vụ).`);
    }),
  );
  const point = (d) => `mốc nhắc: ${d < 0 ? `còn ${-d} ngày` : d === 0 ? 'đến hạn hôm nay' : `quá hạn ${d} ngày`}`;
  return h(
    'section',
    { class: 'card', id: 'scan-preview' },
    h('h2', null, `Thư nhắc việc sẽ gửi (tính đến ngày ${formatDate(preview.asOf)})`),
    h('p', { class: 'muted' }, 'Mỗi cơ quan nhận một thư tổng hợp; nhiệm vụ quá hạn từ 14 ngày được gửi kèm lãnh đạo phụ trách, Văn phòng và dự thảo công văn đôn đốc. Mỗi mốc chỉ gửi một lần.'),
    preview.digests.length
      ? table(
          [
            { label: 'Cơ quan', cell: (d) => [h('strong', null, d.agencyName), h('span', { class: 'muted small block' }, d.to.join(', ') || 'Chưa có địa chỉ email')] },
            { label: 'Nhiệm vụ', cell: (d) => h('ul', { class: 'plain-list' }, d.items.map((i) => h('li', null, h('a', { href: `/app/tasks/${i.taskId}` }, i.code ? `${i.code}. ${i.title}` : i.title), ` — ${point(i.offsetDays)}`))) },
            { label: 'Đôn đốc', cell: (d) => (d.escalates ? h('span', { class: 'text-danger' }, 'Có, kèm dự thảo công văn') : '—') },
          ],
          preview.digests,
          { caption: 'Thư nhắc việc sẽ gửi' },
        )
      : h('p', { class: 'empty' }, 'Không có nhắc việc nào đến hạn gửi.'),
    h('p', { class: 'form-actions' }, send),
  );
}

async function usersSection() {
  const [users, agencies] = await Promise.all([getAll('/users'), allAgencies()]);
  const agencyName = new Map(agencies.map((a) => [a.id, a.name]));
  const form = h(
    'form',
    { class: 'form form-grid', id: 'user-form', novalidate: true },
    field({ label: 'Email', name: 'email', type: 'email', required: true }),
    field({ label: 'Họ và tên', name: 'fullName', required: true }),
    field({ label: 'Vai trò', name: 'role', control: select('role', Object.entries(ROLE), 'office') }),
    field({ label: 'Thuộc cơ quan, đơn vị', name: 'agencyId', control: select('agencyId', agencyOptions(agencies.filter((a) => a.active), { empty: '—' }), '') }),
    field({ label: 'Mật khẩu ban đầu', name: 'password', type: 'password', hint: 'Ít nhất 10 ký tự', attrs: { autocomplete: 'new-password' } }),
    h('div', { class: 'form-actions field-wide' }, h('button', { type: 'submit', class: 'btn btn-primary' }, 'Tạo người dùng')),
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    clearErrors(form);
    const el = form.elements;
    const body = { email: el.email.value.trim(), fullName: el.fullName.value.trim(), role: el.role.value, password: el.password.value };
    if (el.agencyId.value) body.agencyId = Number(el.agencyId.value);
    void busy(form.querySelector('button[type=submit]'), async () => {
      try {
        const user = await api.post('/users', body);
        done(`Đã tạo người dùng ${user.fullName} (${user.email}).`);
      } catch (err) {
        showErrors(form, err);
      }
    });
  });
  const rowActions = (u) => {
    const toggle = h('button', { type: 'button', class: 'btn btn-secondary btn-small' }, u.active ? 'Khóa tài khoản' : 'Mở khóa');
    toggle.addEventListener('click', () => busy(toggle, async () => {
      await api.patch(`/users/${u.id}`, { active: !u.active });
      done(u.active ? `Đã khóa tài khoản ${u.email}.` : `Đã mở khóa tài khoản ${u.email}.`);
    }));
    const reset = h('button', { type: 'button', class: 'btn btn-link btn-small' }, 'Đặt lại mật khẩu');
    reset.addEventListener('click', () => {
      const input = h('input', { type: 'password', 'aria-label': `Mật khẩu mới cho ${u.email}`, autocomplete: 'new-password', minlength: 10 });
      const save = h('button', { type: 'button', class: 'btn btn-primary btn-small' }, 'Lưu');
      const box = h('span', { class: 'inline-form' }, input, save);
      save.addEventListener('click', () => busy(save, async () => {
        try {
          await api.patch(`/users/${u.id}`, { password: input.value });
          done(`Đã đặt lại mật khẩu cho ${u.email}; người dùng phải đăng nhập lại.`);
        } catch (err) {
          box.after(notice('error', err.message));
        }
      }));
      reset.replaceWith(box);
      input.focus();
    });
    return h('span', { class: 'button-row' }, toggle, reset);
  };
  return h(
    'div',
    null,
    h('section', { class: 'card', 'aria-labelledby': 'new-user' }, h('h2', { id: 'new-user' }, 'Tạo người dùng'), form),
    h(
      'section',
      { class: 'card', 'aria-labelledby': 'user-list' },
      h('h2', { id: 'user-list' }, `Người dùng (${users.length})`),
      table(
        [
          { label: 'Họ và tên', cell: (u) => [h('strong', null, u.fullName), h('span', { class: 'muted small block' }, u.email)] },
          { label: 'Vai trò', cell: (u) => ROLE[u.role] ?? u.role },
          { label: 'Cơ quan', cell: (u) => (u.agencyId ? agencyName.get(u.agencyId) ?? `#${u.agencyId}` : '—') },
          { label: 'Trạng thái', cell: (u) => (u.active ? 'Đang hoạt động' : h('span', { class: 'text-danger' }, 'Đã khóa')) },
          { label: 'Thao tác', cell: rowActions },
        ],
        users,
        { caption: 'Người dùng' },
      ),
    ),
  );
}

async function agenciesSection() {
  const agencies = await allAgencies();
  const active = agencies.filter((a) => a.active);
  const form = h(
    'form',
    { class: 'form form-grid', id: 'merge-form', novalidate: true },
    field({ label: 'Cơ quan được sáp nhập', name: 'agencyId', control: select('agencyId', agencyOptions(active, { empty: 'Chọn cơ quan' }), '') }),
    field({ label: 'Sáp nhập vào', name: 'intoAgencyId', control: select('intoAgencyId', agencyOptions(agencies, { empty: 'Chọn cơ quan tiếp nhận' }), '') }),
    field({ label: 'Ngày sáp nhập (hoạt động đến hết ngày)', name: 'date', control: dateInput('date', null) }),
    h('div', { class: 'form-actions field-wide' }, h('button', { type: 'submit', class: 'btn btn-secondary' }, 'Xem trước')),
  );
  const preview = h('div', { id: 'merge-preview', 'aria-live': 'polite' });
  const body = () => {
    const el = form.elements;
    const date = parseDate(el.date.value);
    const details = [];
    if (!el.agencyId.value) details.push({ field: 'agencyId', message: 'Chọn cơ quan được sáp nhập' });
    if (!el.intoAgencyId.value) details.push({ field: 'intoAgencyId', message: 'Chọn cơ quan tiếp nhận' });
    if (!date) details.push({ field: 'date', message: 'Nhập ngày sáp nhập (dd/mm/yyyy)' });
    if (details.length) {
      showErrors(form, { message: 'Dữ liệu chưa hợp lệ', details });
      return null;
    }
    return { id: Number(el.agencyId.value), body: { intoAgencyId: Number(el.intoAgencyId.value), date } };
  };
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    clearErrors(form);
    replace(preview);
    const req = body();
    if (!req) return;
    void busy(form.querySelector('button[type=submit]'), async () => {
      try {
        const p = await api.post(`/agencies/${req.id}/merge-preview`, req.body);
        const confirm = h('button', { type: 'button', class: 'btn btn-danger', id: 'merge-confirm' }, `Sáp nhập ${p.agency.name} vào ${p.successor.name}`);
        confirm.addEventListener('click', () => busy(confirm, async () => {
          try {
            const r = await api.post(`/agencies/${req.id}/merge`, req.body);
            forgetAgencies();
            done(`Đã sáp nhập ${r.agency.name} vào ${r.successor.name}: ${r.leadTaskIds.length} nhiệm vụ chuyển cơ quan chủ trì, ${r.coordinatingTaskIds.length} nhiệm vụ đổi cơ quan phối hợp.`);
          } catch (err) {
            confirm.after(notice('error', err.message));
          }
        }));
        const list = (items) =>
          items.length
            ? table(
                [
                  { label: 'Mã', cell: (x) => x.code ?? '—' },
                  { label: 'Nội dung', cell: (x) => h('a', { href: `/app/tasks/${x.id}` }, x.title) },
                  { label: 'Thời hạn', class: 'col-date', cell: (x) => formatDate(x.dueDate) },
                  { label: 'Trạng thái', cell: (x) => statusBadge(x.status) },
                ],
                items,
              )
            : h('p', { class: 'empty' }, 'Không có.');
        replace(
          preview,
          h(
            'section',
            { class: 'card' },
            h('h3', null, `Xem trước: sáp nhập ${p.agency.name} vào ${p.successor.name}`),
            h('p', null, `${p.leadTasks.length} nhiệm vụ đang thực hiện sẽ chuyển cơ quan chủ trì sang ${p.successor.name}; ${p.coordinatingTasks.length} nhiệm vụ đổi cơ quan phối hợp. Nhiệm vụ đã hoàn thành, đã rút, đã chuyển kỳ sau giữ cơ quan cũ.`),
            h('h4', null, 'Chuyển cơ quan chủ trì'),
            list(p.leadTasks),
            h('h4', null, 'Đổi cơ quan phối hợp'),
            list(p.coordinatingTasks),
            h('p', { class: 'form-actions' }, confirm),
          ),
        );
      } catch (err) {
        showErrors(form, err);
      }
    });
  });
  const editor = h('div', { id: 'agency-editor' });
  const edit = (a) => {
    replace(editor, agencyEditForm(a, () => replace(editor)));
    editor.scrollIntoView({ block: 'start' });
    editor.querySelector('input[name=name]')?.focus();
  };
  return h(
    'div',
    null,
    h('section', { class: 'card', 'aria-labelledby': 'merge-title' }, h('h2', { id: 'merge-title' }, 'Sáp nhập cơ quan, đơn vị'), form, preview),
    editor,
    h(
      'section',
      { class: 'card', 'aria-labelledby': 'agency-list' },
      h('h2', { id: 'agency-list' }, `Cơ quan, đơn vị (${agencies.length})`),
      table(
        [
          { label: 'Mã', cell: (a) => a.code },
          { label: 'Tên', cell: (a) => [a.name, a.aliases?.length ? h('span', { class: 'muted small block' }, `Tên khác: ${a.aliases.join('; ')}`) : null] },
          { label: 'Email', cell: (a) => (a.emails ?? []).join(', ') || '—' },
          { label: 'Trạng thái', cell: (a) => (a.active ? 'Đang hoạt động' : `Đã sáp nhập/giải thể${a.validTo ? ` (đến ${formatDate(a.validTo)})` : ''}`) },
          {
            label: 'Thao tác',
            cell: (a) => h('button', { type: 'button', class: 'btn btn-secondary btn-small', dataset: { editAgency: a.code }, onclick: () => edit(a), 'aria-label': `Sửa ${a.name}` }, 'Sửa'),
          },
        ],
        agencies,
        { caption: 'Cơ quan, đơn vị' },
      ),
    ),
  );
}

/** One line per entry (commas and semicolons also separate emails). */
function lines(text, { commas = false } = {}) {
  return text
    .split(commas ? /[\n,;]+/ : /\n+/)
    .map((x) => x.trim())
    .filter(Boolean);
}

/** Edit an agency's name, kind, aliases, contact emails and active flag (PATCH /agencies/:id); the API's refusals next to the fields. */
function agencyEditForm(a, close) {
  const form = h(
    'form',
    { class: 'form form-grid', id: 'agency-form', dataset: { agencyId: a.id }, novalidate: true },
    field({ label: 'Tên cơ quan, đơn vị', name: 'name', value: a.name, required: true, wide: true, attrs: { maxlength: 255 } }),
    field({ label: 'Loại', name: 'kind', control: select('kind', Object.entries(AGENCY_KIND), a.kind) }),
    h('label', { class: 'choice' }, h('input', { type: 'checkbox', name: 'active', checked: a.active }), ' Đang hoạt động'),
    field({ label: 'Tên gọi khác (mỗi dòng một tên)', name: 'aliases', type: 'textarea', value: (a.aliases ?? []).join('\n'), hint: 'Các cách viết văn bản hay dùng, ví dụ “Sở TN&MT”; dùng khi nhập văn bản và khi tìm kiếm.', wide: true }),
    field({ label: 'Email nhận nhắc việc (mỗi dòng một địa chỉ)', name: 'emails', type: 'textarea', value: (a.emails ?? []).join('\n'), wide: true, attrs: { autocomplete: 'off', spellcheck: 'false' } }),
    h(
      'div',
      { class: 'form-actions field-wide' },
      h('button', { type: 'submit', class: 'btn btn-primary' }, 'Lưu thay đổi'),
      h('button', { type: 'button', class: 'btn btn-link', onclick: close }, 'Hủy'),
    ),
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    clearErrors(form);
    const el = form.elements;
    const body = { name: el.name.value.trim(), kind: el.kind.value, active: el.active.checked, aliases: lines(el.aliases.value), emails: lines(el.emails.value, { commas: true }) };
    void busy(form.querySelector('button[type=submit]'), async () => {
      try {
        const saved = await api.patch(`/agencies/${a.id}`, body);
        forgetAgencies();
        done(`Đã lưu cơ quan ${saved.name} (${saved.code}).`);
      } catch (err) {
        showErrors(form, err);
      }
    });
  });
  return h('section', { class: 'card', 'aria-labelledby': 'agency-form-title' }, h('h2', { id: 'agency-form-title' }, `Sửa cơ quan ${a.code}`), form);
}

async function templatesSection() {
  const templates = (await api.get('/document-templates', { limit: 500 })).items;
  return h(
    'div',
    null,
    templates.map((tpl) => {
      const picker = filePicker('file', { accept: '.docx,application/vnd.openxmlformats-officedocument.wordprocessingml.document', buttonText: 'Chọn tệp .docx…' });
      const form = h(
        'form',
        { class: 'form', dataset: { template: tpl.name }, novalidate: true },
        field({ label: 'Mẫu của Văn phòng (.docx)', name: 'file', control: picker }),
        h('div', { class: 'form-actions' }, h('button', { type: 'submit', class: 'btn btn-primary' }, 'Tải mẫu lên')),
      );
      form.addEventListener('submit', (e) => {
        e.preventDefault();
        clearErrors(form);
        const file = form.querySelector('input[type=file]')?.files?.[0];
        if (!file) return showErrors(form, { message: 'Chưa chọn tệp', details: [{ field: 'file', message: 'Chọn tệp mẫu .docx' }] });
        const data = new FormData();
        data.append('file', file);
        return busy(form.querySelector('button[type=submit]'), async () => {
          try {
            await api.upload(`/document-templates/${tpl.name}`, data, 'PUT');
            done(`Đã dùng mẫu mới cho “${tpl.label}”.`);
          } catch (err) {
            showErrors(form, err);
          }
        });
      });
      const download = h('button', { type: 'button', class: 'btn btn-secondary btn-small' }, 'Tải mẫu đang dùng');
      download.addEventListener('click', () => busy(download, () => api.download(`/document-templates/${tpl.name}/file`)));
      const reset = tpl.custom ? h('button', { type: 'button', class: 'btn btn-link btn-small' }, 'Dùng lại mẫu mặc định') : null;
      reset?.addEventListener('click', () => busy(reset, async () => {
        await api.del(`/document-templates/${tpl.name}`);
        done(`Đã dùng lại mẫu mặc định cho “${tpl.label}”.`);
      }));
      const fields = Object.entries(tpl.fields).map(([k, v]) =>
        typeof v === 'string' ? h('li', null, h('code', null, `{${k}}`), ` — ${v}`) : h('li', null, h('code', null, `{#${k}} … {/${k}}`), ' — danh sách (hoặc nhóm số liệu), mỗi dòng có: ', Object.entries(v).map(([ik, iv], i) => [i ? ', ' : '', h('code', null, `{${ik}}`), ` (${iv})`])),
      );
      return h(
        'section',
        { class: 'card', id: `template-${tpl.name}` },
        h('h2', null, tpl.label),
        h('p', null, tpl.custom ? `Đang dùng mẫu của Văn phòng (tải lên lúc ${formatDateTime(tpl.updatedAt)}).` : 'Đang dùng mẫu mặc định.', ' ', download, ' ', reset),
        h('details', { class: 'disclosure' }, h('summary', null, 'Các trường dùng được trong mẫu'), h('ul', null, fields)),
        form,
      );
    }),
  );
}

async function lettersSection() {
  // The newest 100 drafts (the list pages like every other; older ones stay downloadable through the API).
  const { items: letters } = await api.get('/reminders/letters', { page: 1, limit: 100 });
  const agencies = new Map((await allAgencies()).map((a) => [a.id, a.name]));
  return h(
    'section',
    { class: 'card' },
    h('h2', null, 'Dự thảo công văn đôn đốc'),
    h('p', { class: 'muted' }, 'Hệ thống lập dự thảo khi nhiệm vụ của một cơ quan quá hạn từ 14 ngày; tải về, trình ký và phát hành.'),
    letters.length
      ? table(
          [
            { label: 'Ngày lập', class: 'col-date', cell: (l) => formatDate(l.scanDate) },
            { label: 'Cơ quan', cell: (l) => agencies.get(l.agencyId) ?? `#${l.agencyId}` },
            { label: 'Số nhiệm vụ', class: 'num', cell: (l) => String(l.taskIds?.length ?? l.taskCount ?? '') },
            {
              label: 'Tệp',
              cell: (l) => {
                const b = h('button', { type: 'button', class: 'btn btn-secondary btn-small' }, 'Tải DOCX');
                b.addEventListener('click', () => busy(b, () => api.download(`/reminders/letters/${l.id}/file`)));
                return b;
              },
            },
          ],
          letters,
          { caption: 'Dự thảo công văn đôn đốc' },
        )
      : h('p', { class: 'empty' }, 'Chưa có dự thảo nào.'),
  );
}
