// @ts-check
// Nhóm cơ quan: the names documents use for several agencies at once ("UBND các huyện, thị xã, thành
// phố", "các sở khối văn hóa - xã hội"), data of this province the office edits
// (/api/agency-groups). The importer reads them on every import: a group named as lead or
// coordinator expands to its members. Admins reach it in Quản trị, the office at /app/groups.

import { api } from '../api.js';
import { pageHeader, table } from '../components.js';
import { agencyOptions, allAgencies } from '../directory.js';
import { busy, clearErrors, field, h, loading, notice, replace, select, setTitle, showErrors } from '../dom.js';
import { AGENCY_KIND } from '../i18n.js';
import { reload } from '../router.js';

/** The outcome of the last change, shown once after the section reloads. */
let flash = null;

/** The groups section: list, a form to add one, edit and delete in place. */
export async function groupsSection() {
  const [groups, agencies] = await Promise.all([
    // A list answers either an array or a page ({items}): both are read.
    api.get('/agency-groups').then((r) => (Array.isArray(r) ? r : r.items)),
    allAgencies(),
  ]);
  const byCode = new Map(agencies.map((a) => [a.code, a]));
  const members = (g) =>
    g.memberKind
      ? `Mọi cơ quan loại “${AGENCY_KIND[g.memberKind] ?? g.memberKind}”`
      : g.memberCodes?.length
        ? g.memberCodes.map((c) => byCode.get(c)?.name ?? c).join('; ')
        : 'Không có thành viên (chỉ ghi nhận tên)';
  const editor = h('div', { id: 'group-editor' });
  const open = (g) => {
    replace(editor, groupForm(g, agencies, () => replace(editor, addButton)));
    editor.scrollIntoView({ block: 'start' });
    editor.querySelector('input[name=name]')?.focus();
  };
  const addButton = h('p', null, h('button', { type: 'button', class: 'btn btn-primary', id: 'new-group', onclick: () => open(null) }, 'Thêm nhóm cơ quan'));
  replace(editor, addButton);
  const shown = flash;
  flash = null;
  const actions = (g) => {
    const edit = h('button', { type: 'button', class: 'btn btn-secondary btn-small', onclick: () => open(g), 'aria-label': `Sửa nhóm ${g.name}` }, 'Sửa');
    const del = h('button', { type: 'button', class: 'btn btn-link btn-small text-danger', 'aria-label': `Xóa nhóm ${g.name}` }, 'Xóa');
    del.addEventListener('click', () => {
      // Two steps: the first click asks, the second deletes.
      if (del.dataset.confirm !== '1') {
        del.dataset.confirm = '1';
        del.textContent = 'Bấm lần nữa để xóa';
        return;
      }
      void busy(del, async () => {
        try {
          await api.del(`/agency-groups/${g.id}`);
          flash = `Đã xóa nhóm “${g.name}”.`;
          reload();
        } catch (err) {
          del.after(notice('error', err.message));
        }
      });
    });
    return h('span', { class: 'button-row' }, edit, del);
  };
  return h(
    'div',
    null,
    h('div', { id: 'groups-result', 'aria-live': 'polite' }, shown ? notice('success', shown) : null),
    h(
      'section',
      { class: 'card', 'aria-labelledby': 'groups-title' },
      h('h2', { id: 'groups-title' }, `Nhóm cơ quan (${groups.length})`),
      h(
        'p',
        { class: 'muted' },
        'Khi nhập văn bản, một nhóm được nêu là cơ quan chủ trì hoặc phối hợp (ví dụ “phối hợp với UBND các huyện, thị xã, thành phố”) được hiểu là từng cơ quan thành viên của nhóm.',
      ),
      editor,
      groups.length
        ? table(
            [
              { label: 'Tên nhóm', cell: (g) => [h('strong', null, g.name), g.aliases?.length ? h('span', { class: 'muted small block' }, `Cách viết khác: ${g.aliases.join('; ')}`) : null] },
              { label: 'Thành viên', cell: members },
              { label: 'Thao tác', cell: actions },
            ],
            groups,
            { caption: 'Nhóm cơ quan' },
          )
        : h('p', { class: 'empty' }, 'Chưa có nhóm nào.'),
    ),
  );
}

/** Create (g = null) or edit a group; the API's refusals (400 per field, 409 on a name in use) shown in place. */
function groupForm(g, agencies, close) {
  const mode = g?.memberKind ? 'kind' : g && !g.memberCodes?.length ? 'none' : 'codes';
  const chosen = new Set(g?.memberCodes ?? []);
  const active = agencies.filter((a) => a.active || chosen.has(a.code));
  const radio = (value, text) =>
    h('label', { class: 'choice' }, h('input', { type: 'radio', name: 'membersBy', value, checked: mode === value }), ` ${text}`);
  const codes = h(
    'fieldset',
    { class: 'field field-wide member-list', dataset: { field: 'memberCodes' } },
    h('legend', null, 'Cơ quan thành viên'),
    h(
      'div',
      { class: 'member-grid' },
      active.map((a) =>
        h('label', { class: 'choice' }, h('input', { type: 'checkbox', name: 'memberCodes', value: a.code, checked: chosen.has(a.code) }), ` ${agencyOptions([a])[0][1]} (${a.code})`),
      ),
    ),
  );
  const kind = field({ label: 'Loại cơ quan thành viên', name: 'memberKind', control: select('memberKind', Object.entries(AGENCY_KIND), g?.memberKind ?? 'district') });
  const form = h(
    'form',
    { class: 'form form-grid', id: 'group-form', novalidate: true },
    field({ label: 'Tên nhóm', name: 'name', value: g?.name ?? '', required: true, wide: true, attrs: { maxlength: 200 } }),
    field({
      label: 'Cách viết khác trong văn bản (mỗi dòng một cách)',
      name: 'aliases',
      type: 'textarea',
      value: (g?.aliases ?? []).join('\n'),
      hint: 'Ví dụ: “UBND cấp huyện”, “các địa phương”. Không phân biệt hoa thường, dấu và dấu câu.',
      wide: true,
    }),
    h(
      'fieldset',
      { class: 'field field-wide', dataset: { field: 'membersBy' } },
      h('legend', null, 'Thành viên của nhóm'),
      radio('kind', 'Mọi cơ quan của một loại'),
      radio('codes', 'Các cơ quan được chọn'),
      radio('none', 'Không có thành viên (chỉ ghi nhận tên, ví dụ “các cơ quan liên quan”)'),
    ),
    kind,
    codes,
    h(
      'div',
      { class: 'form-actions field-wide' },
      h('button', { type: 'submit', class: 'btn btn-primary' }, g ? 'Lưu nhóm' : 'Tạo nhóm'),
      h('button', { type: 'button', class: 'btn btn-link', onclick: close }, 'Hủy'),
    ),
  );
  const sync = () => {
    const by = form.elements.membersBy.value;
    kind.hidden = by !== 'kind';
    codes.hidden = by !== 'codes';
  };
  form.addEventListener('change', sync);
  sync();
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    clearErrors(form);
    const el = form.elements;
    const by = el.membersBy.value;
    const body = {
      name: el.name.value.trim(),
      aliases: el.aliases.value.split('\n').map((x) => x.trim()).filter(Boolean),
      memberKind: by === 'kind' ? el.memberKind.value : null,
      memberCodes: by === 'kind' ? null : by === 'none' ? [] : [...form.querySelectorAll('input[name=memberCodes]:checked')].map((x) => x.value),
    };
    void busy(form.querySelector('button[type=submit]'), async () => {
      try {
        const saved = g ? await api.patch(`/agency-groups/${g.id}`, body) : await api.post('/agency-groups', body);
        flash = g ? `Đã lưu nhóm “${saved.name}”.` : `Đã tạo nhóm “${saved.name}”.`;
        reload();
      } catch (err) {
        showErrors(form, err, { aliases: { memberCodes: 'memberCodes' } });
      }
    });
  });
  return h('section', { class: 'card group-card', 'aria-labelledby': 'group-form-title' }, h('h3', { id: 'group-form-title' }, g ? `Sửa nhóm “${g.name}”` : 'Thêm nhóm cơ quan'), form);
}

/** The office's own page (/app/groups). */
/** @param {import('../../types/web').ViewContext} ctx */
export async function render({ main }) {
  setTitle('Nhóm cơ quan');
  replace(main, pageHeader('Nhóm cơ quan'), loading());
  replace(main, pageHeader('Nhóm cơ quan', { subtitle: 'Tên gọi chung của nhiều cơ quan trong văn bản giao nhiệm vụ' }), await groupsSection());
}
