// @ts-check
// The unread count beside "Thông báo" in the menu: read when the header is drawn, after the inbox
// changes, and every two minutes while the tab is open.

import { api } from './api.js';
import { currentUser } from './session.js';

/** @type {number | null} */
let timer = null;

export async function refreshUnread() {
  if (!currentUser()) return;
  const badge = /** @type {HTMLElement | null} */ (document.querySelector('[data-nav="notifications"] .nav-count'));
  if (!badge) return;
  try {
    const { count } = await api.get('/notifications/unread-count');
    badge.textContent = count ? String(count) : '';
    badge.hidden = !count;
    badge.setAttribute('aria-label', `${count} chưa đọc`);
  } catch {
    /* the menu keeps its last count */
  }
  if (!timer) timer = window.setInterval(() => void refreshUnread(), 120_000);
}
