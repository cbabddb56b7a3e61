// @ts-check
// DOM helpers: h() builds elements (text is always text, never HTML), fields with labels, hints
// and error slots, and the rendering of API errors next to the fields they concern.

import { fieldRoot, stripField } from './api.js';
import { APP_NAME, MESSAGES } from './i18n.js';

/** @typedef {import('../types/web').Child} Child */
/** Attributes of h(): on* → listeners, style → CSSOM, dataset, true → boolean attribute, null/false → left out. @typedef {Record<string, any>} Attrs */

let seq = 0;
export const uid = (prefix = 'f') => `${prefix}-${++seq}`;

/**
 * h('a', {href: '/app/x', class: 'btn'}, 'Nhãn', child…). Attributes: on* → listeners, style → CSSOM, true → boolean.
 * @template {keyof HTMLElementTagNameMap} K
 * @param {K} tag
 * @param {Attrs | Child} [attrs]
 * @param {...Child} children
 * @returns {HTMLElementTagNameMap[K]}
 */
export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  if (attrs && (typeof attrs !== 'object' || attrs instanceof Node || Array.isArray(attrs))) {
    children.unshift(attrs);
    attrs = null;
  }
  for (const [k, v] of Object.entries(attrs ?? {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k.startsWith('on') && typeof v === 'function') el.addEventListener(k.slice(2).toLowerCase(), v);
    else if (k === 'style' && typeof v === 'object') Object.assign(el.style, v);
    else if (k === 'dataset') Object.assign(el.dataset, v);
    else if (k === 'value' && 'value' in el) el.value = v;
    else if (k === 'checked' || k === 'selected' || k === 'disabled') {
      el[k] = !!v;
      if (v === true) el.setAttribute(k, '');
    } else el.setAttribute(k, v === true ? '' : String(v));
  }
  append(el, children);
  return el;
}

/** @param {Element} el @param {Child[]} children */
function append(el, children) {
  for (const c of /** @type {unknown[]} */ (children).flat(Infinity)) {
    if (c === null || c === undefined || c === false || c === true) continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
}

/**
 * SVG element (namespace-aware).
 * @template {keyof SVGElementTagNameMap} K
 * @param {K} tag
 * @param {Attrs | null} [attrs]
 * @param {...Child} children
 * @returns {SVGElementTagNameMap[K]}
 */
export function s(tag, attrs, ...children) {
  const el = document.createElementNS('http://www.w3.org/2000/svg', tag);
  for (const [k, v] of Object.entries(attrs ?? {})) if (v !== undefined && v !== null) el.setAttribute(k, String(v));
  append(el, children);
  return el;
}

/** @template {Element} E @param {E} el @param {...Child} children @returns {E} */
export function replace(el, ...children) {
  el.replaceChildren();
  append(el, children);
  return el;
}

/** @param {string | null} [text] */
export function setTitle(text) {
  document.title = text ? `${text} – ${APP_NAME}` : APP_NAME;
}

/** Says something to screen readers (polite). @param {string} text */
export function announce(text) {
  const a = document.getElementById('announcer');
  if (!a) return;
  a.textContent = '';
  setTimeout(() => (a.textContent = text), 50);
}

/** A message block: 'info' | 'success' | 'warning' | 'error'. Errors are alerts. @param {'info' | 'success' | 'warning' | 'error'} type @param {...Child} content */
export function notice(type, ...content) {
  return h('div', { class: `notice notice-${type}`, role: type === 'error' ? 'alert' : 'status' }, ...content);
}

export function loading(text = MESSAGES.loading) {
  return h('p', { class: 'loading', role: 'status' }, text);
}

/**
 * A file input whose button and "no file" text are Vietnamese whatever the browser's language
 * (the native control speaks the browser's). The real input stays focusable and labelled.
 * @param {string} name
 * @param {{ accept?: string, buttonText?: string }} [options]
 */
export function filePicker(name, { accept, buttonText = 'Chọn tệp…' } = {}) {
  const input = h('input', { type: 'file', name, accept, class: 'file-input' });
  const id = `${name}-${Math.random().toString(36).slice(2, 8)}`;
  input.id = id;
  const chosen = h('span', { class: 'file-name', 'aria-live': 'polite' }, 'Chưa chọn tệp');
  input.addEventListener('change', () => {
    chosen.textContent = input.files?.length ? input.files[0].name : 'Chưa chọn tệp';
  });
  return h('div', { class: 'file-picker' }, input, h('label', { for: id, class: 'btn btn-secondary file-button', 'aria-hidden': 'true' }, buttonText), chosen);
}

/**
 * A labelled form field. `control` is an element (input, select, textarea) or built from
 * {name, type, value, …}; type 'file' is the Vietnamese filePicker, never the browser's own button. Its id links label, hint and error (aria-describedby).
 * @param {{ label: Child, name?: string, control?: HTMLElement, hint?: string | null, required?: boolean, type?: string,
 *   value?: string | number | null, attrs?: Attrs, wide?: boolean }} options
 */
export function field({ label, name, control, hint, required = false, type = 'text', value, attrs = {}, wide = false }) {
  const id = attrs.id ?? uid(name ?? 'f');
  const input =
    control ??
    (type === 'textarea'
      ? h('textarea', { id, name, rows: 3, required, ...attrs }, value ?? '')
      : type === 'file'
        ? filePicker(name ?? 'file', { accept: attrs.accept })
        : h('input', { id, name, type, value: value ?? '', required, ...attrs }));
  // The control may be a wrapper (the file picker): label and hint go to the form control inside.
  /** @type {HTMLInputElement} */
  const target = input.matches('input, select, textarea') ? /** @type {HTMLInputElement} */ (input) : /** @type {HTMLInputElement} */ (input.querySelector('input, select, textarea'));
  target.id = target.id || id;
  if (name && !target.name) target.name = name;
  const hintId = hint ? `${target.id}-hint` : null;
  if (hintId) target.setAttribute('aria-describedby', hintId);
  return h(
    'div',
    { class: `field${wide ? ' field-wide' : ''}`, dataset: { field: name ?? '' } },
    h('label', { for: target.id }, label, required ? h('span', { class: 'required', 'aria-hidden': 'true' }, ' *') : null),
    hintId ? h('p', { class: 'hint', id: hintId }, hint) : null,
    input,
  );
}

/**
 * <select> from [[value, label], …].
 * @param {string} name
 * @param {ReadonlyArray<ReadonlyArray<string | number | null>>} options [value, label] pairs
 * @param {string | number | null} [value]
 * @param {Attrs} [attrs]
 */
export function select(name, options, value, attrs = {}) {
  return h(
    'select',
    { name, ...attrs },
    options.map(([v, l]) => h('option', { value: v, selected: String(v) === String(value ?? '') }, l)),
  );
}

/** @param {ParentNode} root */
export function clearErrors(root) {
  root.querySelectorAll('.field-error, .error-summary').forEach((e) => e.remove());
  root.querySelectorAll('[aria-invalid="true"]').forEach((e) => {
    e.removeAttribute('aria-invalid');
    const ids = (e.getAttribute('aria-describedby') ?? '').split(' ').filter((x) => x && !x.endsWith('-error'));
    if (ids.length) e.setAttribute('aria-describedby', ids.join(' '));
    else e.removeAttribute('aria-describedby');
  });
}

/** Puts a message under the field `name` inside root; false when there is no such field. @param {ParentNode} root @param {string} name @param {string} message */
export function fieldError(root, name, message) {
  const wrap = root.querySelector(`.field[data-field="${CSS.escape(name)}"], fieldset[data-field="${CSS.escape(name)}"]`);
  if (!wrap) return false;
  const control = wrap.querySelector('input, select, textarea');
  let box = wrap.querySelector('.field-error');
  if (!box) {
    box = h('p', { class: 'field-error', id: `${control?.id ?? uid('e')}-error` });
    wrap.append(box);
  }
  box.append(h('span', null, message), ' ');
  if (control) {
    control.setAttribute('aria-invalid', 'true');
    const ids = new Set((control.getAttribute('aria-describedby') ?? '').split(' ').filter(Boolean));
    ids.add(box.id);
    control.setAttribute('aria-describedby', [...ids].join(' '));
  }
  return true;
}

/**
 * Shows an API error in a form: each detail next to its field, the rest (and the message) in a
 * summary at the top, which takes the focus so keyboard and screen-reader users hear it.
 * `aliases` maps API field names to form field names.
 * @param {HTMLElement} root
 * @param {{ message: string, details?: { field: string, message: string }[] }} err
 * @param {{ aliases?: Record<string, string>, summaryTarget?: HTMLElement }} [options]
 */
export function showErrors(root, err, { aliases = {}, summaryTarget } = {}) {
  clearErrors(root);
  const rest = [];
  for (const d of err.details ?? []) {
    const name = aliases[d.field] ?? aliases[fieldRoot(d.field)] ?? fieldRoot(d.field);
    const text = stripField(d.message);
    // A detail that only repeats the summary's message is not listed a second time.
    if (!fieldError(root, name, text) && text !== err.message && !text.endsWith(`: ${err.message}`)) rest.push(text);
  }
  const summary = h(
    'div',
    { class: 'notice notice-error error-summary', role: 'alert', tabindex: '-1' },
    h('p', null, err.message),
    rest.length ? h('ul', null, rest.map((m) => h('li', null, m))) : null,
  );
  (summaryTarget ?? root).prepend(summary);
  const firstInvalid = /** @type {HTMLElement | null} */ (root.querySelector('[aria-invalid="true"]'));
  (firstInvalid ?? summary).focus();
  return summary;
}

/**
 * A button that shows a busy state while `fn` runs.
 * @template T
 * @param {EventTarget | null} button the button (e.currentTarget, form.querySelector('button…')); anything else runs fn plainly
 * @param {() => Promise<T>} fn
 * @param {string} [busyText]
 * @returns {Promise<T>}
 */
export async function busy(button, fn, busyText) {
  if (!(button instanceof HTMLButtonElement)) return fn();
  const text = button.textContent;
  button.disabled = true;
  button.setAttribute('aria-busy', 'true');
  if (busyText) button.textContent = busyText;
  try {
    return await fn();
  } finally {
    button.disabled = false;
    button.removeAttribute('aria-busy');
    if (busyText) button.textContent = text;
  }
}
