// @ts-check
// Đăng nhập.

import { api } from '../api.js';
import { busy, clearErrors, field, h, notice, replace, setTitle, showErrors } from '../dom.js';
import { APP_NAME, APP_OWNER, MESSAGES } from '../i18n.js';
import { navigate } from '../router.js';
import { homeOf } from '../session.js';

const REASONS = { expired: ['warning', MESSAGES.sessionExpired], 'signed-out': ['info', MESSAGES.signedOut] };

/** @param {import('../../types/web').PublicViewContext} ctx */
export function render({ main, query }) {
  setTitle('Đăng nhập');
  const reason = REASONS[query.get('reason')];
  const submit = h('button', { type: 'submit', class: 'btn btn-primary btn-block' }, 'Đăng nhập');
  const form = h(
    'form',
    { class: 'form login-form', novalidate: true, 'aria-labelledby': 'login-title' },
    field({ label: 'Email', name: 'email', type: 'email', required: true, attrs: { autocomplete: 'username', inputmode: 'email' } }),
    field({ label: 'Mật khẩu', name: 'password', type: 'password', required: true, attrs: { autocomplete: 'current-password' } }),
    submit,
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    clearErrors(form);
    const email = form.elements.email.value.trim();
    const password = form.elements.password.value;
    const missing = [];
    if (!email) missing.push({ field: 'email', message: `email: ${MESSAGES.required}` });
    if (!password) missing.push({ field: 'password', message: `password: ${MESSAGES.required}` });
    if (missing.length) {
      showErrors(form, { message: 'Vui lòng nhập email và mật khẩu', details: missing });
      return;
    }
    void busy(
      submit,
      async () => {
        try {
          const res = await api.login(email, password);
          const next = query.get('next');
          await navigate(next && next.startsWith('/app/') ? next : homeOf(res.user), {
            replace: true,
          });
        } catch (err) {
          showErrors(form, err);
          form.elements.password.value = '';
        }
      },
      'Đang đăng nhập…',
    );
  });
  replace(
    main,
    h(
      'div',
      { class: 'login-page' },
      h(
        'section',
        { class: 'card login-card' },
        h('img', { src: '/app/img/logo.svg', alt: '', width: 56, height: 56, class: 'login-logo' }),
        h('h1', { id: 'login-title' }, 'Đăng nhập'),
        h('p', { class: 'subtitle' }, `${APP_NAME} – ${APP_OWNER}`),
        reason ? notice(reason[0], reason[1]) : null,
        form,
      ),
    ),
  );
  if (!reason) form.elements.email.focus();
}
