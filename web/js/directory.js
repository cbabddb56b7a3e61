// The small directories pages share (agencies, programs), read once and kept for the visit.

import { getAll } from './api.js';

let agencies = null;
let programs = null;

/** Every agency, active ones first, by name. */
export function allAgencies() {
  agencies ??= getAll('/agencies').then((list) =>
    list.sort((a, b) => Number(b.active) - Number(a.active) || a.name.localeCompare(b.name, 'vi')),
  );
  agencies.catch(() => (agencies = null));
  return agencies;
}

/** Every program, newest year first. */
export function allPrograms() {
  programs ??= getAll('/programs');
  programs.catch(() => (programs = null));
  return programs;
}

/** After an agency is edited, merged or grouped: the next page reads the directory again. */
export function forgetAgencies() {
  agencies = null;
}

export function forgetPrograms() {
  programs = null;
}

export function agencyOptions(list, { empty } = {}) {
  return [...(empty ? [['', empty]] : []), ...list.map((a) => [a.id, a.active ? a.name : `${a.name} (đã giải thể/sáp nhập)`])];
}

export function programOptions(list, { empty } = {}) {
  return [...(empty ? [['', empty]] : []), ...list.map((p) => [p.id, `${p.code} – ${p.title}`])];
}
