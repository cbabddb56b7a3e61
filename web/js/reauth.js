// @ts-check
// The password asked in place when the session has ended: a modal dialog over the page, so the
// form underneath and what was typed in it stay as they were. One dialog at a time; every request
// that got a 401 meanwhile waits for the same answer and is then sent again.

import { h } from './dom.js';
import { currentUser } from './session.js';

let pending = null;

/** Resolves true once signed in again (same account), false when the user gives up. */
export function reauthenticate(login) {
  if (pending) return pending;
  const user = currentUser();
  if (!user) return Promise.resolve(false);
  pending = new Promise((resolve) => {
    const error = h('p', { class: 'field-error', role: 'alert', hidden: true });
    const password = h('input', { type: 'password', name: 'password', id: 'reauth-password', autocomplete: 'current-password', required: true });
    const submit = h('button', { type: 'submit', class: 'btn btn-primary' }, 'Đăng nhập và tiếp tục');
    const cancel = h('button', { type: 'button', class: 'btn btn-secondary' }, 'Đăng xuất');
    const form = h(
      'form',
      { method: 'dialog', class: 'form' },
      h('h2', { id: 'reauth-title' }, 'Phiên đăng nhập đã hết hạn'),
      h('p', null, 'Nhập lại mật khẩu để tiếp tục. Nội dung bạn đang nhập vẫn được giữ nguyên và sẽ được lưu sau khi đăng nhập.'),
      h('p', null, h('strong', null, user.email)),
      h('div', { class: 'field' }, h('label', { for: 'reauth-password' }, 'Mật khẩu'), password, error),
      h('div', { class: 'form-actions' }, submit, cancel),
    );
    const dialog = h('dialog', { class: 'reauth-dialog', 'aria-labelledby': 'reauth-title', id: 'reauth-dialog' }, form);
    const finish = (ok) => {
      dialog.close();
      dialog.remove();
      pending = null;
      resolve(ok);
    };
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      error.hidden = true;
      submit.disabled = true;
      login(user.email, password.value)
        .then(() => finish(true))
        .catch((err) => {
          error.textContent = err.message;
          error.hidden = false;
          password.value = '';
          password.focus();
        })
        .finally(() => (submit.disabled = false));
    });
    cancel.addEventListener('click', () => finish(false));
    dialog.addEventListener('cancel', (e) => e.preventDefault());
    document.body.append(dialog);
    dialog.showModal();
    password.focus();
  });
  return pending;
}
