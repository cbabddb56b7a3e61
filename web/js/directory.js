// @ts-check
// The small directories pages share (agencies, programs), read once and kept for the visit.

import { getAll } from './api.js';

/** @typedef {import('../types/web').Schemas['AgencyResponseDto']} Agency */
/** @typedef {import('../types/web').Schemas['ProgramResponseDto']} Program */

/** @type {Promise<Agency[]> | null} */
let agencies = null;
/** @type {Promise<Program[]> | null} */
let programs = null;

/** Every agency, active ones first, by name. @returns {Promise<Agency[]>} */
export function allAgencies() {
  agencies ??= getAll('/agencies').then((list) =>
    list.sort((a, b) => Number(b.active) - Number(a.active) || a.name.localeCompare(b.name, 'vi')),
  );
  agencies.catch(() => (agencies = null));
  return agencies;
}

/** Every program, newest year first. @returns {Promise<Program[]>} */
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

/** @param {Agency[]} list @param {{ empty?: string }} [options] */
export function agencyOptions(list, { empty } = {}) {
  return [...(empty ? [['', empty]] : []), ...list.map((a) => [a.id, a.active ? a.name : `${a.name} (đã giải thể/sáp nhập)`])];
}

/** @param {Program[]} list @param {{ empty?: string }} [options] */
export function programOptions(list, { empty } = {}) {
  return [...(empty ? [['', empty]] : []), ...list.map((p) => [p.id, `${p.code} – ${p.title}`])];
}
