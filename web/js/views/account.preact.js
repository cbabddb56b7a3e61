// @ts-check
// Đổi mật khẩu, rebuilt with Preact + htm (vendored in web/vendor/) for issue #17 item 9's comparison with
// views/account.js: same texts, labels, ids, API call and accessibility. Reached only at
// /app/account/password?ui=preact (main.js); see docs/web-ui-library.md for what the comparison found.

import { h, render as mount } from '../../vendor/preact/preact.mjs';
import { useEffect, useLayoutEffect, useRef, useState } from '../../vendor/preact/hooks.mjs';
import htm from '../../vendor/htm/htm.mjs';
import { api, fieldRoot, stripField } from '../api.js';
import { setTitle } from '../dom.js';
import { MESSAGES } from '../i18n.js';

const html = htm.bind(h);

/** @typedef {{ message: string, fields: Record<string, string[]>, rest: string[] }} Errors */

const FIELDS = ['currentPassword', 'newPassword', 'confirmPassword'];

/** An API error (or the form's own check) split into messages per field and the rest, as dom.js showErrors does. @param {{ message: string, details?: { field: string, message: string }[] }} err @returns {Errors} */
function splitErrors(err) {
  /** @type {Record<string, string[]>} */
  const fields = {};
  const rest = [];
  for (const d of err.details ?? []) {
    const name = fieldRoot(d.field);
    const text = stripField(d.message);
    if (FIELDS.includes(name)) (fields[name] ??= []).push(text);
    else if (text !== err.message && !text.endsWith(`: ${err.message}`)) rest.push(text);
  }
  return { message: err.message, fields, rest };
}

/** A labelled password field: label, hint and error linked to the input by aria-describedby. @param {{ label: string, name: string, value: string, onInput: (v: string) => void, errors?: string[], hint?: string, autocomplete: string, inputRef?: any }} props */
function Field({ label, name, value, onInput, errors, hint, autocomplete, inputRef }) {
  const id = `password-${name}`;
  const described = [hint ? `${id}-hint` : null, errors ? `${id}-error` : null].filter(Boolean).join(' ');
  return html`
    <div class="field" data-field=${name}>
      <label for=${id}>${label}<span class="required" aria-hidden="true"> *</span></label>
      ${hint && html`<p class="hint" id=${`${id}-hint`}>${hint}</p>`}
      <input id=${id} name=${name} type="password" required maxlength="200" autocomplete=${autocomplete} ref=${inputRef}
        value=${value} onInput=${(/** @type {any} */ e) => onInput(e.currentTarget.value)}
        aria-invalid=${errors ? 'true' : undefined} aria-describedby=${described || undefined} />
      ${errors && html`<p class="field-error" id=${`${id}-error`}>${errors.map((m) => html`<span>${m}</span> `)}</p>`}
    </div>`;
}

/** @param {{ user: import('../../types/web').User }} props */
function PasswordPage({ user }) {
  const [values, setValues] = useState({ currentPassword: '', newPassword: '', confirmPassword: '' });
  const [errors, setErrors] = useState(/** @type {Errors | null} */ (null));
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(/** @type {number | null} */ (null));
  const form = useRef(/** @type {HTMLFormElement | null} */ (null));
  const first = useRef(/** @type {HTMLInputElement | null} */ (null));

  // During the mount (a layout effect runs before render() returns), like account.js: the router's focus on the h1
  // after a click-through still comes last.
  useLayoutEffect(() => first.current?.focus(), []);
  // After errors are drawn, the first invalid field (or the summary) takes the focus.
  useEffect(() => {
    if (!errors || !form.current) return;
    const target = form.current.querySelector('[aria-invalid="true"]') ?? form.current.querySelector('.error-summary');
    /** @type {HTMLElement | null} */ (target)?.focus();
  }, [errors]);

  /** @param {string} name */
  const set = (name) => (/** @type {string} */ v) => setValues({ ...values, [name]: v });

  /** @param {SubmitEvent} e */
  async function submit(e) {
    e.preventDefault();
    setErrors(null);
    setDone(null);
    const body = { currentPassword: values.currentPassword, newPassword: values.newPassword };
    const details = [];
    if (!body.currentPassword) details.push({ field: 'currentPassword', message: MESSAGES.required });
    if (!body.newPassword) details.push({ field: 'newPassword', message: MESSAGES.required });
    else if (values.confirmPassword !== body.newPassword) details.push({ field: 'confirmPassword', message: 'Không khớp với mật khẩu mới' });
    if (details.length) return setErrors(splitErrors({ message: 'Vui lòng kiểm tra lại', details }));
    setBusy(true);
    try {
      const r = await api.post('/auth/password', body);
      setValues({ currentPassword: '', newPassword: '', confirmPassword: '' });
      setDone(r.otherSessionsEnded ?? 0);
    } catch (err) {
      setErrors(splitErrors(err));
    } finally {
      setBusy(false);
    }
  }

  const fieldErrors = errors?.fields ?? {};
  return html`
    <div class="page-header">
      <div><h1>Đổi mật khẩu</h1><p class="subtitle">${user.fullName} (${user.email})</p></div>
    </div>
    <section class="card account-card">
      <div id="password-result" aria-live="polite">
        ${done !== null &&
        html`<div class="notice notice-success" role="status">
          Đã đổi mật khẩu. ${done ? `${done} phiên đăng nhập khác của bạn đã được đăng xuất; ` : ''}lần đăng nhập sau hãy dùng mật khẩu mới.
        </div>`}
      </div>
      <form class="form" id="password-form" novalidate ref=${form} onSubmit=${submit}>
        ${errors &&
        html`<div class="notice notice-error error-summary" role="alert" tabindex="-1">
          <p>${errors.message}</p>
          ${errors.rest.length > 0 && html`<ul>${errors.rest.map((m) => html`<li>${m}</li>`)}</ul>`}
        </div>`}
        <input type="email" name="username" value=${user.email} autocomplete="username" hidden readonly />
        <${Field} label="Mật khẩu hiện tại" name="currentPassword" autocomplete="current-password" inputRef=${first}
          value=${values.currentPassword} onInput=${set('currentPassword')} errors=${fieldErrors.currentPassword} />
        <${Field} label="Mật khẩu mới" name="newPassword" autocomplete="new-password"
          hint="Ít nhất 10 ký tự, khó đoán (nên là một cụm nhiều từ), không chứa email của bạn."
          value=${values.newPassword} onInput=${set('newPassword')} errors=${fieldErrors.newPassword} />
        <${Field} label="Nhập lại mật khẩu mới" name="confirmPassword" autocomplete="new-password"
          value=${values.confirmPassword} onInput=${set('confirmPassword')} errors=${fieldErrors.confirmPassword} />
        <div class="form-actions">
          <button type="submit" class="btn btn-primary" disabled=${busy} aria-busy=${busy ? 'true' : undefined}>
            ${busy ? 'Đang đổi…' : 'Đổi mật khẩu'}
          </button>
        </div>
      </form>
    </section>`;
}

/** @param {import('../../types/web').ViewContext} ctx */
export function render({ main, user }) {
  setTitle('Đổi mật khẩu');
  mount(html`<${PasswordPage} user=${user} />`, main);
  // The router's cleanup before the next page: unmount, so Preact lets go of the container.
  return () => mount(null, main);
}
