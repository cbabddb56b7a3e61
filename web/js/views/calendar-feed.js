// @ts-check
// Lịch nhiệm vụ: the agency's deadline feed (.ics) for Outlook or Google Calendar, behind a secret
// address that can be replaced (GET/POST /api/agencies/:id/calendar-token).

import { api } from '../api.js';
import { loadError, pageHeader } from '../components.js';
import { agencyOptions, allAgencies } from '../directory.js';
import { busy, field, h, loading, notice, replace, select, setTitle } from '../dom.js';
import { navigate } from '../router.js';
import { can } from '../session.js';

/** @param {import('../../types/web').ViewContext} ctx @param {string | null} [flash] a message of the change just made */
export async function render(ctx, flash = null) {
  const { main, query, user } = ctx;
  setTitle('Lịch nhiệm vụ');
  replace(main, pageHeader('Lịch nhiệm vụ'), loading());
  const agencyUser = can.isAgency(user);
  let agencies = [];
  let agencyId = agencyUser ? user.agencyId : Number(query.get('agencyId')) || null;
  let feed = null;
  try {
    if (!agencyUser) {
      agencies = (await allAgencies()).filter((a) => a.active);
      agencyId ??= agencies[0]?.id ?? null;
    }
    if (agencyId) feed = await api.get(`/agencies/${agencyId}/calendar-token`);
  } catch (err) {
    replace(main, loadError(err));
    return;
  }

  const picker = agencyUser
    ? null
    : (() => {
        const sel = select('agencyId', agencyOptions(agencies), agencyId, { id: 'feed-agency' });
        const form = h('form', { class: 'toolbar' }, field({ label: 'Cơ quan, đơn vị', name: 'agencyId', control: sel }), h('button', { type: 'submit', class: 'btn btn-secondary' }, 'Xem'));
        form.addEventListener('submit', (e) => {
          e.preventDefault();
          void navigate(`/app/calendar?agencyId=${sel.value}`);
        });
        return form;
      })();

  const url = feed?.path ? `${location.origin}${feed.path}` : null;
  const urlInput = url ? h('input', { type: 'text', readonly: true, value: url, id: 'feed-url', class: 'mono', spellcheck: 'false' }) : null;
  const copy = url
    ? h('button', {
        type: 'button',
        class: 'btn btn-secondary',
        onclick: async (e) => {
          const b = e.currentTarget;
          try {
            await navigator.clipboard.writeText(url);
            b.textContent = 'Đã sao chép';
          } catch {
            urlInput?.select();
            b.textContent = 'Nhấn Ctrl+C để sao chép';
          }
        },
      }, 'Sao chép địa chỉ')
    : null;
  const rotate = h('button', { type: 'button', class: url ? 'btn btn-danger' : 'btn btn-primary', id: 'feed-rotate' }, url ? 'Tạo địa chỉ mới' : 'Tạo địa chỉ lịch');
  rotate.addEventListener('click', () => {
    if (url && !confirm('Địa chỉ hiện tại sẽ ngừng hoạt động; các lịch đã đăng ký theo địa chỉ cũ cần đăng ký lại. Tiếp tục?')) return;
    void busy(rotate, async () => {
      try {
        await api.post(`/agencies/${agencyId}/calendar-token`);
        await render(ctx, url ? 'Đã tạo địa chỉ mới; địa chỉ cũ đã ngừng hoạt động.' : 'Đã tạo địa chỉ lịch.');
      } catch (err) {
        rotate.after(notice('error', err.message));
      }
    });
  });

  replace(
    main,
    pageHeader('Lịch nhiệm vụ', { subtitle: feed?.agencyName ?? null }),
    picker,
    flash ? notice('success', flash) : null,
    h(
      'section',
      { class: 'card', 'aria-labelledby': 'feed-title' },
      h('h2', { id: 'feed-title' }, 'Đăng ký lịch thời hạn nhiệm vụ'),
      h(
        'p',
        null,
        'Thời hạn các nhiệm vụ đang thực hiện mà đơn vị chủ trì hoặc phối hợp hiện thành sự kiện cả ngày trong Outlook, Google Calendar hoặc lịch trên điện thoại, tự cập nhật khi nhiệm vụ thay đổi.',
      ),
      url
        ? [
            h('div', { class: 'field' }, h('label', { for: 'feed-url' }, 'Địa chỉ lịch (giữ kín: ai có địa chỉ này đều xem được)'), h('div', { class: 'input-row' }, urlInput, copy)),
            h(
              'ul',
              { class: 'help-list' },
              h('li', null, h('strong', null, 'Outlook: '), 'Lịch › Thêm lịch › Đăng ký từ web › dán địa chỉ.'),
              h('li', null, h('strong', null, 'Google Calendar: '), 'Lịch khác › + › Từ URL › dán địa chỉ.'),
              h('li', null, h('strong', null, 'iPhone, iPad: '), 'Cài đặt › Lịch › Tài khoản › Thêm tài khoản › Khác › Thêm lịch đã đăng ký.'),
            ),
          ]
        : h('p', { class: 'muted' }, 'Chưa có địa chỉ lịch.'),
      h('p', { class: 'form-actions' }, rotate),
      url ? h('p', { class: 'muted small' }, 'Nếu địa chỉ bị lộ, hãy tạo địa chỉ mới: địa chỉ cũ ngừng hoạt động ngay.') : null,
    ),
  );
}
