// @ts-check
// Admins' entry to the queue console (Bull Board): a one-minute link from the API, opened in a new tab.
import { api } from './api.js';

/**
 * Opens the tab at once (still inside the click, so no pop-up blocker refuses it), then sends it to
 * the link the API gives; if the API refuses, the tab says why.
 */
export async function openQueueConsole() {
  const tab = window.open('', '_blank');
  if (tab) {
    tab.opener = null;
    tab.document.title = 'Hàng đợi công việc';
    tab.document.body.textContent = 'Đang mở bảng theo dõi hàng đợi công việc…';
  }
  try {
    const { url } = await api.post('/queue-console/link', {});
    // On this page's own address (where the admin is signed in), whatever APP_URL says mail links use.
    const link = new URL(url);
    const target = `${location.origin}${link.pathname}${link.search}`;
    if (tab) tab.location.replace(target);
    else window.location.assign(target);
  } catch (err) {
    const why = `Không mở được bảng theo dõi hàng đợi công việc: ${err.message}`;
    if (tab) tab.document.body.textContent = why;
    else window.alert(why);
  }
}
