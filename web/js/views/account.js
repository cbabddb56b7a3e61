// @ts-check
// Đổi mật khẩu: every user changes their own password (POST /api/auth/password). The server checks
// the current password and the strength rule; this browser stays signed in, every other session of
// the user ends.

import { api } from '../api.js';
import { pageHeader } from '../components.js';
import { busy, clearErrors, field, h, notice, replace, setTitle, showErrors } from '../dom.js';
import { MESSAGES } from '../i18n.js';

/** @param {import('../../types/web').ViewContext} ctx */
export function render({ main, user }) {
  setTitle('Đổi mật khẩu');
  const submit = h('button', { type: 'submit', class: 'btn btn-primary' }, 'Đổi mật khẩu');
  const result = h('div', { id: 'password-result', 'aria-live': 'polite' });
  const form = h(
    'form',
    { class: 'form', id: 'password-form', novalidate: true },
    // The account's email for password managers (hidden, not sent).
    h('input', { type: 'email', name: 'username', value: user.email, autocomplete: 'username', hidden: true, readonly: true }),
    field({ label: 'Mật khẩu hiện tại', name: 'currentPassword', type: 'password', required: true, attrs: { autocomplete: 'current-password', maxlength: 200 } }),
    field({
      label: 'Mật khẩu mới',
      name: 'newPassword',
      type: 'password',
      required: true,
      hint: 'Ít nhất 10 ký tự, khó đoán (nên là một cụm nhiều từ), không chứa email của bạn.',
      attrs: { autocomplete: 'new-password', maxlength: 200 },
    }),
    field({ label: 'Nhập lại mật khẩu mới', name: 'confirmPassword', type: 'password', required: true, attrs: { autocomplete: 'new-password', maxlength: 200 } }),
    h('div', { class: 'form-actions' }, submit),
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    clearErrors(form);
    replace(result);
    const el = form.elements;
    const body = { currentPassword: el.currentPassword.value, newPassword: el.newPassword.value };
    const details = [];
    if (!body.currentPassword) details.push({ field: 'currentPassword', message: MESSAGES.required });
    if (!body.newPassword) details.push({ field: 'newPassword', message: MESSAGES.required });
    else if (el.confirmPassword.value !== body.newPassword) details.push({ field: 'confirmPassword', message: 'Không khớp với mật khẩu mới' });
    if (details.length) {
      showErrors(form, { message: 'Vui lòng kiểm tra lại', details });
      return;
    }
    void busy(submit, async () => {
      try {
        const r = await api.post('/auth/password', body);
        form.reset();
        replace(
          result,
          notice(
            'success',
            'Đã đổi mật khẩu. ',
            r.otherSessionsEnded ? `${r.otherSessionsEnded} phiên đăng nhập khác của bạn đã được đăng xuất; ` : '',
            'lần đăng nhập sau hãy dùng mật khẩu mới.',
          ),
        );
      } catch (err) {
        showErrors(form, err);
      }
    }, 'Đang đổi…');
  });
  replace(
    main,
    pageHeader('Đổi mật khẩu', { subtitle: `${user.fullName} (${user.email})` }),
    h('section', { class: 'card account-card' }, result, form),
  );
  form.elements.currentPassword.focus();
}
