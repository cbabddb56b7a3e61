// @ts-check
// fetch against /api with the browser's session cookie (and its CSRF token on changes). Errors
// arrive as {statusCode, error, message, details: [{field, message}]} and are thrown as ApiError.
// A 401 of a signed-in tab asks for the password in place (reauth.js) and sends the request again;
// giving up ends the session (back to the sign-in page with a message).

import { MESSAGES } from './i18n.js';
import { reauthenticate } from './reauth.js';
import { csrfToken, end, refreshSession, startSession } from './session.js';

export class ApiError extends Error {
  /** @param {number} status 0 when the server could not be reached @param {any} body the JSON error body, if any */
  constructor(status, body) {
    super(viDates((body && typeof body.message === 'string' && body.message) || MESSAGES.network));
    this.name = 'ApiError';
    this.status = status;
    this.body = body ?? null;
    /** @type {{ field: string, message: string }[]} */
    this.details = Array.isArray(body?.details) ? body.details : [];
  }

  get isStale() {
    return this.status === 409;
  }
}

/** ISO days inside a message ('thời hạn (2024-03-01)') written dd/mm/yyyy like the rest of the page. @param {unknown} text */
export function viDates(text) {
  return String(text ?? '').replace(/\b(\d{4})-(\d{2})-(\d{2})\b/g, '$3/$2/$1');
}

/** 'items[3].leadAgency: Dòng 5: …' → 'Dòng 5: …' (the API prefixes messages with their field). @param {unknown} message */
export function stripField(message) {
  return viDates(String(message ?? '').replace(/^[\w.[\]]+: /, ''));
}

/** 'coordinatingAgencyIds.0' or 'items[2].title' → 'coordinatingAgencyIds' / 'items'. @param {unknown} field */
export function fieldRoot(field) {
  return String(field ?? '').split(/[.[]/)[0];
}

/** @typedef {Record<string, string | number | boolean | null | undefined | Array<string | number>>} Query */

/** @param {string} path @param {Query} [query] */
function buildUrl(path, query) {
  const url = new URL(path.startsWith('/api') ? path : `/api${path}`, location.origin);
  for (const [k, v] of Object.entries(query ?? {})) {
    if (v === undefined || v === null || v === '') continue;
    if (Array.isArray(v)) v.forEach((x) => url.searchParams.append(k, String(x)));
    else url.searchParams.set(k, String(v));
  }
  return url.pathname + url.search;
}

/**
 * @param {'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'} method
 * @param {string} path
 * @param {{ query?: Query, json?: unknown, form?: FormData, auth?: boolean, raw?: boolean }} [opts]
 * @param {boolean} [retried]
 * @returns {Promise<{ status: number, data: any, response: Response }>} `data` is the JSON answer (null with `raw`: read `response`)
 */
async function request(method, path, opts = {}, retried = false) {
  const { query, json, form, auth = true, raw = false } = opts;
  /** @type {Record<string, string>} */
  const headers = { Accept: 'application/json' };
  const csrf = method !== 'GET' ? csrfToken() : null;
  if (csrf) headers['X-CSRF-Token'] = csrf;
  let body;
  if (json !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(json);
  } else if (form) body = form;
  let res;
  try {
    res = await fetch(buildUrl(path, query), { method, headers, body, credentials: 'same-origin', cache: 'no-store' });
  } catch {
    throw new ApiError(0, null);
  }
  if (raw && res.ok) return { status: res.status, data: null, response: res };
  const type = res.headers.get('content-type') ?? '';
  const data = type.includes('json') ? await res.json().catch(() => null) : null;
  if (res.status === 401 && auth) {
    if (!retried && (await reauthenticate((email, password) => api.login(email, password)))) {
      return request(method, path, opts, true);
    }
    end('expired');
    throw new ApiError(401, data ?? { message: MESSAGES.sessionExpired });
  }
  // Another tab signed in again meanwhile (a new session, a new CSRF token): take this browser's
  // current session and send once more.
  if (res.status === 403 && auth && !retried && /X-CSRF-Token/.test(data?.message ?? '') && (await refreshSession())) {
    return request(method, path, opts, true);
  }
  if (!res.ok) throw new ApiError(res.status, data);
  return { status: res.status, data, response: res };
}

// Answers are `any` here: a view says what it reads with a JSDoc type from ../types/api (e.g. the Task schema).
export const api = {
  /** @param {string} path @param {Query} [query] @returns {Promise<any>} */
  async get(path, query) {
    return (await request('GET', path, { query })).data;
  },
  /** @param {string} path @param {unknown} [json] @returns {Promise<any>} */
  async post(path, json) {
    return (await request('POST', path, { json: json ?? {} })).data;
  },
  /** @param {string} path @param {unknown} [json] @returns {Promise<any>} */
  async put(path, json) {
    return (await request('PUT', path, { json })).data;
  },
  /** @param {string} path @param {unknown} [json] @returns {Promise<any>} */
  async patch(path, json) {
    return (await request('PATCH', path, { json })).data;
  },
  /** @param {string} path @returns {Promise<any>} */
  async del(path) {
    return (await request('DELETE', path)).data;
  },
  /**
   * multipart/form-data; answers {status, data} (imports answer 200, 201 or 202).
   * @param {string} path @param {FormData} form @param {'POST' | 'PUT'} [method]
   */
  upload(path, form, method = 'POST') {
    return request(method, path, { form });
  },
  /** Signs in (sets the session cookie) and starts this tab's session. */
  /** @param {string} email @param {string} password */
  async login(email, password) {
    const data = (await request('POST', '/auth/login', { json: { email, password }, auth: false })).data;
    startSession(data);
    return data;
  },
  /** Ends the session on the server, then in this tab. */
  async logout() {
    try {
      await request('POST', '/auth/logout', { json: {}, auth: false });
    } finally {
      end('signed-out');
    }
  },
  /** Downloads a file with the token and hands it to the browser as a download. */
  /** @param {string} path @param {string} [fallbackName] */
  async download(path, fallbackName) {
    const res = (await request('GET', path, { raw: true })).response;
    const blob = await res.blob();
    const name = fileNameOf(res.headers.get('content-disposition')) ?? fallbackName ?? 'tai-xuong';
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = name;
    a.hidden = true;
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
    return name;
  },
};

/** The file name of a Content-Disposition header, the UTF-8 one (RFC 5987) first. @param {string | null} header */
export function fileNameOf(header) {
  if (!header) return null;
  const star = /filename\*=UTF-8''([^;]+)/i.exec(header);
  if (star) {
    try {
      return decodeURIComponent(star[1]);
    } catch {
      /* fall through to the ASCII name */
    }
  }
  return /filename="([^"]+)"/i.exec(header)?.[1] ?? null;
}

/** Every page of a list endpoint (for the small directories: agencies, programs). */
/** @param {string} path @param {Query} [query] @returns {Promise<any[]>} */
export async function getAll(path, query = {}, limit = 500) {
  /** @type {any[]} */
  const items = [];
  for (let page = 1; ; page++) {
    const res = await api.get(path, { ...query, page, limit });
    items.push(...res.items);
    if (items.length >= res.total || res.items.length === 0) return items;
  }
}
